package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreenhouseConnectorTest {

    private WireMockServer server;
    private GreenhouseConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new GreenhouseConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    @Test
    void normalizesEveryPostingOfTheRealBoard() throws Exception {
        server.stubFor(get(urlEqualTo("/v1/boards/phonepe/jobs?content=true"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(fixture("greenhouse.json"))));

        List<NormalizedPosting> postings = connector.fetchAll("phonepe");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt, NormalizedPosting::applyUrl)
                .containsExactly(
                        tuple("7650503003", "AI Creative Lead", "PhonePe", "Bangalore", "Bangalore", "Karnataka", "IN",
                                null, "full_time", Instant.parse("2026-03-06T09:36:13Z"),
                                "https://job-boards.greenhouse.io/phonepe/jobs/7650503003"),
                        tuple("7821190003", "Associate Manager, Lending Operations", "PhonePe", "Bengaluru", "Bengaluru",
                                null, null, null, "full_time", Instant.parse("2026-07-31T06:19:58Z"),
                                "https://job-boards.greenhouse.io/phonepe/jobs/7821190003"),
                        tuple("7735150003", "AI Video Specialist", "PhonePe", "Bangalore", "Bangalore", null, null,
                                null, "full_time", Instant.parse("2026-05-21T06:17:27Z"),
                                "https://job-boards.greenhouse.io/phonepe/jobs/7735150003"),
                        tuple("7750814003", "Analyst, Credit Risk Management - Consumer", "PhonePe", "Bangalore",
                                "Bangalore", null, null, null, "full_time", Instant.parse("2026-05-29T08:38:20Z"),
                                "https://job-boards.greenhouse.io/phonepe/jobs/7750814003"),
                        tuple("7780995003", "Associate Manager, Compliance", "PhonePe", "Bangalore", "Bangalore",
                                "Karnataka", "IN", null, "full_time", Instant.parse("2026-06-24T11:56:34Z"),
                                "https://job-boards.greenhouse.io/phonepe/jobs/7780995003"));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.description()).startsWith("About PhonePe Limited:")
                    .contains("PhonePe in the news")
                    .doesNotContain("drive.google.com"); // <video><source src=...> carries no text
            assertThat(p.metadata()).containsEntry("platform", "greenhouse")
                    .containsEntry("gh.Requisition Type", "FTE - Regular");
        }
        assertThat(postings.get(0).description())
                .contains("Headquartered in India, its flagship product")
                .contains("\n- "); // bullets survive as lines
        assertThat(postings.get(0).metadata()).containsEntry("requisitionId", "423493")
                .containsEntry("department", "Business Marketing_SD1_2146");
        server.verify(1, getRequestedFor(urlEqualTo("/v1/boards/phonepe/jobs?content=true")));
    }

    @Test
    void sameBoardHashesTheSameAcrossRuns() throws Exception {
        server.stubFor(get(urlEqualTo("/v1/boards/phonepe/jobs?content=true"))
                .willReturn(aResponse().withBody(fixture("greenhouse.json"))));

        List<NormalizedPosting> first = connector.fetchAll("phonepe");
        List<NormalizedPosting> second = connector.fetchAll("phonepe");

        assertThat(first).extracting(NormalizedPosting::contentHash)
                .containsExactlyElementsOf(second.stream().map(NormalizedPosting::contentHash).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void truncatedPayloadIsMalformed() {
        String body = fixture("greenhouse.json");
        server.stubFor(get(urlEqualTo("/v1/boards/phonepe/jobs?content=true"))
                .willReturn(aResponse().withBody(body.substring(0, body.length() / 2))));

        assertThatThrownBy(() -> connector.fetchAll("phonepe"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Greenhouse board 'phonepe'").hasMessageContaining("not valid JSON");
    }

    @Test
    void answerWithoutJobsListIsMalformed() {
        server.stubFor(get(urlEqualTo("/v1/boards/phonepe/jobs?content=true"))
                .willReturn(aResponse().withBody("{\"status\":404,\"error\":\"Job not found\"}")));

        assertThatThrownBy(() -> connector.fetchAll("phonepe"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void unknownBoardIsHttpError() {
        server.stubFor(get(urlEqualTo("/v1/boards/nope/jobs?content=true")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> connector.fetchAll("nope"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.HTTP_ERROR))
                .hasMessageContaining("HTTP 404");
        server.verify(1, getRequestedFor(urlEqualTo("/v1/boards/nope/jobs?content=true"))); // 4xx is not retried
    }
}
