package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonLdCareerPageConnectorTest {

    private static final String GRAPH_POSTING = """
            {"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Acme"},
             {"@type":["JobPosting","Thing"],"identifier":{"@type":"PropertyValue","value":"ACME-7"},
              "title":"Remote Data Engineer","hiringOrganization":"Acme Corp",
              "description":"Line one
            line two &amp;amp; more&lt;script&gt;alert(1)&lt;/script&gt;",
              "jobLocationType":"TELECOMMUTE","employmentType":["CONTRACTOR"],
              "datePosted":"2026-09-01",
              "baseSalary":{"@type":"MonetaryAmount","currency":"USD",
                "value":{"@type":"QuantitativeValue","minValue":60,"maxValue":80,"unitText":"HOUR"}}}]}
            """;

    private WireMockServer server;
    private JsonLdCareerPageConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new JsonLdCareerPageConnector(null, ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private String page() {
        return "<html><head><title>Careers</title>"
                + "<script type=\"application/ld+json\">" + fixture("jobposting_jsonld.json") + "</script>"
                + "<script type='application/ld+json; charset=utf-8'>" + GRAPH_POSTING + "</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\"}</script>"
                + "</head><body><h1>Jobs</h1></body></html>";
    }

    private void robots(String body) {
        server.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withBody(body)));
    }

    @Test
    void readsEveryJobPostingWhenRobotsAllows() throws Exception {
        robots("""
                User-agent: *
                Disallow: /jobs/

                User-agent: ATSPro
                Disallow: /jobs/private
                Allow: /jobs/75243
                """);
        server.stubFor(get(urlEqualTo("/jobs/75243/job?in_iframe=1")).willReturn(aResponse().withBody(page())));

        List<NormalizedPosting> postings = connector.fetchAll(ScrapingTestSupport.base(server) + "/jobs/75243/job?in_iframe=1");

        assertThat(postings).hasSize(2);
        NormalizedPosting icims = postings.get(0);
        String url = "https://careers-gdms.icims.com/jobs/75243/sr.-advanced-field-support-specialist-%28ts-sci-clearance-required%29/job";
        assertThat(icims.externalId()).isEqualTo(url);
        assertThat(icims.title()).isEqualTo("Sr. Advanced Field Support Specialist (TS/SCI Clearance Required)");
        assertThat(icims.companyName()).isEqualTo("General Dynamics Mission Systems, Inc");
        assertThat(icims.locationRaw()).isEqualTo("Annapolis Junction, MD, US; VA, US");
        assertThat(icims.city()).isEqualTo("Annapolis Junction");
        assertThat(icims.state()).isEqualTo("MD");
        assertThat(icims.country()).isEqualTo("US");
        assertThat(icims.workArrangement()).isNull();
        assertThat(icims.employmentType()).isNull(); // "OTHER"
        assertThat(icims.salaryMin()).isNull();
        assertThat(icims.postedAt()).isEqualTo(Instant.parse("2026-10-04T04:00:00Z"));
        assertThat(icims.applyUrl()).isEqualTo(url);
        assertThat(icims.sourceUrl()).isEqualTo(ScrapingTestSupport.base(server) + "/jobs/75243/job?in_iframe=1");
        assertThat(icims.description()).isEqualTo("Basic Qualifications\n\nBachelor's degree in a related specialized "
                + "area.\n\nCLEARANCE REQUIREMENTS:Department of Defense Top Secret/SCI security clearance is required.");
        assertThat(icims.metadata()).containsEntry("validThrough", "2027-10-04T04:00:00.000Z");

        NormalizedPosting graph = postings.get(1);
        assertThat(graph.externalId()).isEqualTo("ACME-7");
        assertThat(graph.companyName()).isEqualTo("Acme Corp");
        assertThat(graph.workArrangement()).isEqualTo("remote");
        assertThat(graph.employmentType()).isEqualTo("contract");
        assertThat(graph.salaryMin()).isEqualByComparingTo(new BigDecimal("60"));
        assertThat(graph.salaryMax()).isEqualByComparingTo(new BigDecimal("80"));
        assertThat(graph.salaryCurrency()).isEqualTo("USD");
        assertThat(graph.salaryInterval()).isEqualTo("hour");
        assertThat(graph.postedAt()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(graph.description()).isEqualTo("Line one line two & more");
    }

    @Test
    void refusesPathDisallowedByRobots() {
        robots("User-agent: *\nDisallow: /jobs/\n");
        server.stubFor(get(urlEqualTo("/jobs/75243/job")).willReturn(aResponse().withBody(page())));

        assertThatThrownBy(() -> connector.fetchAll(ScrapingTestSupport.base(server) + "/jobs/75243/job"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.ROBOTS_DISALLOWED))
                .hasMessageContaining("robots.txt").hasMessageContaining("/jobs/75243/job");
        server.verify(0, getRequestedFor(urlEqualTo("/jobs/75243/job")));
    }

    @Test
    void missingRobotsAllowsEverything() throws Exception {
        server.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo("/careers")).willReturn(aResponse().withBody(page())));

        assertThat(connector.fetchAll(ScrapingTestSupport.base(server) + "/careers")).hasSize(2);
    }

    @Test
    void pageWithOnlyBrokenJsonLdIsMalformed() {
        robots("User-agent: *\nAllow: /\n");
        server.stubFor(get(urlEqualTo("/careers")).willReturn(aResponse().withBody(
                "<script type=\"application/ld+json\">" + fixture("jobposting_jsonld.json").substring(0, 300)
                        + "</script>")));

        assertThatThrownBy(() -> connector.fetchAll(ScrapingTestSupport.base(server) + "/careers"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void robotsLongestMatchAndWildcards() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: Googlebot
                Disallow: /

                User-agent: *
                Disallow: /careers
                Allow: /careers/jobs
                Disallow: /*.pdf$
                Disallow: /search?
                """, "atspro");

        assertThat(rules.allows("/careers")).isFalse();
        assertThat(rules.allows("/careers/team")).isFalse();
        assertThat(rules.allows("/careers/jobs/1")).isTrue();
        assertThat(rules.allows("/docs/a.pdf")).isFalse();
        assertThat(rules.allows("/docs/a.pdf?x")).isTrue();
        assertThat(rules.allows("/search?q=1")).isFalse();
        assertThat(rules.allows("/about")).isTrue();
    }
}
