package io.atspro.analytics;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics", description = "The caller's dashboards")
public class AnalyticsResource {

    private final DashboardService dashboards;
    private final AnalyticsJobs jobs;
    private final CurrentUser currentUser;

    AnalyticsResource(DashboardService dashboards, AnalyticsJobs jobs, CurrentUser currentUser) {
        this.dashboards = dashboards;
        this.jobs = jobs;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/pipeline")
    @Operation(operationId = "getPipeline", summary = "Applications by status",
            description = "The caller's applications counted by current status; every status is present, 0 when none.")
    public DashboardViews.Pipeline pipeline() {
        return dashboards.pipeline(currentUser.id());
    }

    @GET
    @Path("/weekly")
    @Operation(operationId = "getWeeklyActivity", summary = "Weekly activity",
            description = "The caller's applications, interviews and offers per week.")
    public DashboardViews.Weekly weekly(@QueryParam("weeks") @DefaultValue("12")
            @Pattern(regexp = "[1-9]|[1-9][0-9]|10[0-4]", message = "must be a whole number from 1 to 104") String weeks) {
        return dashboards.weekly(currentUser.id(), Integer.parseInt(weeks));
    }

    @GET
    @Path("/response-rate")
    @Operation(operationId = "getResponseRate", summary = "Response rate",
            description = "The share of the caller's applications that got a response, and how long responses took.")
    public DashboardViews.ResponseRate responseRate(@QueryParam("since") @Size(max = 10) String since) {
        return dashboards.responseRate(currentUser.id(), pastDate("since", since));
    }

    @GET
    @Path("/by-source")
    @Operation(operationId = "getOutcomesBySource", summary = "Outcomes by job source",
            description = "Application outcomes grouped by where the job came from (catalog board, url, document, manual, direct).")
    public DashboardViews.Outcomes bySource() {
        return dashboards.bySource(currentUser.id());
    }

    @GET
    @Path("/by-company")
    @Operation(operationId = "getOutcomesByCompany", summary = "Outcomes by company",
            description = "Application outcomes grouped by company, the company with most applications first.")
    public DashboardViews.Outcomes byCompany(@QueryParam("limit") @DefaultValue("20")
            @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to 100") String limit) {
        return dashboards.byCompany(currentUser.id(), Integer.parseInt(limit));
    }

    @GET
    @Path("/resume-versions")
    @Operation(operationId = "getOutcomesByResume", summary = "Outcomes by resume",
            description = "Application outcomes per resume used, the resumes that led to most interviews first.")
    public DashboardViews.ResumeOutcomes resumeVersions() {
        return dashboards.resumeVersions(currentUser.id());
    }

    private LocalDate pastDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 2026-01-31");
        }
        if (date.isAfter(jobs.today())) {
            throw new InvalidInputException(field, "must not be in the future");
        }
        return date;
    }
}
