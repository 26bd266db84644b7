package io.atspro.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JobDetailsTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static Set<String> violations(JobDetails details) {
        return VALIDATOR.validate(details).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void missingListsAreEmptyAndNullItemsDropped() {
        JobDetails details = new JobDetails("Acme", "Engineer", null, null, null, Arrays.asList("Java", null),
                null, null, null, null);

        assertThat(details.responsibilities()).isEmpty();
        assertThat(details.qualifications()).containsExactly("Java");
        assertThat(details.logistics()).isEmpty();
        assertThat(details.location()).isEmpty();
        assertThat(details.additionalInfo()).isEmpty();
    }

    @Test
    void readsAndWritesTheParsedDataShape() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = """
                {"company":"Acme","title":"Engineer","description":"Build.","salary":"USD 1",
                 "responsibilities":["a"],"qualifications":["b"],"logistics":["Full-time"],"location":["Remote"],
                 "additional_info":["Posted: 2026-01-01"],"link":"https://acme.example/j/1"}""";

        JobDetails details = mapper.readValue(json, JobDetails.class);
        JsonNode written = mapper.valueToTree(details);

        assertThat(details.additionalInfo()).containsExactly("Posted: 2026-01-01");
        assertThat(written).isEqualTo(mapper.readTree(json));
        assertThat(mapper.readValue("{\"title\":\"Only\"}", JobDetails.class).location()).isEmpty();
    }

    @Test
    void limitsSuitManualEntry() {
        JobDetails ok = new JobDetails("c".repeat(300), "t".repeat(300), "d".repeat(100_000), "s", List.of("x"),
                Collections.nCopies(100, "q"), null, null, null, "https://x.example/");
        assertThat(violations(ok)).isEmpty();

        List<String> tooMany = new ArrayList<>(Collections.nCopies(101, "q"));
        JobDetails bad = new JobDetails("c".repeat(301), "t".repeat(301), "d".repeat(100_001), null,
                List.of("r".repeat(2001)), tooMany, null, null, null, null);
        assertThat(violations(bad)).contains("company", "title", "description", "qualifications")
                .anyMatch(path -> path.startsWith("responsibilities["));
    }
}
