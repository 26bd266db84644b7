package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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

class RecruiteeConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BUNQ = "recruitee/clearfetch_bunq_offers.json";
    private static final String CHANNABLE = "recruitee/hunt_channable_offers.json";

    private WireMockServer server;
    private RecruiteeConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new RecruiteeConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private void serve(String body) {
        server.stubFor(get(urlEqualTo("/api/offers/")).willReturn(aResponse().withBody(body)));
    }

    @Test
    void normalizesTheRealBunqOffers() throws Exception {
        serve(fixture(BUNQ));

        List<NormalizedPosting> postings = connector.fetchAll("bunq");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("2760348", "(Senior) Legal Counsel", "bunq", "Amsterdam, Noord-Holland, Netherlands",
                                "Amsterdam", "Noord-Holland", "NL", "hybrid", "full_time",
                                Instant.parse("2026-09-25T15:46:07Z")),
                        // the board files its intern under "fulltime_permanent"; the title is not second-guessed
                        tuple("2760260", "Copywriting Intern", "bunq", "Amsterdam, Noord-Holland, Netherlands",
                                "Amsterdam", "Noord-Holland", "NL", "hybrid", "full_time",
                                Instant.parse("2026-09-25T14:45:40Z")));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            // every salary field is null on this board: no salary, and no currency or period made up
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryMax()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.salaryInterval()).isNull();
            assertThat(p.description()).contains("Take ownership").contains(p.requirements());
            assertThat(p.benefits()).isNull();
            assertThat(p.company()).isEqualTo(new CompanyFacts("bunq.com", null, "https://careers.bunq.com", null,
                    null));
            assertThat(p.metadata()).containsEntry("platform", "recruitee").containsEntry("category", "banking")
                    .doesNotContainKey("department"); // null on the board
        }
        NormalizedPosting counsel = postings.get(0);
        assertThat(counsel.applyUrl()).isEqualTo("https://careers.bunq.com/o/senior-legal-counsel-3/c/new");
        assertThat(counsel.sourceUrl()).isEqualTo("https://careers.bunq.com/o/senior-legal-counsel-3");
        assertThat(counsel.description())
                .startsWith("At bunq , we move fast, launching products")
                .contains("- Be the go-to person for every third-party contract at bunq")
                .contains("- Take our AI contract review tool (Luminance) to the next level");
        // the board cut the requirements off mid-sentence ("You speak co")
        assertThat(counsel.requirements())
                .startsWith("- You are a qualified lawyer with a Master's degree in Law")
                .contains("- You're comfortable with the regulatory landscape: GDPR, PSD2, DORA")
                .endsWith("- You speak co");
        assertThat(counsel.metadata()).containsEntry("tags", "E4; Enablers")
                .containsEntry("experience", "experienced")
                .containsEntry("employmentTypeCode", "fulltime_permanent");
        NormalizedPosting intern = postings.get(1);
        assertThat(intern.applyUrl()).isEqualTo("https://careers.bunq.com/o/copywriting-intern-3/c/new");
        assertThat(intern.requirements()).startsWith("- You’re fluent in written and spoken English")
                .contains("- You’re available 5 days & 40 hours a week for 3 months.");
        assertThat(intern.description()).contains("Ready to help us turn words into impact? 🚀");
    }

    @Test
    void normalizesTheRealChannableOffersWithStringSalaries() throws Exception {
        serve(fixture(CHANNABLE));

        List<NormalizedPosting> postings = connector.fetchAll("channable");

        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt, NormalizedPosting::salaryMin,
                NormalizedPosting::salaryMax, NormalizedPosting::salaryCurrency, NormalizedPosting::salaryInterval)
                .containsExactly(
                        tuple("2751915", "Customer Success Manager Benelux - Dutch speaking", "Channable",
                                "Utrecht, Utrecht, Netherlands", "Utrecht", "Utrecht", "NL", "hybrid", "full_time",
                                Instant.parse("2026-09-18T13:27:28Z"), new BigDecimal("3750"),
                                new BigDecimal("5250"), "EUR", "month"),
                        tuple("2743511", "Head of People & Culture", "Channable", "Utrecht, Utrecht, Netherlands",
                                "Utrecht", "Utrecht", "NL", "hybrid", "full_time",
                                Instant.parse("2026-09-11T15:16:33Z"), new BigDecimal("115000"),
                                new BigDecimal("130000"), "EUR", "year"));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            assertThat(p.description()).doesNotContain("color:#000000");
            assertThat(p.company()).isEqualTo(new CompanyFacts("channable.com", null, "https://jobs.channable.com",
                    null, null));
        }
        NormalizedPosting csm = postings.get(0);
        assertThat(csm.sourceUrl())
                .isEqualTo("https://jobs.channable.com/o/customer-success-manager-benelux-dutch-speaking-3");
        assertThat(csm.applyUrl())
                .isEqualTo("https://jobs.channable.com/o/customer-success-manager-benelux-dutch-speaking-3/c/new");
        assertThat(csm.description()).startsWith("Channable is a fast-growing B2B SaaS platform")
                .contains("a passionate team ánd our customers");
        // the requirements field keeps its own heading and bullets; entities are decoded
        assertThat(csm.requirements()).startsWith("Your role\n\n- Portfolio & client management: customer "
                + "retention, identifying risk, preventing churn, realizing upsell & expansion;");
        assertThat(csm.metadata()).containsEntry("department", "Customer Success")
                .containsEntry("category", "consulting");
        NormalizedPosting head = postings.get(1);
        assertThat(head.requirements()).startsWith("Who are you?\n\n- You enjoy setting the people strategy");
        assertThat(head.description()).contains("As Head of People & Culture, you’ll be reporting directly to our "
                + "CEO").contains("Who are you?");
        assertThat(head.metadata()).containsEntry("department", "Operations");
    }

    @Test
    void periodAndCurrencyWithoutFiguresAreNoSalary() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(fixture(CHANNABLE));
        ((ObjectNode) root.at("/offers/0/salary")).putNull("min").putNull("max");
        serve(root.toString());

        List<NormalizedPosting> postings = connector.fetchAll("channable");

        assertThat(postings.get(0)).extracting(NormalizedPosting::salaryMin, NormalizedPosting::salaryMax,
                NormalizedPosting::salaryCurrency, NormalizedPosting::salaryInterval)
                .containsExactly(null, null, null, null);
        assertThat(postings.get(1).salaryMin()).isEqualByComparingTo("115000");
    }

    @Test
    void cutOffAnswerIsMalformed() {
        String body = fixture(CHANNABLE);
        serve(body.substring(0, body.length() / 2));

        assertThatThrownBy(() -> connector.fetchAll("channable"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("Recruitee board 'channable'")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void answerWithoutOffersIsMalformed() {
        serve("{\"error\": \"not found\"}");

        assertThatThrownBy(() -> connector.fetchAll("channable"))
                .isInstanceOfSatisfying(BoardException.class,
                        e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED))
                .hasMessageContaining("\"offers\"");
    }
}
