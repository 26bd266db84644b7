package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonioConnectorTest {

    private static final String PERSONIO = "personio/clearfetch_personio.xml";
    private static final String CLARK = "personio/jobs_clark_feed.xml";

    private WireMockServer server;
    private String base;
    private PersonioConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        base = ScrapingTestSupport.base(server);
        connector = new PersonioConnector(base, ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private void serve(String body) {
        server.stubFor(get(urlEqualTo("/xml")).willReturn(aResponse()
                .withHeader("Content-Type", "application/xml; charset=utf-8").withBody(body)));
    }

    @Test
    void normalizesTheRealPositionWithNamedSections() throws Exception {
        serve(fixture(PERSONIO));

        List<NormalizedPosting> postings = connector.fetchAll("personio");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(tuple("1834171", "Staff Software Engineer, Data Platform", "Personio SE & Co. KG",
                        "Munich", "Munich", null, null, null, "full_time", Instant.parse("2024-11-13T14:10:41Z")));
        NormalizedPosting p = postings.get(0);
        assertCleanDescription(p);
        // each section under its name; the CDATA's surrounding whitespace and the <em> keyword marks are gone
        assertThat(p.description())
                .startsWith("The Role: How you'll make an impact at Personio\n\n"
                        + "This position is hybrid based in either Dublin or Munich locations\n\n"
                        + "At Personio, your work transforms the way millions of people experience work every day.")
                .contains("\n\nRole Responsibilities: What you'll do\n\n- You will conceptualize and own technical "
                        + "solutions end-to-end.")
                .contains("How you’ll go about it:\n\n- Influencing and strengthening team culture")
                .contains("\n\nRole Requirements: What you need to succeed\n\n- 10+ years of software engineering")
                .contains("\n\nWhy Personio\n\nPersonio is an equal opportunities employer")
                .contains("build a reliable, resilient, scalable and future-proof Personio data platform.")
                .contains("reevaluated each year – that includes salary, benefits, and pre-IPO equity");
        // "Role Requirements" reads as requirements, "Why Personio" as benefits (a "Why <employer>" heading)
        assertThat(p.requirements())
                .startsWith("- 10+ years of software engineering experience building and designing scalable "
                        + "applications, tools or distributed systems.")
                .contains("- You have a deep understanding and an interest for DevOps tools and technologies")
                .endsWith("translate the platform's strategic vision into tactical, achievable objectives for the "
                        + "team.")
                .doesNotContain("Role Requirements");
        assertThat(p.benefits()).contains("- Enjoy 28 days of paid vacation").doesNotContain("Role Requirements");
        // no salary in the feed; the "competitive reward package" prose is not one
        assertThat(p.salaryMin()).isNull();
        assertThat(p.salaryCurrency()).isNull();
        assertThat(p.sourceUrl()).isEqualTo(base + "/job/1834171");
        assertThat(p.applyUrl()).isEqualTo(base + "/job/1834171");
        assertThat(p.company()).isEqualTo(new CompanyFacts(null, null, base, null, null));
        assertThat(p.metadata()).containsEntry("platform", "personio")
                .containsEntry("additionalOffices", "Berlin")
                .containsEntry("department", "Product and Tech")
                .containsEntry("recruitingCategory", "Engineering")
                .containsEntry("seniority", "experienced")
                .containsEntry("schedule", "full-time")
                .containsEntry("employmentType", "permanent")
                .containsEntry("yearsOfExperience", "7-10")
                .containsEntry("occupation", "software_and_web_development")
                .containsEntry("subcompany", "Personio SE & Co. KG");
    }

    @Test
    void benefitsSectionIsKeptApart() throws Exception {
        serve(fixture(PERSONIO).replace("<name>Why Personio</name>", "<name>What we offer</name>"));

        NormalizedPosting p = connector.fetchAll("personio").get(0);

        assertThat(p.benefits()).startsWith("Personio is an equal opportunities employer")
                .contains("- Enjoy 28 days of paid vacation");
        assertThat(p.requirements()).startsWith("- 10+ years");
    }

    @Test
    void normalizesTheRealClarkFeedWithRedactedDescriptions() throws Exception {
        serve(fixture(CLARK));

        List<NormalizedPosting> postings = connector.fetchAll("clark");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("2415353", "(Senior) CRM Manager (m/w/d)", "CLARK Holding SE", "Berlin", "Berlin", null,
                                null, null, "full_time", Instant.parse("2025-11-04T08:40:52Z")),
                        tuple("2377588", "Digitaler Bestandskundenbetreuer (Outbound) (m/w/d)", "Clark Germany GmbH",
                                "Remote", null, null, null, "remote", "full_time",
                                Instant.parse("2025-10-07T15:05:38Z")),
                        tuple("342554", "Sales Consultant (m/w/d)", "Clark Germany GmbH", "Berlin", "Berlin", null,
                                null, null, "full_time", Instant.parse("2021-03-24T16:31:23Z")),
                        tuple("2335782", "Sales Consultant (m/w/d)", "Clark Switzerland AG", "Zürich", "Zürich", null,
                                null, null, "full_time", Instant.parse("2025-09-15T08:25:51Z")));
        for (NormalizedPosting p : postings) {
            assertThat(p.description()).isNull(); // <jobDescriptions></jobDescriptions>
            assertThat(p.requirements()).isNull();
            assertThat(p.benefits()).isNull();
            assertThat(p.contentHash()).matches("[0-9a-f]{64}");
            assertThat(p.sourceUrl()).isEqualTo(base + "/job/" + p.externalId());
        }
        assertThat(postings.get(0).metadata()).containsEntry("additionalOffices", "Frankfurt am Main")
                .containsEntry("department", "Group - Marketing");
        assertThat(postings.get(2).metadata()).containsEntry("department", "DE - Sales Life & Health")
                .containsEntry("seniority", "experienced");
        assertThat(postings.get(1).metadata()).containsEntry("seniority", "entry-level")
                .doesNotContainKey("additionalOffices");
        assertThat(postings.get(3).metadata()).doesNotContainKey("yearsOfExperience")
                .containsEntry("occupation", "financial_products_sales_and_brokerage");
    }

    @Test
    void contractKindWinsOverHoursExceptAPermanentOne() throws Exception {
        String feed = fixture(CLARK)
                .replaceFirst("<employmentType>permanent</employmentType>", "<employmentType>intern</employmentType>")
                .replaceFirst("<schedule>full-time</schedule>\\s*<yearsOfExperience>1-2",
                        "<schedule>part-time</schedule><yearsOfExperience>1-2");
        serve(feed);

        List<NormalizedPosting> postings = connector.fetchAll("clark");

        assertThat(postings).extracting(NormalizedPosting::employmentType)
                .containsExactly("internship", "part_time", "full_time", "full_time");
    }

    @Test
    void positionWithoutSubcompanyIsFiledUnderTheBoard() throws Exception {
        serve(fixture(CLARK).replace("<subcompany>CLARK Holding SE</subcompany>", ""));

        assertThat(connector.fetchAll("clark").get(0).companyName()).isEqualTo("clark");
    }

    @Test
    void cutOffFeedIsMalformed() {
        String body = fixture(PERSONIO);
        serve(body.substring(0, body.length() / 2));

        assertThatThrownBy(() -> connector.fetchAll("personio"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Personio board 'personio'")
                .hasMessageContaining("not well-formed");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String secret = base + "/secret";
        server.stubFor(get(urlEqualTo("/secret")).willReturn(aResponse().withBody("Top Secret")));
        serve("<?xml version=\"1.0\"?>\n<!DOCTYPE workzag-jobs [<!ENTITY leak SYSTEM \"" + secret + "\">]>\n"
                + fixture(CLARK).replaceFirst("<\\?xml[^>]*>", "").replace("CLARK Holding SE", "&leak;"));

        assertThatThrownBy(() -> connector.fetchAll("clark"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("DOCTYPE");
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void htmlPageInsteadOfTheFeedIsMalformed() {
        serve("<html><body><h1>Page not found</h1><p>Sorry &nbsp; gone</p></body></html>");

        assertThatThrownBy(() -> connector.fetchAll("personio"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void wellFormedXmlThatIsNoFeedIsMalformed() {
        serve("<?xml version=\"1.0\"?><error><message>Company not found</message></error>");

        assertThatThrownBy(() -> connector.fetchAll("personio"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("<error>").hasMessageContaining("<workzag-jobs>");
    }
}
