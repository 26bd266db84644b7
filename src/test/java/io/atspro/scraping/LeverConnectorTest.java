package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeverConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private WireMockServer server;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    @Test
    void normalizesEveryPostingOfTheRealBoard() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("mode", equalTo("json"))
                .withQueryParam("skip", equalTo("0")).withQueryParam("limit", equalTo("100"))
                .willReturn(aResponse().withBody(fixture("lever.json"))));

        List<NormalizedPosting> postings = new LeverConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client())
                .fetchAll("meesho");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("7d9af9b5-c1c7-48ec-bbb5-9b25e49f6596", "AM/ Manager - Risk & Decision Science", "meesho",
                                "Bangalore, Karnataka", "Bangalore", "Karnataka", "IN", "onsite", "full_time",
                                Instant.ofEpochMilli(1757916149833L)),
                        tuple("040a5a75-28d2-4b56-904b-071c41d4ea90", "Architect - Android", "meesho",
                                "Bangalore, Karnataka", "Bangalore", "Karnataka", "IN", "onsite", "full_time",
                                Instant.ofEpochMilli(1779772915772L)),
                        tuple("60e0d986-abe8-42ee-b172-0d9aecb307b7", "Software Development Engineer III DevOps",
                                "meesho", "Bangalore, Karnataka", "Bangalore", "Karnataka", "IN", "hybrid", "full_time",
                                Instant.ofEpochMilli(1780898819827L)),
                        tuple("36aea181-8eac-438f-8331-2f86e95c88df", "Assistant Manager - Ethics Investigations",
                                "meesho", "Bangalore, Karnataka", "Bangalore", "Karnataka", "IN", "onsite", "full_time",
                                Instant.ofEpochMilli(1783594572212L)),
                        tuple("5afe596f-17a2-4e8b-a498-ca46b2c7a869", "Assistant Manager - Ops", "meesho",
                                "Bangalore, Karnataka", "Bangalore", "Karnataka", "IN", "onsite", "full_time",
                                Instant.ofEpochMilli(1785217282907L)));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            assertThat(p.applyUrl()).isEqualTo("https://jobs.lever.co/meesho/" + p.externalId() + "/apply");
            assertThat(p.sourceUrl()).isEqualTo("https://jobs.lever.co/meesho/" + p.externalId());
            assertThat(p.salaryMin()).isNull();
            // description + lists + additional are all kept, lists as headed bullets
            assertThat(p.description()).contains("About us")
                    .containsIgnoringCase("What you will need");
        }
        assertThat(postings.get(0).description())
                .contains("What you will do\n\n- Over the longer horizon")
                .contains("- Creating 6 Month Risk roadmap");
        assertThat(postings.get(4).description()).contains("Distributor Lead Generation & Market Mapping");
        assertThat(postings.get(0).metadata()).containsEntry("team", "Financial Services")
                .containsEntry("commitment", "Full Time Employee");
    }

    @Test
    void pagesUntilAShortPage() throws Exception {
        ArrayNode all = (ArrayNode) MAPPER.readTree(fixture("lever.json"));
        ArrayNode page1 = MAPPER.createArrayNode();
        ArrayNode page2 = MAPPER.createArrayNode();
        for (int i = 0; i < all.size(); i++) {
            (i < 3 ? page1 : page2).add(all.get(i));
        }
        server.stubFor(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("skip", equalTo("0"))
                .withQueryParam("limit", equalTo("3")).willReturn(aResponse().withBody(page1.toString())));
        server.stubFor(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("skip", equalTo("3"))
                .withQueryParam("limit", equalTo("3")).willReturn(aResponse().withBody(page2.toString())));

        List<NormalizedPosting> postings = new LeverConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client(), 3)
                .fetchAll("meesho");

        assertThat(postings).extracting(NormalizedPosting::externalId)
                .containsExactly(all.get(0).get("id").asText(), all.get(1).get("id").asText(),
                        all.get(2).get("id").asText(), all.get(3).get("id").asText(), all.get(4).get("id").asText());
        assertThat(postings).hasSize(5);
        server.verify(2, getRequestedFor(urlPathEqualTo("/v0/postings/meesho")));
    }

    @Test
    void fullLastPageNeedsOneMoreEmptyPage() throws Exception {
        JsonNode all = MAPPER.readTree(fixture("lever.json"));
        server.stubFor(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("skip", equalTo("0"))
                .willReturn(aResponse().withBody(all.toString())));
        server.stubFor(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("skip", equalTo("5"))
                .willReturn(aResponse().withBody("[]")));

        assertThat(new LeverConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client(), 5).fetchAll("meesho"))
                .hasSize(5);
        server.verify(2, getRequestedFor(urlPathEqualTo("/v0/postings/meesho")));
    }

    @Test
    void errorObjectInsteadOfListIsMalformed() {
        server.stubFor(get(urlPathEqualTo("/v0/postings/nope"))
                .willReturn(aResponse().withBody("{\"ok\":false,\"error\":\"Document not found\"}")));

        assertThatThrownBy(() -> new LeverConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client()).fetchAll("nope"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Document not found");
    }
}
