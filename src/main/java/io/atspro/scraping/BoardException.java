package io.atspro.scraping;

/** A board could not be read; {@link #getMessage()} is written for the person who configured the source. */
public class BoardException extends Exception {

    public enum Kind { MALFORMED, HTTP_ERROR, TIMEOUT, RATE_LIMITED, CIRCUIT_OPEN, ROBOTS_DISALLOWED, BLOCKED }

    private final Kind kind;

    public BoardException(Kind kind, String message) {
        this(kind, message, null);
    }

    public BoardException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
