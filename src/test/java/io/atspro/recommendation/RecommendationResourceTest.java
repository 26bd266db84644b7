package io.atspro.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /recommendations, dismissals and mutes, through the API, on postings embedded by the background task. Other
 * tests share the catalog (hundreds of real postings among them), so a test looks only at its own company's postings
 * and at what it can rely on: the fitting ones are ranked, unfitting ones may fall below the kept 100.
 */
@QuarkusTest
class RecommendationResourceTest {

    @Inject
    RedisDataSource redis;

    @Inject
    RecommendationCache cache;

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    /** A user with a hand-written resume of a backend Java engineer. */
    static String backendEngineer() {
        String bearer = Tokens.user().bearer();
        as(bearer).contentType(ContentType.JSON).body(Map.of("title", "Backend", "resume_data", resume(
                "Backend Engineer", "Built Java and Spring Boot microservices on PostgreSQL and Kafka; designed REST "
                        + "APIs; ran them on Kubernetes.", List.of("Java", "Spring Boot", "PostgreSQL", "Kafka",
                        "Kubernetes", "REST APIs"))))
                .post("/api/v1/resumes").then().statusCode(201);
        return bearer;
    }

    static Map<String, Object> resume(String position, String description, List<String> skills) {
        return Map.of("contact_info", Map.of("full_name", "Test Person"),
                "work_experience", List.of(Map.of("company", "Acme", "position", position, "start_date", "2018-01",
                        "is_current", true, "description", description)),
                "skills", skills);
    }

    static ObjectNode job(String title, String city, String country, String workplace, String description) {
        return BoardPayloads.ashbyJob(title, city, country, workplace, "FullTime", null, null, null,
                Instant.now().minus(Duration.ofDays(2)).toString(), description);
    }

    /** A catalog of five postings of a new company, embedded; returns the company's name. */
    static String catalog() {
        String company = "Recomenda " + BoardPayloads.uniqueWord();
        List<ObjectNode> jobs = List.of(
                job("Backend Engineer", "Lisbon", "Portugal", "OnSite", "Java and Spring Boot services on "
                        + "PostgreSQL and Kafka; REST APIs; Kubernetes."),
                job("Senior Java Developer", "Berlin", "Germany", "OnSite", "Microservices in Java, Spring and "
                        + "PostgreSQL for our payments platform."),
                job("Pastry Chef", "Lisbon", "Portugal", "OnSite", "Croissants, tarts and laminated doughs."),
                job("Registered Nurse", "Lisbon", "Portugal", "OnSite", "Patient care on a surgical ward."),
                job("Accounts Payable Clerk", "Lisbon", "Portugal", "OnSite", "Invoices and supplier payments."));
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(jobs));
        JsonPath run = CatalogAdmin.run(CatalogAdmin.addSource("ashby", board, company));
        assertThat(run.getString("status")).isEqualTo("succeeded");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Db.count("SELECT count(*) FROM posting_embeddings e JOIN job_postings p ON p.id = e.posting_id "
                + "WHERE p.company_name = ?", company) < jobs.size()) {
            assertThat(System.nanoTime()).as("embedded in time").isLessThan(deadline);
            sleep(100);
        }
        return company;
    }

    /** The caller's recommendations of that company, in order, as (title, item). */
    static List<Map<String, Object>> of(String bearer, String company) {
        JsonPath page = as(bearer).queryParam("limit", "100").get("/api/v1/recommendations").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> posting = (Map<String, Object>) item.get("posting");
            if (company.equals(posting.get("company_name"))) {
                out.add(item);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> titles(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) ((Map<String, Object>) i.get("posting")).get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    static String postingId(List<Map<String, Object>> items, String title) {
        return items.stream().map(i -> (Map<String, Object>) i.get("posting"))
                .filter(p -> title.equals(p.get("title"))).map(p -> (String) p.get("id")).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFittingPostingsComeFirstEachWithItsReasons() {
        String company = catalog();
        String alice = backendEngineer();

        List<Map<String, Object>> items = of(alice, company);
        assertThat(titles(items)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(titles(items).subList(0, 2)).containsExactlyInAnyOrder("Backend Engineer", "Senior Java Developer");
        Map<String, Object> reasons = (Map<String, Object>) items.get(0).get("reasons");
        assertThat((List<String>) reasons.get("matched_skills")).contains("Java", "PostgreSQL");
        assertThat(((Number) reasons.get("similarity")).doubleValue()).isGreaterThan(0.3);
        // the unfitting postings are far below, if they make the list at all
        for (Map<String, Object> other : items.subList(2, items.size())) {
            assertThat(((Number) other.get("score")).doubleValue())
                    .isLessThan(((Number) items.get(1).get("score")).doubleValue() - 0.1);
        }
        as(alice).get("/api/v1/recommendations").then().statusCode(200).body("based_on", equalTo("resume"));
    }

    @Test
    void aChangedResumeChangesTheRanking() {
        String company = catalog();
        String bearer = backendEngineer();
        assertThat(titles(of(bearer, company)).get(0)).isIn("Backend Engineer", "Senior Java Developer");
        String userId = as(bearer).get("/api/v1/me").then().extract().path("id");
        assertThat(redis.key().exists(RecommendationCache.key(userId))).as("cached").isTrue();

        String resumeId = as(bearer).get("/api/v1/resumes").then().extract().path("items[0].id");
        as(bearer).contentType(ContentType.JSON).body(Map.of("resume_data", resume("Registered Nurse",
                "Patient care on surgical and intensive care wards; medication and wound care.",
                List.of("Patient care", "Wound care"))))
                .patch("/api/v1/resumes/" + resumeId).then().statusCode(200);
        assertThat(titles(of(bearer, company)).get(0)).isEqualTo("Registered Nurse");
    }

    @Test
    void aDismissedPostingStaysOutUntilTheDismissalIsUndone() {
        String company = catalog();
        String alice = backendEngineer();
        String backend = postingId(of(alice, company), "Backend Engineer");

        as(alice).post("/api/v1/recommendations/" + backend + "/dismiss").then().statusCode(201)
                .body("posting_id", equalTo(backend));
        assertThat(titles(of(alice, company))).doesNotContain("Backend Engineer").contains("Senior Java Developer");
        as(alice).post("/api/v1/recommendations/" + backend + "/dismiss").then().statusCode(409)
                .contentType(containsString("application/problem+json"));

        // another user's recommendations are theirs
        String bob = backendEngineer();
        assertThat(titles(of(bob, company))).contains("Backend Engineer");
        as(bob).delete("/api/v1/recommendations/" + backend + "/dismiss").then().statusCode(404);

        as(alice).delete("/api/v1/recommendations/" + backend + "/dismiss").then().statusCode(204);
        assertThat(titles(of(alice, company))).contains("Backend Engineer");
        as(alice).delete("/api/v1/recommendations/" + backend + "/dismiss").then().statusCode(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDismissedPostingsCompanyOrTitleCanBeMuted() {
        String company = catalog();
        String alice = backendEngineer();
        String backend = postingId(of(alice, company), "Backend Engineer");

        JsonPath dismissed = as(alice).queryParam("mute", "company")
                .post("/api/v1/recommendations/" + backend + "/dismiss").then().statusCode(201).extract().jsonPath();
        assertThat(dismissed.getString("mute.kind")).isEqualTo("company");
        assertThat(dismissed.getString("mute.value")).isEqualTo(company);
        assertThat(of(alice, company)).isEmpty();
        List<Map<String, Object>> mutes = as(alice).get("/api/v1/recommendations/mutes").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(mutes).extracting(m -> m.get("value")).containsExactly(company);

        String bob = backendEngineer();
        String muteId = (String) mutes.get(0).get("id");
        as(bob).delete("/api/v1/recommendations/mutes/" + muteId).then().statusCode(404);
        as(alice).delete("/api/v1/recommendations/mutes/" + muteId).then().statusCode(204);
        // unmuted: the company is back, but the dismissed posting stays dismissed
        assertThat(titles(of(alice, company))).contains("Senior Java Developer").doesNotContain("Backend Engineer");

        String muted = as(alice).contentType(ContentType.JSON).body(Map.of("kind", "title", "value", "java developer"))
                .post("/api/v1/recommendations/mutes").then().statusCode(201)
                .header("Location", containsString("/api/v1/recommendations/mutes/")).extract().path("id");
        assertThat(titles(of(alice, company))).doesNotContain("Senior Java Developer", "Backend Engineer");
        as(alice).contentType(ContentType.JSON).body(Map.of("kind", "title", "value", "Java Developer"))
                .post("/api/v1/recommendations/mutes").then().statusCode(409);
        as(alice).delete("/api/v1/recommendations/mutes/" + muted).then().statusCode(204);
        assertThat(titles(of(alice, company))).contains("Senior Java Developer");
    }

    @Test
    void postingsAppliedToOrTrackedAreLeftOut() {
        String company = catalog();
        String alice = backendEngineer();
        List<Map<String, Object>> items = of(alice, company);
        String backend = postingId(items, "Backend Engineer");
        String java = postingId(items, "Senior Java Developer");

        as(alice).post("/api/v1/postings/" + backend + "/save").then().statusCode(201);
        as(alice).contentType(ContentType.JSON).body(Map.of("posting_id", java, "status", "applied"))
                .post("/api/v1/applications").then().statusCode(201);
        // tracking and applying do not go through the recommendation service: its cache is refreshed by the
        // next change of what it reads; the ranking itself leaves them out
        redis.key().del(RecommendationCache.key(as(alice).get("/api/v1/me").then().extract().path("id")));
        assertThat(titles(of(alice, company))).doesNotContain("Backend Engineer", "Senior Java Developer");
    }

    @Test
    void aListComputedBeforeAChangeAndCachedAfterItIsNotServed() {
        String userId = "cache-race-" + UUID.randomUUID();
        // a background computation reads the user's resume and profile …
        RecommendationCache.Lookup before = cache.get(userId);
        RecommendationViews.Ranked stale = new RecommendationViews.Ranked(List.of(), "resume", Instant.now(),
                before.epoch(), before.version());
        // … the user changes their preferences (the list is dropped) …
        cache.drop(userId);
        // … and the computation caches what it made from the old ones
        cache.put(userId, stale);
        assertThat(cache.get(userId).ranked()).as("the stale list").isEmpty();
        // what is computed after the change is served
        RecommendationCache.Lookup after = cache.get(userId);
        cache.put(userId, new RecommendationViews.Ranked(List.of(), "resume", Instant.now(), after.epoch(),
                after.version()));
        assertThat(cache.get(userId).ranked()).isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void preferencesFilterAndAreNamedInTheReasons() {
        String company = catalog();
        String alice = backendEngineer();
        as(alice).contentType(ContentType.JSON).body(Map.of("preferred_locations", List.of("Berlin"),
                "willing_to_relocate", false, "experience_level", "senior"))
                .patch("/api/v1/me").then().statusCode(200);

        List<Map<String, Object>> items = of(alice, company);
        assertThat(titles(items)).containsExactly("Senior Java Developer");
        Map<String, Object> reasons = (Map<String, Object>) items.get(0).get("reasons");
        assertThat((List<String>) reasons.get("preferences_met")).contains("location: Berlin", "level: senior");

        // willing to relocate: Lisbon is shown again, with the preference it misses
        as(alice).contentType(ContentType.JSON).body(Map.of("willing_to_relocate", true))
                .patch("/api/v1/me").then().statusCode(200);
        items = of(alice, company);
        assertThat(titles(items).subList(0, 2)).containsExactlyInAnyOrder("Backend Engineer", "Senior Java Developer");
        Map<String, Object> lisbon = items.stream().filter(i -> "Backend Engineer".equals(
                ((Map<String, Object>) i.get("posting")).get("title"))).findFirst().orElseThrow();
        assertThat((List<String>) ((Map<String, Object>) lisbon.get("reasons")).get("preferences_missed"))
                .anySatisfy(m -> assertThat(m).contains("Lisbon").contains("relocate"));
    }

    @Test
    void pagesFollowEachOtherWithoutRepeats() {
        catalog();
        String alice = backendEngineer();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(alice).queryParam("limit", "7");
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/recommendations").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.posting.id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen.size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aUserWithNothingToGoOnGetsNoRecommendationsAndSaysSo() {
        String nobody = Tokens.user().bearer();
        as(nobody).get("/api/v1/recommendations").then().statusCode(200).body("based_on", equalTo("nothing"))
                .body("items.size()", equalTo(0));
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        String alice = backendEngineer();
        given().get("/api/v1/recommendations").then().statusCode(401);
        given().post("/api/v1/recommendations/" + UUID.randomUUID() + "/dismiss").then().statusCode(401);
        as(alice).queryParam("limit", "0").get("/api/v1/recommendations").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        as(alice).queryParam("cursor", "not-a-cursor").get("/api/v1/recommendations").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as(alice).post("/api/v1/recommendations/" + UUID.randomUUID() + "/dismiss").then().statusCode(404);
        as(alice).post("/api/v1/recommendations/not-a-uuid/dismiss").then().statusCode(404);
        as(alice).queryParam("mute", "boss").post("/api/v1/recommendations/" + UUID.randomUUID() + "/dismiss")
                .then().statusCode(400).body("errors.field", hasItem(containsString("mute")));
        as(alice).contentType(ContentType.JSON).body("{\"kind\": ").post("/api/v1/recommendations/mutes").then()
                .statusCode(400);
        as(alice).contentType(ContentType.JSON).body(Map.of("kind", "company"))
                .post("/api/v1/recommendations/mutes").then().statusCode(400).body("errors.field", hasItem("value"));
        as(alice).contentType(ContentType.JSON).body(Map.of("kind", "city", "value", "Lisbon"))
                .post("/api/v1/recommendations/mutes").then().statusCode(400);
        as(alice).contentType(ContentType.JSON).body(Map.of("kind", 7, "value", List.of("x")))
                .post("/api/v1/recommendations/mutes").then().statusCode(400);
        as(alice).contentType(ContentType.JSON).body("[]").post("/api/v1/recommendations/mutes").then()
                .statusCode(400);
        as(alice).contentType(ContentType.JSON).body(Map.of("kind", "company", "value", "x".repeat(301)))
                .post("/api/v1/recommendations/mutes").then().statusCode(400);
        as(alice).delete("/api/v1/recommendations/mutes/" + UUID.randomUUID()).then().statusCode(404);
        as(alice).get("/api/v1/recommendations/mutes").then().statusCode(200).body("items.size()", equalTo(0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
