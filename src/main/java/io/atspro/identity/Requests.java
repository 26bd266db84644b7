package io.atspro.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The identity feature's request bodies. Bean Validation names each bad field in the 400 answer. */
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public final class Requests {

    static final String URL = "^https?://[^\\s]+$";
    static final String URL_MESSAGE = "must be an http(s) URL";

    private Requests() {
    }

    /**
     * {@code PATCH /me} (JSON merge patch): a field that is absent stays as it is; a field given as null is
     * cleared. Name, email and picture belong to the identity provider and are not here.
     */
    public record ProfileUpdate(
            @Size(max = 50) @Pattern(regexp = "^\\+?[0-9 ()./-]{3,50}$", message = "must be a phone number") String phone,
            @Size(max = 255) String location,
            @Size(max = 100) String locationCity,
            @Size(max = 100) String locationState,
            @Size(max = 100) String locationCountry,
            @Size(max = 255) String title,
            @Size(max = 5000) String bio,
            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE) String linkedinUrl,
            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE) String githubUrl,
            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE) String portfolioUrl,
            @Min(0) @Max(70) Integer yearsExperience,
            @Pattern(regexp = "entry|mid|senior|lead|executive", message = "must be one of entry, mid, senior, lead, executive")
            String experienceLevel,
            Boolean willingToRelocate,
            @Pattern(regexp = "remote|hybrid|onsite", message = "must be one of remote, hybrid, onsite") String preferredWorkType,
            @Min(0) @Max(100_000_000) Integer targetSalaryMin,
            @Min(0) @Max(100_000_000) Integer targetSalaryMax,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String targetSalaryCurrency,
            @Min(0) @Max(1000) Integer dailyApplicationGoal,
            @Size(max = 20_000) String coverLetterTemplate,
            Map<String, Object> jobPreferences,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> preferredLocations,
            Boolean onboardingCompleted) {
    }

    /** {@code PUT /me/settings}: the whole settings document. */
    public record SettingsUpdate(
            @NotNull @Pattern(regexp = "light|dark|system", message = "must be one of light, dark, system") String theme,
            Map<String, Object> notifications,
            Map<String, Object> preferences) {
    }

    public record SkillRequest(
            @NotBlank @Size(max = 100) String skillName,
            @Pattern(regexp = "technical|soft|language|certification",
                    message = "must be one of technical, soft, language, certification") String skillCategory,
            @Pattern(regexp = "beginner|intermediate|advanced|expert",
                    message = "must be one of beginner, intermediate, advanced, expert") String proficiencyLevel,
            @DecimalMin("0") @DecimalMax("70") @Digits(integer = 2, fraction = 1) BigDecimal yearsExperience,
            Boolean isPrimary) {
    }

    public record ExperienceRequest(
            @NotBlank @Size(max = 200) String companyName,
            @NotBlank @Size(max = 200) String jobTitle,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            Boolean isCurrent,
            @Size(max = 10_000) String description,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> achievements,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> technologiesUsed) {
    }
}
