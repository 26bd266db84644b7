package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AshbyConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PATH = "/posting-api/job-board/sarvam?includeCompensation=true";
    private WireMockServer server;
    private AshbyConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new AshbyConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    @Test
    void normalizesEveryPostingOfTheRealBoard() throws Exception {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withBody(fixture("ashby.json"))));

        List<NormalizedPosting> postings = connector.fetchAll("sarvam");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("3d479c06-8537-40ee-bcbb-a7d337013da4", "Head of Growth Marketing", "sarvam", "Bengaluru",
                                "Bengaluru", "Karnataka", "IN", "onsite", "full_time",
                                Instant.parse("2026-06-03T17:19:08.998Z")),
                        tuple("0632eb6b-e99c-4e31-9a6a-c3bd36fc8512", "Solution Architect", "sarvam", "Delhi", "Delhi",
                                "Delhi", "IN", "onsite", "full_time", Instant.parse("2026-05-07T06:47:11.483Z")),
                        tuple("7f3aa010-8b45-475f-a361-2c6b51074558", "Business Development - Education & Healthcare",
                                "sarvam", "Bengaluru", "Bengaluru", "Karnataka", "IN", "onsite", "full_time",
                                Instant.parse("2026-06-08T09:17:21.529Z")),
                        tuple("f3376204-1c2d-42a8-bf4a-1a0eec2fbc3c", "Solution Specialist", "sarvam", "Bengaluru",
                                "Bengaluru", "Karnataka", "IN", "onsite", "full_time",
                                Instant.parse("2026-05-20T08:44:45.357Z")),
                        tuple("c0406fe0-c8c0-44aa-aa3e-b879f2bf1049", "Engagement Manager, Chanakya", "sarvam", "Delhi",
                                "Delhi", "Delhi", "IN", "onsite", "full_time",
                                Instant.parse("2026-04-17T11:46:39.214Z")));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            assertThat(p.description()).containsIgnoringCase("About Sarvam");
            assertThat(p.applyUrl()).isEqualTo("https://jobs.ashbyhq.com/sarvam/" + p.externalId() + "/application");
            assertThat(p.sourceUrl()).isEqualTo("https://jobs.ashbyhq.com/sarvam/" + p.externalId());
            // the real board publishes no compensation tiers
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryMax()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.salaryInterval()).isNull();
        }
        assertThat(postings.get(1).metadata()).containsEntry("secondaryLocations", "Mumbai");
    }

    @Test
    void skipsUnlistedPostingsAndReadsCompensationTiers() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(fixture("ashby.json"));
        ArrayNode jobs = (ArrayNode) root.get("jobs");
        ObjectNode unlisted = jobs.get(0).deepCopy();
        unlisted.put("id", "unlisted-1").put("title", "Secret Role").put("isListed", false);
        jobs.add(unlisted);
        ObjectNode remote = (ObjectNode) jobs.get(2);
        remote.put("isRemote", true).put("workplaceType", "Remote").put("employmentType", "Intern");
        remote.set("compensation", MAPPER.readTree("""
                {"compensationTierSummary":"₹12L – ₹18L","scrapeableCompensationSalarySummary":"₹12L - ₹18L",
                 "compensationTiers":[{"id":"t1","title":"Zone A","components":[
                    {"id":"c1","compensationType":"Salary","interval":"1 YEAR","currencyCode":"INR",
                     "minValue":1200000,"maxValue":1500000},
                    {"id":"c2","compensationType":"EquityPercentage","interval":"NONE","currencyCode":null,
                     "minValue":0.01,"maxValue":0.05}]},
                  {"id":"t2","title":"Zone B","components":[
                    {"id":"c3","compensationType":"Salary","interval":"1 YEAR","currencyCode":"INR",
                     "minValue":1300000.0,"maxValue":1800000.0}]}],
                 "summaryComponents":[]}
                """));
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withBody(root.toString())));

        List<NormalizedPosting> postings = connector.fetchAll("sarvam");

        assertThat(postings).hasSize(5).extracting(NormalizedPosting::externalId).doesNotContain("unlisted-1");
        NormalizedPosting p = postings.get(2);
        assertThat(p.salaryMin()).isEqualByComparingTo(new BigDecimal("1200000"));
        assertThat(p.salaryMax()).isEqualByComparingTo(new BigDecimal("1800000"));
        assertThat(p.salaryCurrency()).isEqualTo("INR");
        assertThat(p.salaryInterval()).isEqualTo("year");
        assertThat(p.workArrangement()).isEqualTo("remote");
        assertThat(p.employmentType()).isEqualTo("internship");
        assertThat(p.metadata()).containsEntry("compensationSummary", "₹12L - ₹18L");
    }

    @Test
    void truncatedPayloadIsMalformed() {
        String body = fixture("ashby.json");
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withBody(body.substring(0, 5000))));

        assertThatThrownBy(() -> connector.fetchAll("sarvam"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }
}
