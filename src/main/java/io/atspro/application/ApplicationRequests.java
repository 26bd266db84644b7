package io.atspro.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the applications API. */
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public final class ApplicationRequests {

    static final String STATUS = "saved|applied|screening|interviewing|offered|accepted|rejected|withdrawn|pending|in_progress|failed";
    static final String STATUS_MESSAGE = "must be one of saved, applied, screening, interviewing, offered, accepted, "
            + "rejected, withdrawn, pending, in_progress, failed";

    private ApplicationRequests() {
    }

    /** From a tracked job ({@code job_id}), or free {@code company_name} + {@code job_title} (+ {@code job_url}). */
    public record CreateApplication(UUID jobId,
                                    UUID postingId,
                                    @Size(max = 255) String companyName,
                                    @Size(max = 255) String jobTitle,
                                    @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String jobUrl,
                                    @Pattern(regexp = "saved|applied", message = "must be saved or applied") String status,
                                    @Pattern(regexp = "manual|automated|referral", message = "must be one of manual, automated, referral") String applicationMethod,
                                    Instant appliedAt,
                                    UUID resumeId,
                                    @Size(max = 10_000) String notes) {
    }

    /** {@code POST /{id}/status}: the move, an optional note, and when it happened (default now). */
    public record StatusMove(@NotNull @Pattern(regexp = STATUS, message = STATUS_MESSAGE) String status,
                             @Size(max = 2000) String note,
                             Instant at) {
    }

    /** {@code PATCH /{id}}: only the given fields change; status changes go through {@code /status}. */
    public record PatchApplication(@Size(max = 10_000) String notes,
                                   LocalDate followUpDate,
                                   @Size(max = 20) List<@NotNull Instant> interviewDates,
                                   @Min(0) @Max(100_000_000) Integer offerSalary,
                                   JsonNode offerDetails,
                                   @Size(max = 2000) String rejectionReason,
                                   UUID resumeId,
                                   UUID coverLetterDocumentId) {
    }

    public record FeedbackRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 5000) String comments) {
    }
}
