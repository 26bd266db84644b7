package io.atspro.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the applications API. */
@RegisterForReflection(targets = {ApplicationViews.ApplicationView.class, ApplicationViews.TimelineEntry.class,
        ApplicationViews.FeedbackView.class})
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public record ApplicationView(UUID id, UUID jobId, UUID postingId, String companyName, String jobTitle, String jobUrl,
                                  String status, List<String> nextStatuses, String applicationMethod, Instant appliedAt,
                                  Instant responseDate, List<Instant> interviewDates, Instant offerDate,
                                  Integer offerSalary, JsonNode offerDetails, String rejectionReason, String notes,
                                  LocalDate followUpDate, UUID resumeId, UUID coverLetterDocumentId,
                                  Instant createdAt, Instant updatedAt) {
    }

    public record TimelineEntry(String fromStatus, String toStatus, String changedBy, String notes, Instant at) {
    }

    public record FeedbackView(UUID id, int rating, String comments, Instant createdAt) {
    }

    static ApplicationView of(Application a) {
        return new ApplicationView(a.id, a.jobId, a.postingId, a.companyName, a.jobTitle, a.jobUrl, a.status().code(),
                a.status().next().stream().map(ApplicationStatus::code).sorted().toList(), a.applicationMethod,
                a.appliedAt, a.responseDate, List.copyOf(a.interviewDates), a.offerDate, a.offerSalary, a.offerDetails,
                a.rejectionReason, a.notes, a.followUpDate, a.resumeId, a.coverLetterDocumentId, a.createdAt, a.updatedAt);
    }

    static TimelineEntry of(StatusChange c) {
        return new TimelineEntry(c.fromStatus, c.toStatus, c.changedBy, c.notes, c.createdAt);
    }

    static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id, f.rating, f.comments, f.createdAt);
    }
}
