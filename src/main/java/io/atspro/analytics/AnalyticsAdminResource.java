package io.atspro.analytics;

import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The analytics jobs on demand (a Kubernetes CronJob can run them while the service is scaled to zero). */
@Path("/api/v1/admin/analytics")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AnalyticsAdminResource {

    private static final String BUSY = "is running on another replica; try again when it has finished";

    private final AnalyticsJobs jobs;

    AnalyticsAdminResource(AnalyticsJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @Path("/partitions")
    @Operation(operationId = "ensureAnalyticsPartitions", summary = "Create missing analytics partitions",
            description = "Creates the missing monthly partitions of analytics_events, as the monthly job does.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = AnalyticsJobs.PartitionsRun.class, responseDescription = "OK")
    public AnalyticsJobs.PartitionsRun partitions() {
        return jobs.ensurePartitions().orElseThrow(() -> new ConflictException("The partitions job " + BUSY));
    }

    @POST
    @Path("/rollup")
    @Operation(operationId = "rollUpAnalytics", summary = "Roll up a day of analytics",
            description = "Rolls one day's analytics events up into the daily metrics (yesterday by default), as the nightly job does.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = AnalyticsJobs.RollupRun.class, responseDescription = "OK")
    public AnalyticsJobs.RollupRun rollup(@QueryParam("date") @Size(max = 10) String date) {
        LocalDate day = jobs.yesterday();
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", "must be a date like 2026-01-31");
            }
            if (day.isAfter(jobs.today())) {
                throw new InvalidInputException("date", "must not be in the future");
            }
        }
        return jobs.rollup(day).orElseThrow(() -> new ConflictException("The rollup " + BUSY));
    }

    @POST
    @Path("/refresh-stats")
    @Operation(operationId = "refreshApplicationStats", summary = "Refresh application statistics",
            description = "Refreshes user_application_stats concurrently, as the nightly job does.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = AnalyticsJobs.RefreshRun.class, responseDescription = "OK")
    public AnalyticsJobs.RefreshRun refreshStats() {
        return jobs.refreshStats().orElseThrow(() -> new ConflictException("The statistics refresh " + BUSY));
    }

    @GET
    @Path("/overview")
    @Operation(operationId = "getPlatformOverview", summary = "Platform overview",
            description = "Platform-wide figures for operators: users, activity and the daily metrics of a date range.")
    public AnalyticsJobs.Overview overview(@QueryParam("top") @DefaultValue("10")
            @Pattern(regexp = "[0-9]|[1-9][0-9]|100", message = "must be a whole number from 0 to 100") String top) {
        return jobs.overview(Integer.parseInt(top));
    }
}
