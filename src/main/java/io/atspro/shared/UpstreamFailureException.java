package io.atspro.shared;

/** A service ATSPro relies on answered, but not usefully (a refused API key, a malformed answer): 502. */
public class UpstreamFailureException extends RuntimeException {

    public UpstreamFailureException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
