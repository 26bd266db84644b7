package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkableConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HUGGINGFACE = "/api/v1/widget/accounts/huggingface?details=true";
    private static final String EUPRY = "/api/v1/widget/accounts/eupry?details=true";

    private WireMockServer server;
    private WorkableConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new WorkableConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private void serve(String path, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(body)));
    }

    @Test
    void normalizesTheRealWidgetWithDescriptions() throws Exception {
        serve(HUGGINGFACE, fixture("workable/clearfetch_huggingface_widget.json"));

        List<NormalizedPosting> postings = connector.fetchAll("huggingface");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("F4C096B22E", "Low-level Senior Software Engineer, Xet Storage - EMEA Remote",
                                "Hugging Face", "Paris, Île-de-France, France", "Paris", "Île-de-France", "FR",
                                "remote", "full_time", Instant.parse("2026-07-30T00:00:00Z")),
                        tuple("002470F128", "Low-Level Senior Software Engineer, Xet Storage - US Remote",
                                "Hugging Face", "New York, New York, United States", "New York", "New York", "US",
                                "remote", "full_time", Instant.parse("2026-07-30T00:00:00Z")));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            // the leading empty <p></p> is dropped; link text stays, the link's markup does not
            assertThat(p.description())
                    .startsWith("At Hugging Face, we're on a journey to democratize good AI.")
                    .contains("1 million datasets & 1.5 million Gradio apps")
                    .contains("About the Role\n\nRoles at Hugging Face are very fluid")
                    .contains("This role sits on the Xet Storage team")
                    .doesNotContain("nofollow");
            assertThat(p.applyUrl()).isEqualTo("https://apply.workable.com/j/" + p.externalId() + "/apply");
            assertThat(p.sourceUrl()).isEqualTo("https://apply.workable.com/j/" + p.externalId());
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryMax()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.salaryInterval()).isNull();
            assertThat(p.requirements()).isNull();
            assertThat(p.benefits()).isNull();
            // the widget names the employer and nothing else about it
            assertThat(p.company()).isEqualTo(CompanyFacts.NONE);
            assertThat(p.metadata()).containsEntry("platform", "workable")
                    .containsEntry("department", "Product")
                    .containsEntry("function", "Engineering")
                    .containsEntry("experience", "Mid-Senior level")
                    .containsEntry("education", "Master's Degree")
                    .containsEntry("industry", "Computer Software")
                    .doesNotContainKey("code"); // "" on the board
        }
    }

    @Test
    void listingWithoutDescriptionsStillGivesEveryPosting() throws Exception {
        String widget = fixture("workable/jobs_eupry_widget.json");
        assertThat(widget).doesNotContain("\"description\": \"");
        serve(EUPRY, widget);

        List<NormalizedPosting> postings = connector.fetchAll("eupry");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("D68529D654", "Field Engineer", "Eupry", "Raleigh, North Carolina, United States",
                                "Raleigh", "North Carolina", "US", null, "full_time",
                                Instant.parse("2026-05-06T00:00:00Z")),
                        tuple("B0E8AAAACC", "Junior Customer Support", "Eupry",
                                "Raleigh, North Carolina, United States", "Raleigh", "North Carolina", "US", null,
                                "full_time", Instant.parse("2026-05-06T00:00:00Z")),
                        // published_on (07-14) wins over created_at (07-13); the board says part-time, not intern
                        tuple("0B3277D217", "US Office Support and Operations Intern", "Eupry",
                                "Raleigh, North Carolina, United States", "Raleigh", "North Carolina", "US", null,
                                "part_time", Instant.parse("2026-07-14T00:00:00Z")),
                        tuple("1134627B02", "Validation Team Manager (Raleigh, NC)", "Eupry",
                                "Raleigh, North Carolina, United States", "Raleigh", "North Carolina", "US", null,
                                "full_time", Instant.parse("2026-06-02T00:00:00Z")));
        for (NormalizedPosting p : postings) {
            assertThat(p.description()).isNull();
            assertThat(p.contentHash()).matches("[0-9a-f]{64}");
            assertThat(p.applyUrl()).isEqualTo("https://apply.workable.com/j/" + p.externalId() + "/apply");
            assertThat(p.company()).isEqualTo(CompanyFacts.NONE);
        }
        assertThat(postings).extracting(p -> p.metadata().get("function"))
                .containsExactly("Engineering", null, null, "Engineering"); // "" is no function
        assertThat(postings).extracting(p -> p.metadata().get("department"))
                .containsExactly("Customer Support", "Customer Support", "Customer Support", "Validation");
        assertThat(postings.get(2).metadata()).containsEntry("experience", "Entry level")
                .containsEntry("industry", "Medical Devices");
        server.verify(1, getRequestedFor(urlEqualTo(EUPRY)));
    }

    /**
     * The job's own v2 detail record (captured from the same board, prose redacted) is an independent account of
     * the first listing entry: the listing's reading of title, place, date and department must agree with it.
     */
    @Test
    void listingAgreesWithTheJobsOwnDetailRecord() throws Exception {
        serve(EUPRY, fixture("workable/jobs_eupry_widget.json"));
        JsonNode detail = MAPPER.readTree(fixture("workable/jobs_eupry_job_detail_v2.json"));

        NormalizedPosting p = connector.fetchAll("eupry").stream()
                .filter(posting -> posting.externalId().equals(detail.get("shortcode").asText()))
                .findFirst().orElseThrow();

        assertThat(p.title()).isEqualTo(detail.get("title").asText());
        assertThat(p.city()).isEqualTo(detail.at("/location/city").asText());
        assertThat(p.state()).isEqualTo(detail.at("/location/region").asText());
        assertThat(p.country()).isEqualTo(detail.at("/location/countryCode").asText());
        assertThat(p.postedAt()).isEqualTo(Instant.parse(detail.get("published").asText()));
        assertThat(p.metadata()).containsEntry("department", detail.at("/department/0").asText());
        assertThat(p.employmentType()).isEqualTo("full_time"); // "type": "full"
    }

    @Test
    void countryCodeOfTheLocationsListWinsOverTheCountrysName() throws Exception {
        String widget = fixture("workable/jobs_eupry_widget.json")
                .replaceFirst("\"country\": \"United States\"", "\"country\": \"Vereinigte Staaten\"");
        serve(EUPRY, widget);

        NormalizedPosting first = connector.fetchAll("eupry").get(0);

        assertThat(first.country()).isEqualTo("US");
        assertThat(first.locationRaw()).isEqualTo("Raleigh, North Carolina, Vereinigte Staaten");
    }

    @Test
    void cutOffAnswerIsMalformed() {
        String body = fixture("workable/clearfetch_huggingface_widget.json");
        serve(HUGGINGFACE, body.substring(0, body.length() / 2));

        assertThatThrownBy(() -> connector.fetchAll("huggingface"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Workable account 'huggingface'")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void answerWithoutJobsIsMalformed() {
        serve(HUGGINGFACE, "{\"name\": \"Hugging Face\", \"description\": null}");

        assertThatThrownBy(() -> connector.fetchAll("huggingface"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("\"jobs\"");
    }
}
