package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonResumeMapperTest {

    private final JsonResumeMapper mapper = new JsonResumeMapper();
    private final ObjectMapper json = new ObjectMapper();

    /** Everything here has a place in both formats. */
    static ResumeData rich() {
        return new ResumeData(
                new ContactInfo("Ana María Rossi", "ana@example.com", "+39 06 1234 5678", "Via Roma 1, 00100 Rome, Italy",
                        List.of(new Link("Website", "https://anarossi.it"),
                                new Link("LinkedIn", "https://www.linkedin.com/in/ana-rossi"),
                                new Link("GitHub", "https://github.com/anarossi"))),
                "Data engineer who likes boring, reliable pipelines.",
                List.of(
                        new WorkExperience("Globex", "Staff Data Engineer", "2021-03", null, true,
                                "Owns the streaming platform.", List.of("Moved ingestion to Kafka", "Cut costs by 40%"),
                                List.of()),
                        new WorkExperience("Initech", "Data Engineer", "2017", "2021-02-15", false, null,
                                List.of("Built the warehouse"), List.of())),
                List.of(
                        new Education("Politecnico di Milano", "M.Sc.", "Computer Engineering", "2016-07", 3.9,
                                List.of(), List.of("Databases", "Distributed Systems"), List.of()),
                        new Education("Liceo Scientifico", "Diploma", null, "2011", null, List.of(), List.of(), List.of())),
                List.of(new Certification("Certified Kubernetes Administrator", "CNCF", "2022-05", null, null),
                        new Certification("Databricks Data Engineer", null, null, null, null)),
                List.of("Python", "Kafka", "Spark", "SQL"));
    }

    @Test
    void aRoundTripLosesNothingBothFormatsHold() {
        ResumeData original = rich();

        ObjectNode exported = mapper.toJsonResume(original);
        ResumeData imported = mapper.fromJsonResume(exported);

        assertThat(imported).isEqualTo(original);
    }

    @Test
    void exportsTheJsonResumeShape() {
        JsonNode exported = mapper.toJsonResume(rich());

        JsonNode basics = exported.get("basics");
        assertThat(basics.get("name").asText()).isEqualTo("Ana María Rossi");
        assertThat(basics.get("url").asText()).isEqualTo("https://anarossi.it");
        assertThat(basics.get("location").get("address").asText()).isEqualTo("Via Roma 1, 00100 Rome, Italy");
        assertThat(basics.get("profiles").get(1).get("network").asText()).isEqualTo("LinkedIn");
        assertThat(basics.get("profiles").get(1).get("username").asText()).isEqualTo("ana-rossi");
        JsonNode job = exported.get("work").get(0);
        assertThat(job.get("name").asText()).isEqualTo("Globex");
        assertThat(job.get("startDate").asText()).isEqualTo("2021-03");
        assertThat(job.has("endDate")).isFalse();
        assertThat(job.get("highlights")).hasSize(2);
        JsonNode school = exported.get("education").get(0);
        assertThat(school.get("studyType").asText()).isEqualTo("M.Sc.");
        assertThat(school.get("area").asText()).isEqualTo("Computer Engineering");
        assertThat(school.get("score").asText()).isEqualTo("3.9");
        assertThat(exported.get("certificates").get(0).get("date").asText()).isEqualTo("2022-05");
        assertThat(exported.get("skills").get(2).get("name").asText()).isEqualTo("Spark");
    }

    @Test
    void importsAJsonResumeDocument() throws Exception {
        ResumeData resume = mapper.fromJsonResume(json.readTree("""
                {
                  "basics": {
                    "name": "Richard Hendriks", "label": "Programmer", "email": "richard@piedpiper.example",
                    "phone": "(912) 555-4321", "url": "https://richardhendricks.example.com",
                    "summary": "Compression enthusiast.",
                    "location": {"address": "2712 Broadway St", "postalCode": "CA 94115", "city": "San Francisco",
                                 "countryCode": "US", "region": "California"},
                    "profiles": [{"network": "Twitter", "username": "neutralthoughts"},
                                 {"network": "GitHub", "url": "https://github.com/rh"}]
                  },
                  "work": [{"name": "Pied Piper", "position": "CEO/President", "startDate": "2013-12-01",
                            "summary": "Pied Piper is a compression company.", "highlights": ["Built an algorithm"]},
                           {"name": "Hooli", "position": "Engineer", "startDate": "2011-06", "endDate": "2013-11"}],
                  "education": [{"institution": "University", "area": "Software Development", "studyType": "Bachelor",
                                 "endDate": "2011-01-01", "score": "4.0", "courses": ["DB1101 - Basic SQL"]},
                                {"institution": "Oxford", "score": "First Class Honours"}],
                  "certificates": [{"name": "Certified Kubernetes Administrator", "date": "2021-11-07",
                                    "issuer": "CNCF", "url": "https://certificate.example.com"}],
                  "skills": [{"name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS", "JavaScript"]},
                             {"name": "Compression"}, "Rust"]
                }"""));

        assertThat(resume.contactInfo()).isEqualTo(new ContactInfo("Richard Hendriks", "richard@piedpiper.example",
                "(912) 555-4321", "2712 Broadway St, San Francisco, California, CA 94115, US",
                List.of(new Link("Twitter", "https://twitter.com/neutralthoughts"), new Link("GitHub", "https://github.com/rh"),
                        new Link("Website", "https://richardhendricks.example.com"))));
        assertThat(resume.summary()).isEqualTo("Compression enthusiast.");
        assertThat(resume.workExperience()).containsExactly(
                new WorkExperience("Pied Piper", "CEO/President", "2013-12-01", null, true,
                        "Pied Piper is a compression company.", List.of("Built an algorithm"), List.of()),
                new WorkExperience("Hooli", "Engineer", "2011-06", "2013-11", false, null, List.of(), List.of()));
        assertThat(resume.education()).containsExactly(
                new Education("University", "Bachelor", "Software Development", "2011-01-01", 4.0, List.of(),
                        List.of("DB1101 - Basic SQL"), List.of()),
                new Education("Oxford", null, null, null, null, List.of("First Class Honours"), List.of(), List.of()));
        assertThat(resume.certifications()).containsExactly(
                new Certification("Certified Kubernetes Administrator", "CNCF", "2021-11-07", null, null));
        assertThat(resume.skills()).containsExactly("HTML", "CSS", "JavaScript", "Compression", "Rust");
    }

    @Test
    void anEmptyObjectIsAnEmptyResume() {
        assertThat(mapper.fromJsonResume("{}")).isEqualTo(new ResumeData(null, null, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[]                                              | ''                        | must be a JSON object, not an array",
        "\"resume\"                                      | ''                        | must be a JSON object, not a string",
        "{\"basics\": []}                                | basics                    | must be an object, not an array",
        "{\"basics\": {\"email\": {\"a\": 1}}}           | basics.email              | must be a string, not an object",
        "{\"basics\": {\"profiles\": {}}}                | basics.profiles           | must be an array, not an object",
        "{\"work\": \"Acme\"}                            | work                      | must be an array, not a string",
        "{\"work\": [{}, 42]}                            | work[1]                   | must be an object, not a number",
        "{\"work\": [{\"highlights\": [\"a\", 1]}]}      | work[0].highlights[1]     | must be a string, not a number",
        "{\"education\": [{\"courses\": \"SQL\"}]}       | education[0].courses      | must be an array of strings, not a string",
        "{\"skills\": [{\"keywords\": [true]}]}          | skills[0].keywords[0]     | must be a string, not a boolean",
        "{\"skills\": {}}                                | skills                    | must be an array, not an object"})
    void refusesAWrongShapeNamingTheField(String input, String field, String message) {
        assertThatThrownBy(() -> mapper.fromJsonResume(input))
                .isInstanceOf(JsonResumeFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((JsonResumeFormatException) e).field()).isEqualTo(field));
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertThatThrownBy(() -> mapper.fromJsonResume("{\"basics\": {\n \"name\": }"))
                .isInstanceOf(JsonResumeFormatException.class)
                .hasMessageContaining("not valid JSON at line 2");
        assertThatThrownBy(() -> mapper.fromJsonResume(""))
                .isInstanceOf(JsonResumeFormatException.class)
                .hasMessageContaining("empty input");
    }
}
