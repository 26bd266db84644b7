package io.atspro.application.generation;

import java.util.Locale;

/** The kinds of text ATSPro writes for an application. */
public enum ContentType {
    COVER_LETTER("cover_letter"),
    FOLLOW_UP_EMAIL("follow_up_email"),
    TAILORED_RESUME("tailored_resume");

    private final String code;

    ContentType(String code) {
        this.code = code;
    }

    /** The stable name used in the API and the database. */
    public String code() {
        return code;
    }

    /** Accepts the code ({@code cover_letter}), the constant name or a hyphenated spelling, in any case. */
    public static ContentType of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A content type is required: cover_letter, follow_up_email or tailored_resume");
        }
        String normalised = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ContentType type : values()) {
            if (type.code.equals(normalised)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "Unknown content type '" + value.strip() + "': use cover_letter, follow_up_email or tailored_resume");
    }
}
