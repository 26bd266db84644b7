package io.atspro.resume;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the resume API. */
public final class ResumeRequests {

    private ResumeRequests() {
    }

    /** {@code POST /resumes} with JSON: a resume typed by hand. */
    public record ManualResume(@Size(max = 255) String title, @NotNull @Valid ResumeData resumeData) {
    }
}
