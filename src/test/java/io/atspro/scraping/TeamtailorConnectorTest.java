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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamtailorConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON_FEED = "teamtailor/jobs_slaterconsult_jobs_feed.json";
    private static final String RSS_FEED = "teamtailor/jobscraper_upcloud_jobs.rss";

    private WireMockServer server;
    private TeamtailorConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new TeamtailorConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private void serveJson(int status, String body) {
        server.stubFor(get(urlEqualTo("/jobs.json")).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private void serveRss(String body) {
        server.stubFor(get(urlEqualTo("/jobs.rss")).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody(body)));
    }

    @Test
    void normalizesTheRealJsonFeedOfAnAgencyBoard() throws Exception {
        serveJson(200, fixture(JSON_FEED));

        List<NormalizedPosting> postings = connector.fetchAll("slaterconsult");

        // the agency's name carries a trailing space on the board
        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        // two countries; the Polish city's region reads "Poland", which is no region
                        tuple("29913b0e-fd23-4083-8fc6-423d1ba251bf", "Product Lifecycle Management Lead",
                                "Slater Consult", "Holstebro, DK; Szczecin, PL", "Holstebro", null, "DK", null, null,
                                Instant.parse("2026-09-02T18:27:38Z")),
                        tuple("4ba1ebbc-a71e-4d73-853d-7145b1eee237", "Controller", "Slater Consult",
                                "Panama City, PA", "Panama City", null, "PA", null, null,
                                Instant.parse("2026-09-01T18:52:51Z")),
                        tuple("483480c4-9e79-4d59-9e34-d1cc431e5a12", "Senior Project Engineer", "Slater Consult",
                                "Morrisville, US", "Morrisville", null, "US", null, null,
                                Instant.parse("2025-10-28T11:37:38Z")),
                        tuple("29f88d67-f314-485b-a7f0-24ca0f757ea8", "Automation Engineer", "Slater Consult",
                                "Raleigh, US", "Raleigh", null, "US", null, null,
                                Instant.parse("2025-02-20T08:07:36Z")));
        for (NormalizedPosting p : postings) {
            assertThat(p.sourceUrl()).startsWith("https://slaterconsult.teamtailor.com/jobs/")
                    .endsWith(p.metadata().get("jobId") + "-" + p.title().toLowerCase().replace(' ', '-'));
            assertThat(p.applyUrl()).isEqualTo(p.sourceUrl());
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryMax()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.salaryInterval()).isNull();
            // sameAs is the board's teamtailor.com site: no employer domain; the feed's home page is its careers page
            assertThat(p.company()).isEqualTo(new CompanyFacts(null, null,
                    "https://slaterconsult.teamtailor.com/jobs", null, null));
            assertThat(p.metadata()).containsEntry("platform", "teamtailor").containsEntry("feed", "json");
        }
        assertThat(postings).extracting(p -> p.metadata().get("jobId"))
                .containsExactly("8312455", "8305651", "6676516", "5583037");
        assertCleanDescription(postings.get(0));
        assertCleanDescription(postings.get(1));
        assertCleanDescription(postings.get(3));
        assertThat(postings.get(0).description()).startsWith("Jupiter Bach is taking the next step");
        assertThat(postings.get(1).description()).startsWith("Monjasa is looking for a Controller to join its "
                + "finance team in Panama.");
        // one paragraph only (the capture is cut), with &nbsp; between words
        assertThat(postings.get(2).description()).startsWith("Landia has been innovating pump and mixer solutions "
                + "since 1933").doesNotContain("\u00a0").doesNotContain("&nbsp;").doesNotContain("<");
        assertThat(postings.get(3).description()).contains("Key Responsibilities\n\n- Provide on-site automation "
                + "engineering support and troubleshooting");
        server.verify(0, getRequestedFor(urlEqualTo("/jobs.rss")));
    }

    @Test
    void readsTheRssFeedWhenTheSiteHasNoJsonFeed() throws Exception {
        serveJson(404, "<html><body>Not found</body></html>");
        serveRss(fixture(RSS_FEED));

        List<NormalizedPosting> postings = connector.fetchAll("upcloud");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt, NormalizedPosting::sourceUrl)
                .containsExactly(
                        tuple("d8938509-ff5a-4755-a5f7-5f89a0ac791e", "Business Intelligence Analyst", "UpCloud",
                                "Helsinki, Finland", "Helsinki", null, "FI", "hybrid", null,
                                Instant.parse("2026-09-04T11:50:13Z"),
                                "https://upcloud.teamtailor.com/jobs/8323453-business-intelligence-analyst"),
                        tuple("2a4eb6a0-7aa9-4acf-bcce-4d8b37287035", "Full Stack Developer", "UpCloud",
                                "Helsinki, Finland", "Helsinki", null, "FI", "remote", null,
                                Instant.parse("2026-06-23T13:35:08Z"),
                                "https://upcloud.teamtailor.com/jobs/7958695-full-stack-developer"));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            assertThat(p.applyUrl()).isEqualTo(p.sourceUrl());
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.company()).isEqualTo(new CompanyFacts(null, null, "https://upcloud.teamtailor.com/jobs",
                    null, null));
            assertThat(p.metadata()).containsEntry("feed", "rss").containsEntry("role", p.title());
        }
        // the entity-escaped HTML is decoded once into markup, then into text
        assertThat(postings.get(0).description()).isEqualTo("We are looking for a Business Intelligence Analyst to "
                + "join UpCloud’s Finance team and help us make better use of data across the company.\n\n"
                + "This is an opportunity for someone early in their career who enjoys working with data and wants to "
                + "develop their skills in business intelligence and analytics. You don’t need years of experience. "
                + "An internship, relevant consulting project work, or previous similar hands-on experience with BI "
                + "can be enough.");
        assertThat(postings.get(1).description()).startsWith("At UpCloud, you’ll be literally building the cloud.")
                .contains("We’re on a mission to be the number #1 European cloud platform");
        assertThat(postings.get(0).metadata()).containsEntry("department", "Finance")
                .containsEntry("remoteStatus", "hybrid");
        assertThat(postings.get(1).metadata()).containsEntry("department", "Product Engineering")
                .containsEntry("remoteStatus", "fully");
        server.verify(1, getRequestedFor(urlEqualTo("/jobs.json")));
    }

    @Test
    void readsTheRssFeedWhenJsonFeedAnswersWithAPage() throws Exception {
        serveJson(200, "<!DOCTYPE html><html><body>Our jobs</body></html>");
        serveRss(fixture(RSS_FEED));

        assertThat(connector.fetchAll("upcloud")).extracting(NormalizedPosting::title)
                .containsExactly("Business Intelligence Analyst", "Full Stack Developer");
    }

    @Test
    void sameJobHasTheSameIdInBothFeeds() throws Exception {
        // an RSS item whose guid is the JSON item's id: the board may switch feeds without changing ids
        String rss = fixture(RSS_FEED).replace("d8938509-ff5a-4755-a5f7-5f89a0ac791e",
                "29913b0e-fd23-4083-8fc6-423d1ba251bf");
        serveJson(200, fixture(JSON_FEED));
        String fromJson = connector.fetchAll("slaterconsult").get(0).externalId();
        server.resetAll();
        serveJson(404, "");
        serveRss(rss);

        assertThat(connector.fetchAll("slaterconsult").get(0).externalId()).isEqualTo(fromJson);
    }

    @Test
    void structuredFieldsOfTheEmbeddedJobPostingAreRead() throws Exception {
        ObjectNode feed = (ObjectNode) MAPPER.readTree(fixture(JSON_FEED));
        ObjectNode posting = (ObjectNode) feed.at("/items/1/_jobposting");
        posting.put("employmentType", "FULL_TIME").put("jobLocationType", "TELECOMMUTE");
        posting.set("baseSalary", MAPPER.readTree("""
                {"@type":"MonetaryAmount","currency":"USD",
                 "value":{"@type":"QuantitativeValue","minValue":"65000","maxValue":80000,"unitText":"YEAR"}}
                """));
        ((ObjectNode) posting.get("hiringOrganization")).put("logo", "https://cdn.example.org/monjasa.png")
                .put("sameAs", "https://careers.monjasa.com");
        serveJson(200, feed.toString());

        NormalizedPosting p = connector.fetchAll("slaterconsult").get(1);

        assertThat(p.employmentType()).isEqualTo("full_time");
        assertThat(p.workArrangement()).isEqualTo("remote");
        assertThat(p.salaryMin()).isEqualByComparingTo(new BigDecimal("65000"));
        assertThat(p.salaryMax()).isEqualByComparingTo(new BigDecimal("80000"));
        assertThat(p.salaryCurrency()).isEqualTo("USD");
        assertThat(p.salaryInterval()).isEqualTo("year");
        assertThat(p.company()).isEqualTo(new CompanyFacts("monjasa.com", "https://cdn.example.org/monjasa.png",
                "https://slaterconsult.teamtailor.com/jobs", null, null));
    }

    @Test
    void cutOffJsonFeedIsMalformedWithoutTryingTheRss() {
        String body = fixture(JSON_FEED);
        serveJson(200, body.substring(0, body.length() / 2));
        serveRss(fixture(RSS_FEED));

        assertThatThrownBy(() -> connector.fetchAll("slaterconsult"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Teamtailor board 'slaterconsult' (jobs.json)")
                .hasMessageContaining("not valid JSON");
        server.verify(0, getRequestedFor(urlEqualTo("/jobs.rss")));
    }

    @Test
    void cutOffRssFeedIsMalformed() {
        String body = fixture(RSS_FEED);
        serveJson(404, "");
        serveRss(body.substring(0, body.length() / 2));

        assertThatThrownBy(() -> connector.fetchAll("upcloud"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Teamtailor board 'upcloud' (jobs.rss)")
                .hasMessageContaining("not well-formed");
    }

    @Test
    void rssWithAnEntityDeclarationIsRefused() {
        server.stubFor(get(urlEqualTo("/secret")).willReturn(aResponse().withBody("Top Secret")));
        serveJson(404, "");
        serveRss(fixture(RSS_FEED).replaceFirst("<rss ", "<!DOCTYPE rss [<!ENTITY leak SYSTEM \""
                + ScrapingTestSupport.base(server) + "/secret\">]>\n<rss ").replace("<title>UpCloud", "<title>&leak;"));

        assertThatThrownBy(() -> connector.fetchAll("upcloud"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("DOCTYPE");
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void neitherFeedIsAnHttpError() {
        serveJson(404, "");
        server.stubFor(get(urlEqualTo("/jobs.rss")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> connector.fetchAll("gone"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.HTTP_ERROR))
                .hasMessageContaining("/jobs.rss").hasMessageContaining("404");
    }

    @Test
    void jsonWithoutItemsIsMalformed() {
        serveJson(200, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"x\"}");

        assertThatThrownBy(() -> connector.fetchAll("slaterconsult"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("\"items\"");
    }
}
