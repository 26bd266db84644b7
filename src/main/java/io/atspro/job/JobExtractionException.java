package io.atspro.job;

/** A page no job posting could be read from, with a message fit to show the user. */
public class JobExtractionException extends RuntimeException {

    /** Why, for callers that map failures to responses. */
    public enum Reason {
        /** Nothing to read: an empty page, or one built entirely by JavaScript. */
        NO_TEXT,
        /** Data (JSON) that holds no schema.org JobPosting. */
        NOT_A_JOB_POSTING
    }

    private final Reason reason;

    public JobExtractionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
