package io.atspro.posting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.atspro.scraping.BoardPayloads;
import io.atspro.testing.Db;
import io.atspro.testing.PostgresReplica;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Catalog reads on a real streaming replica of the test PostgreSQL ({@link PostgresReplica}, read URL set by this
 * profile): the search box and recommendations are answered from it, writes go to the primary, and a replica that
 * is behind or down sends reads to the primary. While the replica's replay is paused, what the primary has just
 * written is not in it: a search that does not find it was answered by the replica.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.OnReplica.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    public static class OnReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a paused replay is hours "behind" by its last replayed commit: only the lag test routes by lag
            return Map.of("atspro.catalog.reads.max-lag", "1H", "atspro.catalog.reads.check-interval", "500MS");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Replica.class));
        }
    }

    /** Starts the replica of the test stack's PostgreSQL for this profile and points the read datasource at it. */
    public static class Replica implements QuarkusTestResourceLifecycleManager {
        static PostgresReplica replica;

        @Override
        public Map<String, String> start() {
            replica = PostgresReplica.start(TestStack.get().postgres(), TestStack.stackDir()
                    .resolve("pg-replica-" + UUID.randomUUID().toString().substring(0, 8)));
            return Map.of("quarkus.datasource.read.jdbc.url", replica.jdbcUrl(TestStack.DATABASE));
        }

        @Override
        public void stop() {
            if (replica != null) {
                replica.close();
            }
        }
    }

    static final String USER = Tokens.user().bearer();

    @Inject
    DataSource primary;

    @Inject
    @io.quarkus.agroal.DataSource("read")
    AgroalDataSource read;

    @Inject
    CatalogReads reads;

    static PostgresReplica replica() {
        return Replica.replica;
    }

    static JsonPath search(Map<String, String> params) {
        return given().header("Authorization", USER).queryParams(params).get("/api/v1/postings").then()
                .statusCode(200).extract().jsonPath();
    }

    static ObjectNode job(String title, String description) {
        return BoardPayloads.ashbyJob(title, "Lisbon", "Portugal", "OnSite", "FullTime", null, null, null,
                Instant.now().minus(Duration.ofDays(1)).toString(), description);
    }

    /** Whether the connection is the replica's (a hot standby is in recovery). */
    static boolean inRecovery(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_is_in_recovery()"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static long onReplica(String sql, Object... params) throws SQLException {
        try (Connection c = replica().connect(TestStack.DATABASE); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Map<String, Object> healthOfReads() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().statusCode(200).extract()
                .jsonPath().getList("checks");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) checks.stream()
                .filter(c -> "catalog reads".equals(c.get("name"))).findFirst().orElseThrow().get("data");
        return data;
    }

    @Test
    @Order(1)
    void searchIsAnsweredByTheReplicaAndWritesGoToThePrimary() throws SQLException {
        String company = "Replicata " + BoardPayloads.uniqueWord();
        String word = BoardPayloads.uniqueWord();
        PostingSearchTest.load(List.of(job("Platform Engineer " + word, "Terraform and Kubernetes.")), company);
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(PostingSearchTest.titles(search(Map.of("q", word))))
                .containsExactly("Platform Engineer " + word);

        replica().pauseReplay();
        try {
            // a scrape (the service's own write path) adds a second posting: on the primary, not yet on the replica
            PostingSearchTest.load(List.of(job("Site Reliability Engineer " + word, "On call for Kubernetes.")),
                    company);
            String id = Db.text("SELECT id::text FROM job_postings WHERE title = ?", "Site Reliability Engineer "
                    + word);
            assertThat(id).as("written to the primary").isNotNull();
            assertThat(onReplica("SELECT count(*) FROM job_postings WHERE id = ?::uuid", id))
                    .as("not replayed on the replica").isZero();

            assertThat(PostingSearchTest.titles(search(Map.of("q", word))))
                    .as("the search box reads the replica").containsExactly("Platform Engineer " + word);
            assertThat(PostingSearchTest.titles(search(Map.of("q", word, "company", company, "mode", "hybrid"))))
                    .as("so does hybrid search").containsExactly("Platform Engineer " + word);
            // one posting's page reads the primary: a link to what was just written works at once
            given().header("Authorization", USER).get("/api/v1/postings/" + id).then().statusCode(200);
            // writes go to the primary (the replica is read-only): saving the posting tracks it as a job
            given().header("Authorization", USER).post("/api/v1/postings/" + id + "/save").then().statusCode(201);
            assertThat(Db.count("SELECT count(*) FROM jobs WHERE posting_id = ?::uuid", id)).isEqualTo(1);
        } finally {
            replica().resumeReplay();
        }
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(PostingSearchTest.titles(search(Map.of("q", word))))
                .as("replayed, the replica answers it").containsExactlyInAnyOrder("Platform Engineer " + word,
                        "Site Reliability Engineer " + word);
    }

    @Test
    @Order(2)
    void recommendationsRankTheReplicasPostings() throws SQLException {
        String company = "Recoplica " + BoardPayloads.uniqueWord();
        PostingSearchTest.load(List.of(job("Backend Engineer", "Java and Spring Boot services on PostgreSQL and "
                + "Kafka; REST APIs; Kubernetes.")), company);
        awaitEmbedded(company, 1);
        replica().awaitCaughtUp(Duration.ofSeconds(30));

        replica().pauseReplay();
        try {
            PostingSearchTest.load(List.of(job("Senior Java Developer", "Microservices in Java, Spring Boot and "
                    + "PostgreSQL; Kafka; REST APIs.")), company);
            awaitEmbedded(company, 2);
            // the user's vector is written to the primary while the replica cannot take a write
            String subject = UUID.randomUUID().toString();
            String bearer = backendEngineer(subject);
            assertThat(recommended(bearer, company)).as("the new posting is not on the replica yet")
                    .containsExactly("Backend Engineer");
            assertThat(Db.count("SELECT count(*) FROM user_embeddings e JOIN account a ON a.\"userId\" = e.user_id "
                    + "WHERE a.\"accountId\" = ?", subject)).isEqualTo(1);
        } finally {
            replica().resumeReplay();
        }
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(recommended(backendEngineer(UUID.randomUUID().toString()), company)).as("replayed")
                .containsExactlyInAnyOrder("Backend Engineer", "Senior Java Developer");
    }

    static void awaitEmbedded(String company, int postings) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Db.count("SELECT count(*) FROM posting_embeddings e JOIN job_postings p ON p.id = e.posting_id "
                + "WHERE p.company_name = ?", company) < postings) {
            assertThat(System.nanoTime()).as("embedded in time").isLessThan(deadline);
            sleep(100);
        }
    }

    /** A new user with the resume of a backend Java engineer. */
    static String backendEngineer(String subject) {
        String bearer = Tokens.user().subject(subject).bearer();
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("title", "Backend",
                "resume_data", Map.of("contact_info", Map.of("full_name", "Test Person"),
                        "work_experience", List.of(Map.of("company", "Acme", "position", "Backend Engineer",
                                "start_date", "2018-01", "is_current", true, "description", "Built Java and Spring "
                                        + "Boot microservices on PostgreSQL and Kafka; designed REST APIs.")),
                        "skills", List.of("Java", "Spring Boot", "PostgreSQL", "Kafka", "REST APIs"))))
                .post("/api/v1/resumes").then().statusCode(201);
        return bearer;
    }

    static List<String> recommended(String bearer, String company) {
        List<Map<String, Object>> items = given().header("Authorization", bearer).queryParam("limit", "100")
                .get("/api/v1/recommendations").then().statusCode(200).extract().jsonPath().getList("items");
        @SuppressWarnings("unchecked")
        List<String> titles = items.stream().map(i -> (Map<String, Object>) i.get("posting"))
                .filter(p -> company.equals(p.get("company_name"))).map(p -> (String) p.get("title")).toList();
        return titles;
    }

    @Test
    @Order(3)
    void healthShowsTheReplicaAndItsLag() {
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        Map<String, Object> caughtUp = healthOfReads();
        assertThat(caughtUp).containsEntry("replica_configured", true).containsEntry("reads", "replica")
                .containsEntry("replica_in_recovery", true).containsKey("replay_lag_bytes");
        // streaming is asynchronous: the service's own background writes may be milliseconds away from the replica
        assertThat(((Number) caughtUp.get("replay_lag_seconds")).longValue()).isLessThan(5);

        replica().pauseReplay();
        try {
            commitOnThePrimary();
            Map<String, Object> behind = healthOfReads();
            assertThat(behind).containsEntry("reads", "replica");
            assertThat(((Number) behind.get("replay_lag_bytes")).longValue()).isPositive();
            assertThat(behind).containsKey("replay_lag_seconds");
        } finally {
            replica().resumeReplay();
        }
    }

    @Test
    @Order(4)
    void aReplicaTooFarBehindSendsReadsToThePrimary() throws SQLException {
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        CatalogReads strict = new CatalogReads(primary, read, Duration.ofMillis(300), Duration.ofMillis(100),
                Clock.systemUTC());
        try {
            assertThat(strict.check().onReplica()).isTrue();
            assertThat(strict.read(ReadReplicaTest::inRecovery)).as("read on the replica").isTrue();

            replica().pauseReplay();
            commitOnThePrimary();
            sleep(600);
            CatalogReads.Status lagging = strict.check();
            assertThat(lagging.onReplica()).isFalse();
            assertThat(lagging.reads()).isEqualTo("primary (replica lagging)");
            assertThat(lagging.lagSeconds()).isGreaterThan(0.3);
            assertThat(lagging.lagBytes()).isPositive();
            assertThat(strict.read(ReadReplicaTest::inRecovery)).as("read on the primary").isFalse();
        } finally {
            replica().resumeReplay();
        }
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(strict.check().onReplica()).as("caught up: back on the replica").isTrue();
        assertThat(strict.read(ReadReplicaTest::inRecovery)).isTrue();
        strict.stop();
    }

    @Test
    @Order(5)
    void aReplicaOutageSendsReadsToThePrimary() throws SQLException {
        String company = "Outagia " + BoardPayloads.uniqueWord();
        String word = BoardPayloads.uniqueWord();
        PostingSearchTest.load(List.of(job("Data Engineer " + word, "Pipelines.")), company);
        replica().awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(reads.read(ReadReplicaTest::inRecovery)).as("on the replica").isTrue();

        replica().stop();
        try {
            long started = System.nanoTime();
            assertThat(PostingSearchTest.titles(search(Map.of("q", word)))).as("answered by the primary")
                    .containsExactly("Data Engineer " + word);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("without waiting for the replica")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(reads.read(ReadReplicaTest::inRecovery)).as("on the primary").isFalse();
            assertThat(healthOfReads()).containsEntry("replica_configured", true)
                    .containsEntry("reads", "primary (replica unreachable)");
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            replica().startAgain();
        }
        // the next look finds it again
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"replica".equals(healthOfReads().get("reads"))) {
            assertThat(System.nanoTime()).as("back on the replica in time").isLessThan(deadline);
            sleep(200);
        }
        assertThat(reads.read(ReadReplicaTest::inRecovery)).as("on the replica again").isTrue();
        assertThat(PostingSearchTest.titles(search(Map.of("q", word)))).containsExactly("Data Engineer " + word);
    }

    /** A committed transaction on the primary (its commit record is WAL the replica has to replay), no data. */
    static void commitOnThePrimary() {
        assertThat(Db.text("SELECT pg_current_xact_id()::text")).isNotNull();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
