package io.atspro.task;

/** A failure that another attempt cannot fix (a corrupt file, say): the task fails at once with this message. */
public class PermanentTaskFailure extends RuntimeException {

    public PermanentTaskFailure(String message) {
        super(message);
    }

    public PermanentTaskFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
