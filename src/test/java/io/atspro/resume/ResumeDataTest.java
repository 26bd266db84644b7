package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResumeDataTest {

    private static ValidatorFactory validatorFactory;
    private static Validator validator;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startValidator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void stopValidator() {
        validatorFactory.close();
    }

    static ResumeData sample() {
        return new ResumeData(
                new ContactInfo("Jane Doe", "jane@example.com", "+1 415 555 0132", "San Francisco, CA",
                        List.of(new Link("LinkedIn", "https://www.linkedin.com/in/jane-doe"))),
                "Engineer.",
                List.of(new WorkExperience("Acme Corp", "Senior Engineer", "2021-03", null, true, "Platform team.",
                        List.of("Built the billing service"), List.of("Java"))),
                List.of(new Education("MIT", "Bachelor of Science", "Computer Science", "2016-05", 3.8,
                        List.of("cum laude"), List.of("Algorithms"), List.of())),
                List.of(new Certification("CKA", "CNCF", "2022-01", "2025-01", "LF-123")),
                List.of("Java", "Go"));
    }

    @Test
    void serialisesInTheStoredSnakeCaseShapeKeepingNulls() {
        JsonNode node = json.valueToTree(sample());

        assertThat(node.fieldNames()).toIterable()
                .containsExactly("contact_info", "summary", "work_experience", "education", "certifications", "skills");
        assertThat(node.get("contact_info").fieldNames()).toIterable()
                .containsExactly("full_name", "email", "phone", "address", "links");
        JsonNode job = node.get("work_experience").get(0);
        assertThat(job.fieldNames()).toIterable().containsExactly("company", "position", "start_date", "end_date",
                "is_current", "description", "responsibilities", "skills");
        assertThat(job.get("is_current").booleanValue()).isTrue();
        assertThat(job.get("end_date").isNull()).isTrue();
        assertThat(node.get("education").get(0).fieldNames()).toIterable().containsExactly("institution", "degree",
                "field_of_study", "graduation_date", "gpa", "honors", "relevant_courses", "skills");
        assertThat(node.get("education").get(0).get("gpa").isNumber()).isTrue();
        assertThat(node.get("certifications").get(0).fieldNames()).toIterable()
                .containsExactly("name", "issuer", "date_obtained", "expiration_date", "credential_id");
    }

    @Test
    void readsTheStoredShapeBack() throws Exception {
        String stored = json.writeValueAsString(sample());

        assertThat(json.readValue(stored, ResumeData.class)).isEqualTo(sample());
    }

    @Test
    void missingOrNullListsBecomeEmptyAndNullItemsAreDropped() throws Exception {
        ResumeData resume = json.readValue("""
                {"contact_info": {"full_name": "Jane", "links": null},
                 "work_experience": [{"company": "Acme", "responsibilities": ["a", null]}],
                 "skills": null}""", ResumeData.class);

        assertThat(resume.contactInfo().links()).isEmpty();
        assertThat(resume.workExperience().get(0).responsibilities()).containsExactly("a");
        assertThat(resume.workExperience().get(0).skills()).isEmpty();
        assertThat(resume.education()).isEmpty();
        assertThat(resume.skills()).isEmpty();
        assertThat(new ResumeData(null, null, null, null, null, null).contactInfo().links()).isEmpty();
    }

    @Test
    void listsAreUnmodifiable() {
        List<String> skills = new ArrayList<>(List.of("Java"));
        ResumeData resume = new ResumeData(null, null, null, null, null, skills);
        skills.add("Go");

        assertThat(resume.skills()).containsExactly("Java");
    }

    @Test
    void aValidResumePassesValidation() {
        assertThat(validator.validate(sample())).isEmpty();
    }

    @Test
    void validationNamesTheFieldsThatBreakTheLimits() {
        char[] longName = new char[300];
        Arrays.fill(longName, 'x');
        ResumeData resume = new ResumeData(
                new ContactInfo(new String(longName), "not-an-email", null, null, List.of(new Link("Site", null))),
                null,
                List.of(new WorkExperience("Acme", "Engineer", "March 2021", null, false, null, List.of(), List.of())),
                List.of(new Education("MIT", null, null, null, -1.0, List.of(), List.of(), List.of())),
                List.of(),
                List.of(new String(longName)));

        Set<ConstraintViolation<ResumeData>> violations = validator.validate(resume);

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("contactInfo.fullName", "contactInfo.email", "contactInfo.links[0].url",
                        "workExperience[0].startDate", "education[0].gpa", "skills[0].<list element>");
    }
}
