package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.atspro.scraping.ScrapingTestSupport.assertCleanDescription;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

class WorkdayConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BOARD = "nvidia.wd5/NVIDIAExternalCareerSite";
    private static final String API = "/wday/cxs/nvidia/NVIDIAExternalCareerSite";
    private static final String LIST = API + "/jobs";
    private static final String FIRST = "/job/Israel-Beer-Sheva/Senior-Chip-Design-Verification-Engineer_JR2015057";
    private static final String SECOND = "/job/India-Bengaluru/Chip-Power-Estimation-Engineer_JR2026671";
    private static final String THIRD =
            "/job/US-CA-Santa-Clara/Senior-Manager--Silicon-Speed-Productization---Silicon-Co-Design-Group_JR2026496";
    private static final String LISTING = "workday/clearfetch_nvidia_jobs.json";
    private static final String DETAIL = "workday/clearfetch_nvidia_job_detail.json";
    /** A whole detail of another NVIDIA posting: it stands in for the second listed posting's detail. */
    private static final String OTHER_DETAIL = "workday/eujobfeeds_nvidia_job_detail_full.json";

    private WireMockServer server;
    private WorkdayConnector connector;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        connector = new WorkdayConnector(ScrapingTestSupport.base(server), ScrapingTestSupport.client());
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    /** The real listing; its first two postings have the real details, the third was closed meanwhile (404). */
    private void serveRealBoard(String listing) {
        server.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withBody(listing)));
        server.stubFor(get(urlEqualTo(API + FIRST)).willReturn(aResponse().withBody(fixture(DETAIL))));
        server.stubFor(get(urlEqualTo(API + SECOND)).willReturn(aResponse().withBody(fixture(OTHER_DETAIL))));
        server.stubFor(get(urlEqualTo(API + THIRD)).willReturn(aResponse().withStatus(404)));
    }

    @Test
    void normalizesTheRealListingAndDetailsAndSkipsAPostingClosedMeanwhile() throws Exception {
        serveRealBoard(fixture(LISTING));

        List<NormalizedPosting> postings = connector.fetchAll(BOARD);

        server.verify(1, postRequestedFor(urlEqualTo(LIST)).withRequestBody(
                equalToJson("{\"appliedFacets\":{},\"limit\":20,\"offset\":0,\"searchText\":\"\"}")));
        server.verify(1, getRequestedFor(urlEqualTo(API + THIRD)));
        assertThat(postings).extracting(NormalizedPosting::externalId, NormalizedPosting::title,
                NormalizedPosting::companyName, NormalizedPosting::locationRaw, NormalizedPosting::city,
                NormalizedPosting::state, NormalizedPosting::country, NormalizedPosting::workArrangement,
                NormalizedPosting::employmentType, NormalizedPosting::postedAt)
                .containsExactly(
                        tuple("Senior-Chip-Design-Verification-Engineer_JR2015057",
                                "Senior Chip Design Verification Engineer", "nvidia", "Israel, Beer Sheva",
                                "Beer Sheva", null, "IL", null, "full_time", Instant.parse("2026-09-29T00:00:00Z")),
                        tuple("Chip-Power-Estimation-Engineer_JR2026671", "Practical Hardware Electronics Test Engineer",
                                "nvidia", "Israel, Yokneam", "Yokneam", null, "IL", null, "full_time",
                                Instant.parse("2026-08-02T00:00:00Z")));
        for (NormalizedPosting p : postings) {
            assertCleanDescription(p);
            assertThat(p.salaryMin()).isNull();
            assertThat(p.salaryMax()).isNull();
            assertThat(p.salaryCurrency()).isNull();
            assertThat(p.metadata()).containsEntry("platform", "workday")
                    .containsEntry("legalEntity", "IL00 Mellanox Technologies, Ltd.")
                    .containsKey(KnownPostings.STAMP);
            assertThat(p.company().careerPageUrl())
                    .isEqualTo("https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite");
            assertThat(p.company().domain()).isNull();
        }
        NormalizedPosting first = postings.get(0);
        assertThat(first.description())
                .startsWith("NVIDIA is looking for best-in-class Chip Design Engineers")
                .contains("developing the industry's best high speed communication devices")
                .contains("What you will be doing:\n\n- Join the Tel Aviv or Beer-Sheva group")
                .contains("- 5+ years of proven experience in RTL Frontend ASIC Verification");
        assertThat(first.applyUrl()).isEqualTo("https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite" + FIRST);
        assertThat(first.sourceUrl()).isEqualTo(first.applyUrl());
        assertThat(first.metadata()).containsEntry("jobReqId", "JR2015057")
                .containsEntry("additionalLocations", "Israel, Tel Aviv")
                .containsEntry("locationsText", "2 Locations")
                .containsEntry("bulletFields", "JR2015057")
                .containsEntry("workdayId", "7b14e71e0f14103234ceb4be23620000");
        assertThat(postings.get(1).description()).contains("If you're creative and autonomous, we want to hear from you!")
                .endsWith("protected by law.");
    }

    @Test
    void readsTenantExtrasAndKeepsPostingsOfOneRequisitionApart() throws Exception {
        String api = "/wday/cxs/msd/SearchJobs";
        ObjectNode listing = (ObjectNode) MAPPER.readTree(fixture("workday/jobs_board_durham_jobs.json"));
        ArrayNode entries = (ArrayNode) listing.get("jobPostings");
        ObjectNode secondOfRequisition = entries.get(0).deepCopy();
        secondOfRequisition.put("externalPath", "/job/Durham-NC/Director--Pre-Clinical-Manufacturing_R26-129-2");
        entries.add(secondOfRequisition);
        ObjectNode withoutUrl = (ObjectNode) MAPPER.readTree(fixture("workday/jobs_merck_job_detail.json"));
        ((ObjectNode) withoutUrl.get("jobPostingInfo")).remove("externalUrl");
        server.stubFor(post(urlEqualTo(api + "/jobs")).willReturn(aResponse().withBody(listing.toString())));
        server.stubFor(get(urlPathMatching(api + "/job/.*")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo(api + "/job/Durham-NC/Director--Pre-Clinical-Manufacturing_R26-129-1"))
                .willReturn(aResponse().withBody(fixture("workday/jobs_merck_job_detail.json"))));
        server.stubFor(get(urlEqualTo(api + "/job/Durham-NC/Director--Pre-Clinical-Manufacturing_R26-129-2"))
                .willReturn(aResponse().withBody(withoutUrl.toString())));

        List<NormalizedPosting> postings = connector.fetchAll("msd.wd5/SearchJobs");

        assertThat(postings).extracting(NormalizedPosting::externalId)
                .containsExactly("Director--Pre-Clinical-Manufacturing_R26-129-1",
                        "Director--Pre-Clinical-Manufacturing_R26-129-2");
        for (NormalizedPosting p : postings) {
            assertThat(p.title()).startsWith("2027 Future Talent Program - Manufacturing Strategy");
            assertThat(p.companyName()).isEqualTo("msd");
            assertThat(p.locationRaw()).isEqualTo("USA - Pennsylvania - West Point");
            assertThat(p.city()).isEqualTo("West Point");
            assertThat(p.state()).isEqualTo("Pennsylvania");
            assertThat(p.country()).isEqualTo("US");
            assertThat(p.workArrangement()).isEqualTo("hybrid");
            assertThat(p.employmentType()).isEqualTo("full_time");
            assertThat(p.postedAt()).isEqualTo(Instant.parse("2026-09-23T00:00:00Z"));
            assertThat(p.description()).contains("Our ability to excel depends on the integrity");
            assertThat(p.metadata()).containsEntry("bulletFields", "R26-129")
                    .containsEntry("jobReqId", "R418677")
                    .containsEntry("endDate", "2026-11-09")
                    .containsEntry("remoteType", "Hybrid")
                    .containsEntry("additionalLocations", "USA - New Jersey - Rahway")
                    .containsEntry("legalEntity", "1000 Merck Sharp & Dohme LLC");
        }
        assertThat(postings.get(0).applyUrl()).isEqualTo("https://msd.wd5.myworkdayjobs.com/SearchJobs/job/"
                + "USA---Pennsylvania---West-Point/XMLNAME-2027-Future-Talent-Program---Manufacturing-Strategy--"
                + "Business-Development-and-Alliances--MSBDA--Intern_R418677");
        // without externalUrl: the listing's path on the tenant's public host, not on the configured base
        assertThat(postings.get(1).applyUrl()).isEqualTo(
                "https://msd.wd5.myworkdayjobs.com/SearchJobs/job/Durham-NC/Director--Pre-Clinical-Manufacturing_R26-129-2");
        assertThat(postings.get(1).sourceUrl()).isEqualTo(postings.get(1).applyUrl());
    }

    /** A listing page of {@code count} generated postings numbered from {@code from}. */
    private static String page(int total, int from, int count) {
        ObjectNode root = MAPPER.createObjectNode().put("total", total);
        ArrayNode entries = root.putArray("jobPostings");
        for (int n = from; n < from + count; n++) {
            ObjectNode e = entries.addObject().put("title", "Engineer " + n)
                    .put("externalPath", "/job/US-CA-Santa-Clara/Engineer_JR" + n)
                    .put("locationsText", "US, CA, Santa Clara").put("postedOn", "Posted Today");
            e.putArray("bulletFields").add("JR" + n);
        }
        return root.toString();
    }

    private void servePage(int offset, String body) {
        server.stubFor(post(urlEqualTo(LIST)).withRequestBody(containing("\"offset\":" + offset + ","))
                .willReturn(aResponse().withBody(body)));
    }

    private void serveEveryDetail() {
        server.stubFor(get(urlPathMatching(API + "/job/.*")).willReturn(aResponse().withBody(fixture(DETAIL))));
    }

    @Test
    void pagesByOffsetWithTheTotalOfTheFirstPageOnly() throws Exception {
        servePage(0, page(45, 0, 20));
        servePage(20, page(0, 20, 20)); // later pages may say 0
        servePage(40, page(0, 40, 5));
        serveEveryDetail();

        List<NormalizedPosting> postings = connector.fetchAll(BOARD);

        assertThat(postings).hasSize(45).extracting(NormalizedPosting::externalId).doesNotHaveDuplicates()
                .contains("Engineer_JR0", "Engineer_JR20", "Engineer_JR44");
        server.verify(3, postRequestedFor(urlEqualTo(LIST)));
        server.verify(1, postRequestedFor(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.limit", equalTo("20")))
                .withRequestBody(matchingJsonPath("$.offset", equalTo("40"))));
    }

    @Test
    void stopsAtTheFirstPagesTotal() throws Exception {
        servePage(0, page(40, 0, 20));
        servePage(20, page(40, 20, 20));
        servePage(40, page(40, 40, 20));
        serveEveryDetail();

        assertThat(connector.fetchAll(BOARD)).hasSize(40);
        server.verify(2, postRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void readsAtMost2000Postings() throws Exception {
        for (int offset = 0; offset <= 2000; offset += 20) {
            servePage(offset, page(5000, offset, 20));
        }
        serveEveryDetail();

        assertThat(connector.fetchAll(BOARD)).hasSize(2000);
        server.verify(100, postRequestedFor(urlEqualTo(LIST)));
        server.verify(0, postRequestedFor(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.offset", equalTo("2000"))));
    }

    @Test
    void skipsTheDetailsOfPostingsKnownUnchanged() throws Exception {
        serveRealBoard(fixture(LISTING));
        Map<String, String> stamps = new HashMap<>();
        connector.fetchAll(BOARD).forEach(p -> stamps.put(p.externalId(), p.metadata().get(KnownPostings.STAMP)));
        server.resetRequests();

        // a day later: "postedOn" has moved on, nothing else has
        ObjectNode later = (ObjectNode) MAPPER.readTree(fixture(LISTING));
        later.get("jobPostings").forEach(e -> ((ObjectNode) e).put("postedOn", "Posted Yesterday"));
        serveRealBoard(later.toString());
        KnownPostings known = new KnownPostings(stamps);

        assertThat(connector.fetchAll(BOARD, known)).isEmpty();
        assertThat(known.seenUnchanged()).containsExactlyInAnyOrder("Senior-Chip-Design-Verification-Engineer_JR2015057",
                "Chip-Power-Estimation-Engineer_JR2026671");
        server.verify(0, getRequestedFor(urlEqualTo(API + FIRST)));
        server.verify(0, getRequestedFor(urlEqualTo(API + SECOND)));
        server.verify(1, getRequestedFor(urlEqualTo(API + THIRD)));

        // the first posting gains a location: its detail is read again
        server.resetRequests();
        ((ObjectNode) later.get("jobPostings").get(0)).put("locationsText", "3 Locations");
        serveRealBoard(later.toString());
        List<NormalizedPosting> changed = connector.fetchAll(BOARD, new KnownPostings(stamps));
        assertThat(changed).extracting(NormalizedPosting::externalId)
                .containsExactly("Senior-Chip-Design-Verification-Engineer_JR2015057");
        assertThat(changed.get(0).metadata().get(KnownPostings.STAMP))
                .isNotEqualTo(stamps.get("Senior-Chip-Design-Verification-Engineer_JR2015057"));
        server.verify(1, getRequestedFor(urlEqualTo(API + FIRST)));
        server.verify(0, getRequestedFor(urlEqualTo(API + SECOND)));
    }

    @Test
    void aDetailFailingOtherwiseThanGoneFailsTheRun() {
        serveRealBoard(fixture(LISTING));
        server.stubFor(get(urlEqualTo(API + SECOND)).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> connector.fetchAll(BOARD)).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.HTTP_ERROR));
    }

    @Test
    void aCutOffListingIsMalformed() {
        String listing = fixture(LISTING);
        serveRealBoard(listing.substring(0, listing.length() / 2));

        assertThatThrownBy(() -> connector.fetchAll(BOARD)).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void aCutOffDetailIsMalformed() {
        serveRealBoard(fixture(LISTING));
        String detail = fixture(DETAIL);
        server.stubFor(get(urlEqualTo(API + FIRST))
                .willReturn(aResponse().withBody(detail.substring(0, detail.length() / 2))));

        assertThatThrownBy(() -> connector.fetchAll(BOARD)).isInstanceOfSatisfying(BoardException.class,
                e -> assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED));
    }

    @Test
    void aTokenNotOfTheFormTenantDataCenterSiteIsMalformed() {
        for (String token : List.of("nvidia/NVIDIAExternalCareerSite", "nvidia.wd5", "",
                "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite", "nvidia.wd5/a/b")) {
            assertThatThrownBy(() -> connector.fetchAll(token)).as(token)
                    .isInstanceOfSatisfying(BoardException.class, e -> {
                        assertThat(e.kind()).isEqualTo(BoardException.Kind.MALFORMED);
                        assertThat(e.getMessage()).contains("{tenant}.{wdN}/{site}");
                    });
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void searchSendsTheQueryAndFiltersTheLocationOnTheDetails() throws Exception {
        serveRealBoard("{}");
        server.stubFor(post(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.searchText", equalTo("chip engineer")))
                .willReturn(aResponse().withBody(fixture(LISTING))));

        // the listing says "2 Locations": only the detail's additional locations name Tel Aviv
        assertThat(connector.search(BOARD, "chip engineer", "tel aviv", 10, KnownPostings.none()))
                .extracting(NormalizedPosting::externalId)
                .containsExactly("Senior-Chip-Design-Verification-Engineer_JR2015057");
        assertThat(connector.search(BOARD, "chip engineer", "Yokneam", 10, KnownPostings.none()))
                .extracting(NormalizedPosting::externalId).containsExactly("Chip-Power-Estimation-Engineer_JR2026671");
        assertThat(connector.search(BOARD, "chip engineer", null, 10, KnownPostings.none())).hasSize(2);

        server.resetRequests();
        assertThat(connector.search(BOARD, "chip engineer", "Israel", 1, KnownPostings.none()))
                .extracting(NormalizedPosting::externalId)
                .containsExactly("Senior-Chip-Design-Verification-Engineer_JR2015057");
        server.verify(0, getRequestedFor(urlEqualTo(API + SECOND)));
    }
}
