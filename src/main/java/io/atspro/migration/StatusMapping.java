package io.atspro.migration;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ARCHITECTURE.md's status vocabulary applied to what ATSPro's ArangoDB documents carry. */
final class StatusMapping {

    static final Set<String> RESUME = Set.of("pending", "parsing", "parsed", "failed", "manual");
    static final Set<String> RESUME_SOURCE = Set.of("upload", "manual", "import");
    /** 002's processing states of a tracked job. */
    static final Set<String> JOB = Set.of("pending", "processing", "completed", "failed");
    static final Set<String> JOB_SOURCE = Set.of("url", "document", "manual", "catalog");
    static final Set<String> RESULT_TYPES = Set.of("optimization", "research", "score", "analysis");
    static final Set<String> DOCUMENT_KINDS = Set.of("resume", "cover_letter", "portfolio", "other");

    /** The one application vocabulary, and the seeds' other words for it. */
    private static final Map<String, String> APPLICATION = Map.ofEntries(
            Map.entry("saved", "saved"), Map.entry("applied", "applied"), Map.entry("screening", "screening"),
            Map.entry("interviewing", "interviewing"), Map.entry("offered", "offered"),
            Map.entry("accepted", "accepted"), Map.entry("rejected", "rejected"), Map.entry("withdrawn", "withdrawn"),
            Map.entry("in_progress", "in_progress"),
            Map.entry("submitted", "applied"), Map.entry("reviewing", "screening"),
            Map.entry("interviewed", "interviewing"), Map.entry("interview", "interviewing"),
            Map.entry("offer", "offered"));

    private StatusMapping() {
    }

    static String normalize(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** An application status (000's job and user_jobs statuses), after the seeds' aliases. */
    static Optional<String> application(String value) {
        return Optional.ofNullable(APPLICATION.get(normalize(value)));
    }
}
