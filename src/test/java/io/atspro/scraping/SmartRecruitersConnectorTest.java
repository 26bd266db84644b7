package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.posting.NormalizedPosting;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmartRecruitersConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POSTINGS = "/v1/companies/BoschGroup/postings";
    private static final String FIRST = "744000152399259";
    private static final String SECOND = "744000152398750";
    private static final String LISTING = "smartrecruiters/clearfetch_boschgroup_postings.json";
    private static final String DETAIL = "smartrecruiters/clearfetch_boschgroup_posting_detail.json";
    private static final String UBISOFT = "smartrecruiters/linkedinclassifier_ubisoft_posting_detail.json";

    private WireMockServer server;
    private SmartRecruitersConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new SmartRecruitersConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private void serveListing(int offset, String body) {
        server.stubFor(get(urlPathEqualTo(POSTINGS)).withQueryParam("limit", equalTo("100"))
                .withQueryParam("offset", equalTo(String.valueOf(offset))).willReturn(aResponse().withBody(body)));
    }

    /** The real listing; the first posting has its real detail, the second was closed meanwhile (404). */
    private void serveRealBoard(String listing) {
        serveListing(0, listing);
        server.stubFor(get(urlEqualTo(POSTINGS + "/" + FIRST)).willReturn(aResponse().withBody(fixture(DETAIL))));
        server.stubFor(get(urlEqualTo(POSTINGS + "/" + SECOND)).willReturn(aResponse().withStatus(404)));
    }

    @Test
    void normalizesTheRealPostingAndSkipsOneClosedMeanwhile() throws Exception {
        serveRealBoard(fixture(LISTING));

        List<NormalizedPosting> postings = connector.fetchAll("BoschGroup");

        server.verify(1, getRequestedFor(urlEqualTo(POSTINGS + "/" + SECOND)));
        assertThat(postings).hasSize(1);
        NormalizedPosting p = postings.get(0);
        assertThat(p.externalId()).isEqualTo(FIRST);
        assertThat(p.title()).isEqualTo("Pflichtpraktikum in Social Media");
        assertThat(p.companyName()).isEqualTo("Bosch Group");
        assertThat(p.locationRaw()).isEqualTo("Gerlingen, BW, Germany");
        assertThat(p.city()).isEqualTo("Gerlingen");
        assertThat(p.state()).isEqualTo("BW");
        assertThat(p.country()).isEqualTo("DE");
        assertThat(p.workArrangement()).isEqualTo("onsite");
        // typeOfEmployment says "Full-time", experienceLevel says internship: it is a (mandatory) internship
        assertThat(p.employmentType()).isEqualTo("internship");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-09-29T12:02:34.065Z"));
        assertThat(p.sourceUrl())
                .isEqualTo("https://jobs.smartrecruiters.com/BoschGroup/744000152399259-pflichtpraktikum-in-social-media");
        assertThat(p.applyUrl()).isEqualTo(p.sourceUrl() + "?oga=true");
        assertThat(p.salaryMin()).isNull();
        assertThat(p.salaryMax()).isNull();
        assertThat(p.salaryCurrency()).isNull();
        assertThat(p.salaryInterval()).isNull();

        assertCleanDescription(p);
        // the jobDescription section is cut mid-tag ("</li></u"): the next section still follows under its heading
        assertThat(p.description())
                .startsWith("Unternehmensbeschreibung\n\nMit weltweit über 12 000 Mitarbeitenden")
                .contains("Stellenbeschreibung\n\n- Während deines Praktikums konzipierst und steuerst du")
                .contains("um unsere Strategie kontinuierlich zu optimieren.\n\nQualifikationen\n\n- Ausbildung: Studium")
                .contains("Zusätzliche Informationen\n\nBeginn: nach Absprache\nDauer: 3 - 6 Monate (ausschließlich")
                .doesNotContain("</u").doesNotContain("Videos To Watch").doesNotContain("youtu.be");
        assertThat(p.requirements()).startsWith("- Ausbildung: Studium im Bereich Marketing")
                .contains("- Erfahrungen und Know-how: sicherer Umgang mit MS-Office")
                .doesNotContain("Qualifikationen");
        assertThat(p.benefits()).as("\"Zusätzliche Informationen\" is not a benefits heading").isNull();
        assertThat(p.requiredSkills()).isEmpty();

        assertThat(p.metadata()).containsEntry("platform", "smartrecruiters")
                .containsEntry("refNumber", "REF297302D")
                .containsEntry("function", "Marketing")
                .containsEntry("industry", "Automotive")
                .containsEntry("experienceLevel", "Internship")
                .containsEntry("typeOfEmployment", "Full-time")
                .containsEntry("customField.Legal Entity", "Robert Bosch GmbH")
                .containsEntry("customField.Career Site Tags", "Werbung,Kreativ,Video,Event")
                .containsKey(KnownPostings.STAMP)
                .doesNotContainKeys("department", "departmentId");
        assertThat(p.company().careerPageUrl()).isEqualTo("https://careers.smartrecruiters.com/BoschGroup");
        assertThat(p.company().domain()).isNull();
        assertThat(p.company().logoUrl()).isNull();
    }

    /** A listing of the Ubisoft posting as lists give it: the detail without its ad, department.id a string. */
    private static String ubisoftListing() throws Exception {
        ObjectNode entry = (ObjectNode) MAPPER.readTree(fixture(UBISOFT));
        entry.remove(List.of("jobAd", "postingUrl", "applyUrl", "referralUrl", "creator", "jobId", "active"));
        ((ObjectNode) entry.get("department")).put("id", "13847731");
        ObjectNode root = MAPPER.createObjectNode().put("offset", 0).put("limit", 100).put("totalFound", 1);
        root.putArray("content").add(entry);
        return root.toString();
    }

    @Test
    void readsTheUbisoftDetailWhoseDepartmentIdIsANumber() throws Exception {
        assertThat(MAPPER.readTree(fixture(UBISOFT)).at("/department/id").isNumber()).isTrue();
        server.stubFor(get(urlPathEqualTo("/v1/companies/Ubisoft2/postings"))
                .willReturn(aResponse().withBody(ubisoftListing())));
        server.stubFor(get(urlEqualTo("/v1/companies/Ubisoft2/postings/744000151103220"))
                .willReturn(aResponse().withBody(fixture(UBISOFT))));

        List<NormalizedPosting> postings = connector.fetchAll("Ubisoft2");

        assertThat(postings).hasSize(1);
        NormalizedPosting p = postings.get(0);
        assertThat(p.externalId()).isEqualTo("744000151103220");
        assertThat(p.title()).isEqualTo("Expert Technical Artist - Shader (F/H/NB)");
        assertThat(p.companyName()).isEqualTo("Ubisoft");
        assertThat(p.city()).isEqualTo("Annecy");
        assertThat(p.state()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(p.country()).isEqualTo("FR");
        assertThat(p.workArrangement()).isEqualTo("onsite");
        assertThat(p.employmentType()).isEqualTo("full_time");
        assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-09-22T17:49:45.760Z"));
        assertThat(p.sourceUrl()).isEqualTo(
                "https://jobs.smartrecruiters.com/Ubisoft2/744000151103220-expert-technical-artist-shader-f-h-nb-");
        assertCleanDescription(p);
        assertThat(p.description())
                .startsWith("Company Description\n\nUbisoft is a global leader in gaming")
                .contains("Job Description\n\nYOUR DAILY ADVENTURE")
                .contains("- R&D: conduct tests and experimentation")
                .endsWith("Additional Information\n\nRole based at the Annecy Studio");
        assertThat(p.requirements())
                .contains("- You are comfortable with particle systems (GPU/CPU) constraints")
                .contains("- Shaders\n- FX");
        assertThat(p.benefits()).isNull();
        assertThat(p.metadata()).containsEntry("department", "Ubisoft")
                .containsEntry("departmentId", "13847731")
                .containsEntry("experienceLevel", "Mid-Senior Level")
                .containsEntry("customField.Job Function", "Technical Art")
                .containsEntry("customField.Work flexibility", "Office-based");
        assertThat(p.company().careerPageUrl()).isEqualTo("https://careers.smartrecruiters.com/Ubisoft2");
    }

    @Test
    void additionalInformationIsTheBenefitsOnlyUnderABenefitsTitle() throws Exception {
        ObjectNode detail = (ObjectNode) MAPPER.readTree(fixture(UBISOFT));
        ((ObjectNode) detail.at("/jobAd/sections/additionalInformation")).put("title", "What we offer");
        server.stubFor(get(urlPathEqualTo("/v1/companies/Ubisoft2/postings"))
                .willReturn(aResponse().withBody(ubisoftListing())));
        server.stubFor(get(urlEqualTo("/v1/companies/Ubisoft2/postings/744000151103220"))
                .willReturn(aResponse().withBody(detail.toString())));

        NormalizedPosting p = connector.fetchAll("Ubisoft2").get(0);

        assertThat(p.benefits()).isEqualTo("Role based at the Annecy Studio");
        assertThat(p.description()).endsWith("What we offer\n\nRole based at the Annecy Studio");
    }

    /** A listing page of {@code count} postings made from the real first entry, numbered from {@code from}. */
    private static String page(int totalFound, int from, int count) throws Exception {
        ObjectNode real = (ObjectNode) MAPPER.readTree(fixture(LISTING)).get("content").get(0);
        ObjectNode root = MAPPER.createObjectNode().put("offset", from).put("limit", 100).put("totalFound", totalFound);
        ArrayNode content = root.putArray("content");
        for (int n = from; n < from + count; n++) {
            content.add(real.deepCopy().put("id", String.valueOf(1_000_000 + n)).put("name", "Posting " + n));
        }
        return root.toString();
    }

    private void serveEveryDetail() {
        server.stubFor(get(urlPathMatching(POSTINGS + "/[0-9]+")).willReturn(aResponse().withBody(fixture(DETAIL))));
    }

    @Test
    void pagesUntilAShortPage() throws Exception {
        serveListing(0, page(250, 0, 100));
        serveListing(100, page(250, 100, 100));
        serveListing(200, page(250, 200, 50));
        serveEveryDetail();

        List<NormalizedPosting> postings = connector.fetchAll("BoschGroup");

        assertThat(postings).hasSize(250).extracting(NormalizedPosting::externalId).doesNotHaveDuplicates()
                .contains("1000000", "1000100", "1000249");
        server.verify(3, getRequestedFor(urlPathEqualTo(POSTINGS)));
    }

    @Test
    void stopsAtTotalFound() throws Exception {
        serveListing(0, page(200, 0, 100));
        serveListing(100, page(200, 100, 100));
        serveListing(200, page(200, 200, 100));
        serveEveryDetail();

        assertThat(connector.fetchAll("BoschGroup")).hasSize(200);
        server.verify(2, getRequestedFor(urlPathEqualTo(POSTINGS)));
    }

    @Test
    void skipsTheDetailsOfPostingsKnownUnchanged() throws Exception {
        serveRealBoard(fixture(LISTING));
        Map<String, String> stamps = new HashMap<>();
        connector.fetchAll("BoschGroup").forEach(p -> stamps.put(p.externalId(), p.metadata().get(KnownPostings.STAMP)));
        server.resetRequests();
        KnownPostings known = new KnownPostings(stamps);

        assertThat(connector.fetchAll("BoschGroup", known)).isEmpty();
        assertThat(known.seenUnchanged()).containsExactly(FIRST);
        server.verify(0, getRequestedFor(urlEqualTo(POSTINGS + "/" + FIRST)));
        server.verify(1, getRequestedFor(urlEqualTo(POSTINGS + "/" + SECOND)));

        // republished: its detail is read again
        server.resetRequests();
        ObjectNode republished = (ObjectNode) MAPPER.readTree(fixture(LISTING));
        ((ObjectNode) republished.get("content").get(0)).put("releasedDate", "2026-10-01T08:00:00.000Z");
        serveRealBoard(republished.toString());
        assertThat(connector.fetchAll("BoschGroup", new KnownPostings(stamps)))
                .extracting(NormalizedPosting::externalId).containsExactly(FIRST);
        server.verify(1, getRequestedFor(urlEqualTo(POSTINGS + "/" + FIRST)));
    }

    @Test
    void aDetailFailingOtherwiseThanGoneFailsTheRun() {
        serveRealBoard(fixture(LISTING));
        server.stubFor(get(urlEqualTo(POSTINGS + "/" + SECOND)).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> connector.fetchAll("BoschGroup")).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.HTTP_ERROR));
    }

    @Test
    void aCutOffListingIsMalformed() {
        String listing = fixture(LISTING);
        serveRealBoard(listing.substring(0, listing.length() / 2));

        assertThatThrownBy(() -> connector.fetchAll("BoschGroup")).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void aCutOffDetailIsMalformed() {
        serveRealBoard(fixture(LISTING));
        String detail = fixture(DETAIL);
        server.stubFor(get(urlEqualTo(POSTINGS + "/" + FIRST))
                .willReturn(aResponse().withBody(detail.substring(0, detail.length() / 2))));

        assertThatThrownBy(() -> connector.fetchAll("BoschGroup")).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void aBlankCompanyIsMalformed() {
        assertThatThrownBy(() -> connector.fetchAll(" ")).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void searchSendsTheQueryFiltersTheLocationBeforeReadingDetailsAndStopsAtMax() throws Exception {
        serveRealBoard("{}");
        server.stubFor(get(urlPathEqualTo(POSTINGS)).withQueryParam("q", equalTo("social media"))
                .withQueryParam("offset", equalTo("0")).willReturn(aResponse().withBody(fixture(LISTING))));

        assertThat(connector.search("BoschGroup", "social media", "gerlingen", 10, KnownPostings.none()))
                .extracting(NormalizedPosting::externalId).containsExactly(FIRST);
        assertThat(connector.search("BoschGroup", "social media", "DE", 10, KnownPostings.none()))
                .extracting(NormalizedPosting::externalId).containsExactly(FIRST);
        server.verify(0, getRequestedFor(urlEqualTo(POSTINGS + "/" + SECOND)));

        assertThat(connector.search("BoschGroup", "social media", "brazil", 10, KnownPostings.none())).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo(POSTINGS + "/" + SECOND)));

        server.resetRequests();
        assertThat(connector.search("BoschGroup", "social media", null, 1, KnownPostings.none()))
                .extracting(NormalizedPosting::externalId).containsExactly(FIRST);
        server.verify(0, getRequestedFor(urlEqualTo(POSTINGS + "/" + SECOND)));
    }
}
