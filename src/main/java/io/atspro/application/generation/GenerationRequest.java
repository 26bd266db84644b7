package io.atspro.application.generation;

import io.atspro.job.JobDetails;
import io.atspro.matching.MatchResult;
import io.atspro.resume.ResumeData;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a generator may use to write one text.
 *
 * @param type              what to write
 * @param resume            the applicant's structured resume
 * @param job               the job applied for
 * @param match             the resume/job match, when computed (nullable)
 * @param applicantNote     the applicant's extra instructions, at most {@value #MAX_NOTE_LENGTH} characters (nullable)
 * @param applicationStatus the application's status, e.g. {@code applied} (nullable)
 * @param appliedOn         when the applicant applied (nullable)
 */
public record GenerationRequest(
        ContentType type,
        ResumeData resume,
        JobDetails job,
        MatchResult match,
        String applicantNote,
        String applicationStatus,
        LocalDate appliedOn) {

    public static final int MAX_NOTE_LENGTH = 2000;

    public GenerationRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resume, "resume");
        Objects.requireNonNull(job, "job");
        applicantNote = applicantNote == null || applicantNote.isBlank() ? null : applicantNote.strip();
        if (applicantNote != null && applicantNote.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("The note for the writer is limited to " + MAX_NOTE_LENGTH + " characters");
        }
        applicationStatus = applicationStatus == null || applicationStatus.isBlank() ? null : applicationStatus.strip();
    }
}
