package io.atspro.job;

/**
 * A page {@link SafeHttpFetcher} could not or would not fetch. {@link #reason()} is fit to show the user;
 * {@link #detail()} carries the technical specifics (resolved address, exception text) for the logs only.
 */
public class FetchException extends Exception {

    /** Why, for callers that map failures to responses or decide whether to retry. */
    public enum Kind {
        /** Not a usable http(s) address. */
        INVALID_ADDRESS,
        /** Resolves to a loopback, private, link-local or otherwise non-public address. */
        BLOCKED_ADDRESS,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Connection refused, reset, TLS failure and other network errors. */
        CONNECTION_FAILED,
        TIMEOUT,
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        /** The server answered with a status other than 2xx (see {@link #status()}). */
        HTTP_STATUS,
        /** Not HTML or JSON: a PDF, an image... */
        UNSUPPORTED_CONTENT,
        INTERRUPTED
    }

    private final Kind kind;
    private final String reason;
    private final int status;
    private final String detail;

    public FetchException(Kind kind, String reason) {
        this(kind, reason, 0, null, null);
    }

    public FetchException(Kind kind, String reason, int status, String detail, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.reason = reason;
        this.status = status;
        this.detail = detail;
    }

    /** A sentence fit to show the user, such as "The page answered 404". */
    public String reason() {
        return reason;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the server answered, or 0 when there was no (final) answer. */
    public int status() {
        return status;
    }

    /** Technical details for the logs (may name internal addresses: never show it to the user), or null. */
    public String detail() {
        return detail;
    }

    /** Whether trying again later may help: timeouts, network errors, 408, 429 and 5xx answers. */
    public boolean isTransient() {
        return switch (kind) {
            case TIMEOUT, CONNECTION_FAILED, INTERRUPTED -> true;
            case HTTP_STATUS -> status == 408 || status == 429 || status >= 500;
            default -> false;
        };
    }
}
