package io.atspro.matching;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One structural check of a resume. {@code section} is one of {@code contact}, {@code summary},
 * {@code experience_dates}, {@code education}, {@code skills}; {@code detail} says what was found or is missing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SectionCheck(String section, boolean passed, String detail) {

    public static final String CONTACT = "contact";
    public static final String SUMMARY = "summary";
    public static final String EXPERIENCE_DATES = "experience_dates";
    public static final String EDUCATION = "education";
    public static final String SKILLS = "skills";
}
