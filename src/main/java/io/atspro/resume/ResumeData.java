package io.atspro.resume;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The structured resume, in the shape stored as {@code resume_data}. Dates are ISO partial dates
 * ({@code 2021}, {@code 2021-03}, {@code 2021-03-15}); a current job has {@code is_current} and no end date.
 * Lists are never null: a missing list becomes an empty one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public record ResumeData(
        @NotNull @Valid ContactInfo contactInfo,
        @Size(max = Limits.LONG_TEXT) String summary,
        @Size(max = 50) List<@Valid WorkExperience> workExperience,
        @Size(max = 20) List<@Valid Education> education,
        @Size(max = 50) List<@Valid Certification> certifications,
        @Size(max = 200) List<@Size(max = Limits.SHORT_TEXT) String> skills) {

    public ResumeData {
        contactInfo = contactInfo == null ? ContactInfo.EMPTY : contactInfo;
        workExperience = clean(workExperience);
        education = clean(education);
        certifications = clean(certifications);
        skills = clean(skills);
    }

    /** Partial ISO date: year, year-month or full date. */
    static final String ISO_PARTIAL_DATE = "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$";

    /** Field size limits, shared with the editing API's documentation. */
    public static final class Limits {
        public static final int SHORT_TEXT = 200;
        public static final int URL = 2048;
        public static final int LONG_TEXT = 10_000;

        private Limits() {
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContactInfo(
            @Size(max = Limits.SHORT_TEXT) String fullName,
            @Email @Size(max = 320) String email,
            @Size(max = 50) String phone,
            @Size(max = 500) String address,
            @Size(max = 20) List<@Valid Link> links) {

        static final ContactInfo EMPTY = new ContactInfo(null, null, null, null, List.of());

        public ContactInfo {
            links = clean(links);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "ResumeLink")
    public record Link(
            @Size(max = 100) String name,
            @NotNull @Size(min = 1, max = Limits.URL) String url) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WorkExperience(
            @Size(max = Limits.SHORT_TEXT) String company,
            @Size(max = Limits.SHORT_TEXT) String position,
            @Pattern(regexp = ISO_PARTIAL_DATE) String startDate,
            @Pattern(regexp = ISO_PARTIAL_DATE) String endDate,
            boolean isCurrent,
            @Size(max = Limits.LONG_TEXT) String description,
            @Size(max = 50) List<@Size(max = 2000) String> responsibilities,
            @Size(max = 100) List<@Size(max = Limits.SHORT_TEXT) String> skills) {

        public WorkExperience {
            responsibilities = clean(responsibilities);
            skills = clean(skills);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Education(
            @Size(max = Limits.SHORT_TEXT) String institution,
            @Size(max = Limits.SHORT_TEXT) String degree,
            @Size(max = Limits.SHORT_TEXT) String fieldOfStudy,
            @Pattern(regexp = ISO_PARTIAL_DATE) String graduationDate,
            @DecimalMin("0.0") @DecimalMax("100.0") Double gpa,
            @Size(max = 20) List<@Size(max = Limits.SHORT_TEXT) String> honors,
            @Size(max = 50) List<@Size(max = Limits.SHORT_TEXT) String> relevantCourses,
            @Size(max = 100) List<@Size(max = Limits.SHORT_TEXT) String> skills) {

        public Education {
            honors = clean(honors);
            relevantCourses = clean(relevantCourses);
            skills = clean(skills);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Certification(
            @Size(max = Limits.SHORT_TEXT) String name,
            @Size(max = Limits.SHORT_TEXT) String issuer,
            @Pattern(regexp = ISO_PARTIAL_DATE) String dateObtained,
            @Pattern(regexp = ISO_PARTIAL_DATE) String expirationDate,
            @Size(max = Limits.SHORT_TEXT) String credentialId) {
    }

    /** Null becomes empty; null elements (possible in hand-edited JSON) are dropped; the result is unmodifiable. */
    private static <T> List<T> clean(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
