package io.atspro.resume;

/** A resume file that cannot be read, with a message fit to show the user. */
public class ResumeExtractionException extends RuntimeException {

    /** Why, for callers that map failures to responses. */
    public enum Reason {
        /** The file has no content, or no text at all. */
        EMPTY,
        /** Larger than the extractor accepts. */
        TOO_LARGE,
        /** Damaged, truncated, or not the format it claims to be. */
        UNREADABLE,
        /** A password is needed to open it. */
        PASSWORD_PROTECTED,
        /** Refused because reading it would take unsafe amounts of memory or time (a zip bomb, say). */
        UNSAFE,
        /** A format the service does not read (legacy .doc, images, ...). */
        UNSUPPORTED,
        /** Readable, but without a text layer: a scanned PDF, for instance. */
        NO_TEXT
    }

    private final Reason reason;

    public ResumeExtractionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ResumeExtractionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
