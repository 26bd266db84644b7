package io.atspro.resume;

/** JSON Resume input that cannot be imported; {@link #field()} names the offending field, e.g. {@code work[1].highlights}. */
public class JsonResumeFormatException extends IllegalArgumentException {

    private final String field;

    public JsonResumeFormatException(String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    public JsonResumeFormatException(String field, String message, Throwable cause) {
        super(field.isEmpty() ? message : field + ": " + message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
