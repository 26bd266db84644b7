package io.atspro.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the dashboards answer (JSON in snake_case); also what the cache stores. */
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public final class DashboardViews {

    private DashboardViews() {
    }

    /** Applications by current status, every status present (0 when none). */
    @Schema(name = "PipelineCounts")
    public record Pipeline(long total, Map<String, Long> byStatus) {
    }

    /** One week (Monday, UTC) of seed 001's dashboard: applications created, and those now in a positive status. */
    @Schema(name = "WeekActivity")
    public record Week(LocalDate weekStart, long applications, long positiveResponses) {
    }

    /** The last {@code weeks} weeks, newest first, weeks without applications included with zeros. */
    @Schema(name = "WeeklyActivity")
    public record Weekly(int weeks, List<String> positiveStatuses, List<Week> items) {
    }

    /**
     * Seed 003's figures over the applications submitted ({@code applied_at} set) since {@code since} (null: ever):
     * the share that got a response (a response date, or a rejection), the share that reached an interview, and the
     * average days from applying to the first response.
     */
    public record ResponseRate(LocalDate since, long applied, long responded, long interviews, long offers,
                               Double responseRate, Double interviewRate, Double avgDaysToFirstResponse) {
    }

    /** Outcomes of one group of applications (a source, a company). */
    @Schema(name = "OutcomeGroup")
    public record Outcome(String key, long applications, long applied, long responded, long interviews, long offers,
                          Double responseRate) {
    }

    @Schema(name = "OutcomeGroups")
    public record Outcomes(List<Outcome> items) {
    }

    /**
     * Outcomes of the applications sent with one resume ({@code resume_id} null: none recorded). {@code version} is
     * the resume's current version; an application does not record the version it was sent with.
     */
    public record ResumeOutcome(UUID resumeId, String title, Integer version, Boolean active, long applications,
                                long applied, long interviews, long offers, Double interviewRate) {
    }

    public record ResumeOutcomes(List<ResumeOutcome> items) {
    }
}
