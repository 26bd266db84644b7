package io.atspro.posting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SavedSearchTest {

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    @Test
    void aUserSavesASearchAndSeesWhatAppearedSince() throws Exception {
        String alice = Tokens.user().bearer();
        String company = "Alerta " + BoardPayloads.uniqueWord();
        List<ObjectNode> jobs = new ArrayList<>(List.of(
                BoardPayloads.ashbyJob("Rust Engineer", "Lisbon", "Portugal", "Remote", "FullTime", 90000, 120000,
                        "1 YEAR", "2026-11-01T10:00:00Z", "Systems."),
                BoardPayloads.ashbyJob("Rust Intern", "Lisbon", "Portugal", "OnSite", "Intern", null, null, null,
                        "2026-11-02T10:00:00Z", "Learn.")));
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(jobs));
        String source = CatalogAdmin.addSource("ashby", board, company);
        CatalogAdmin.run(source);

        String location = as(alice).body("{\"search_name\":\"Remote Rust\",\"query\":\"rust\",\"work_arrangements\":"
                        + "[\"remote\"],\"target_companies\":[\"" + company + "\"],\"min_salary\":100000}")
                .post("/api/v1/searches").then().statusCode(201).body("search_name", equalTo("Remote Rust"))
                .body("work_arrangements", equalTo(List.of("remote"))).body("is_active", equalTo(true))
                .extract().header("Location");
        assertThat(as(alice).get(location + "/matches").then().statusCode(200).extract().jsonPath()
                .getList("items.title")).containsExactly("Rust Engineer");

        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(20);
        jobs.add(BoardPayloads.ashbyJob("Senior Rust Engineer", "Porto", "Portugal", "Remote", "FullTime", 130000,
                160000, "1 YEAR", "2026-10-01T10:00:00Z", "More systems."));
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(jobs));
        CatalogAdmin.run(source);

        assertThat(as(alice).queryParam("since", since.toString()).get(location + "/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.title")).containsExactly("Senior Rust Engineer");
        assertThat(as(alice).get(location + "/matches").then().statusCode(200).extract().jsonPath()
                .getList("items.title")).containsExactly("Rust Engineer", "Senior Rust Engineer");

        as(alice).body("{\"min_salary\":0,\"work_arrangements\":[]}").patch(location).then().statusCode(200)
                .body("min_salary", nullValue()).body("work_arrangements", equalTo(List.of()))
                .body("query", equalTo("rust"));
        assertThat(as(alice).get(location + "/matches").then().statusCode(200).extract().jsonPath()
                .getList("items.title")).containsExactly("Rust Intern", "Rust Engineer", "Senior Rust Engineer");

        List<String> mine = as(alice).get("/api/v1/searches").then().statusCode(200).extract().path("items.id");
        assertThat(mine).hasSize(1);
        as(alice).delete(location).then().statusCode(204);
        as(alice).get(location).then().statusCode(404);
    }

    @Test
    void anotherUsersSearchIs404AndChangesNothing() {
        String alice = Tokens.user().bearer();
        String bob = Tokens.user().bearer();
        String location = as(alice).body("{\"search_name\":\"Mine\"}").post("/api/v1/searches").then()
                .statusCode(201).extract().header("Location");
        as(bob).get(location).then().statusCode(404).contentType("application/problem+json");
        as(bob).get(location + "/matches").then().statusCode(404);
        as(bob).body("{\"search_name\":\"Stolen\"}").patch(location).then().statusCode(404);
        as(bob).delete(location).then().statusCode(404);
        as(alice).get(location).then().statusCode(200).body("search_name", equalTo("Mine"));
        given().get(location).then().statusCode(401);
        as(alice).get("/api/v1/searches/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badSearchesAre400AndStoreNothing() {
        String alice = Tokens.user().bearer();
        long before = Db.count("SELECT count(*) FROM job_search_preferences");
        for (String bad : List.of("{", "{}", "{\"search_name\":\"  \"}", "{\"search_name\":\"x\",\"min_salary\":-1}",
                "{\"search_name\":\"x\",\"work_arrangements\":[\"moon\"]}",
                "{\"search_name\":\"x\",\"employment_types\":\"full_time\"}",
                "{\"search_name\":\"" + "n".repeat(101) + "\"}",
                "{\"search_name\":\"x\",\"min_salary\":\"lots\"}")) {
            as(alice).body(bad).post("/api/v1/searches").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(Db.count("SELECT count(*) FROM job_search_preferences")).isEqualTo(before);
        String location = as(alice).body("{\"search_name\":\"ok\"}").post("/api/v1/searches").then().statusCode(201)
                .extract().header("Location");
        as(alice).body("{\"search_name\":\"\"}").patch(location).then().statusCode(400);
        as(alice).body("{\"experience_levels\":[\"guru\"]}").patch(location).then().statusCode(400)
                .body("errors.message", hasItem(containsString("internship, entry")));
        as(alice).queryParam("since", "last week").get(location + "/matches").then().statusCode(400);
        as(alice).queryParam("limit", "0").get(location + "/matches").then().statusCode(400);
        as(alice).get(location).then().body("search_name", equalTo("ok"));
    }

    @Test
    void fiftySavedSearchesAreTheMost() {
        String alice = Tokens.user().bearer();
        for (int i = 0; i < 50; i++) {
            as(alice).body("{\"search_name\":\"s" + i + "\"}").post("/api/v1/searches").then().statusCode(201);
        }
        as(alice).body("{\"search_name\":\"one too many\"}").post("/api/v1/searches").then().statusCode(409)
                .body("detail", containsString("50 saved searches"));
    }
}
