package io.atspro.application.generation;

/** Generation failed; the message can be shown to the user. */
public class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public GenerationException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public GenerationException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether trying again later may succeed (timeouts, rate limits, server errors). */
    public boolean retryable() {
        return retryable;
    }
}
