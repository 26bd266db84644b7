package io.atspro.shared;

/** A part the request needs (S3, say) is down: 503 with Retry-After; nothing was changed. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
