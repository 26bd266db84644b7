package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SkillAndExperienceResourceTest {

    static final String DEFAULT_SKILL = """
            {"skill_name":"Kotlin","skill_category":"technical","proficiency_level":"advanced",
             "years_experience":4.5,"is_primary":true}""";
    static final String DEFAULT_EXPERIENCE = """
            {"company_name":"Acme","job_title":"Backend Engineer","start_date":"2019-03-01","end_date":"2023-06-30",
             "achievements":["Cut p99 by 60%"],"technologies_used":["Java","PostgreSQL"]}""";

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    @Test
    void skillsCanBeCreatedListedUpdatedAndDeleted() {
        String bearer = Tokens.user().bearer();
        String location = as(bearer).body(DEFAULT_SKILL).post("/api/v1/me/skills")
                .then().statusCode(201)
                .body("skill_name", equalTo("Kotlin"))
                .body("years_experience", equalTo(4.5f))
                .body("is_primary", equalTo(true))
                .extract().header("Location");
        as(bearer).body("{\"skill_name\":\"Go\"}").post("/api/v1/me/skills").then().statusCode(201);

        as(bearer).get("/api/v1/me/skills").then().statusCode(200)
                .body("items.skill_name", contains("Kotlin", "Go"))
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20));
        as(bearer).get(location).then().statusCode(200).body("proficiency_level", equalTo("advanced"));

        as(bearer).body("{\"skill_name\":\"Kotlin\",\"proficiency_level\":\"expert\"}").put(location)
                .then().statusCode(200).body("proficiency_level", equalTo("expert")).body("is_primary", equalTo(false));
        as(bearer).delete(location).then().statusCode(204);
        as(bearer).get(location).then().statusCode(404).contentType("application/problem+json");
        as(bearer).get("/api/v1/me/skills").then().body("items.skill_name", contains("Go"));
    }

    @Test
    void aSkillNameIsOncePerUserWhateverItsCase() {
        String bearer = Tokens.user().bearer();
        as(bearer).body(DEFAULT_SKILL).post("/api/v1/me/skills").then().statusCode(201);
        as(bearer).body("{\"skill_name\":\"KOTLIN\"}").post("/api/v1/me/skills")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("KOTLIN"));
        as(bearer).get("/api/v1/me/skills").then().body("total", equalTo(1));
        // another user may have the same skill
        as(Tokens.user().bearer()).body(DEFAULT_SKILL).post("/api/v1/me/skills").then().statusCode(201);
    }

    @Test
    void invalidSkillsNameEveryBadFieldAndStoreNothing() {
        Tokens user = Tokens.user();
        as(user.bearer()).body("{\"skill_category\":\"magic\",\"years_experience\":71,\"proficiency_level\":\"guru\"}")
                .post("/api/v1/me/skills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("proficiency_level", "skill_category", "skill_name", "years_experience"));
        as(user.bearer()).body("{\"skill_name\":\"Go\",\"years_experience\":\"lots\"}").post("/api/v1/me/skills")
                .then().statusCode(400).body("errors[0].field", equalTo("years_experience"))
                .body("errors[0].message", equalTo("must be a number"));
        as(user.bearer()).body("{\"skill_name\":").post("/api/v1/me/skills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        as(user.bearer()).post("/api/v1/me/skills").then().statusCode(400);
        assertThat(Db.count("SELECT count(*) FROM user_skills s JOIN account a ON a.\"userId\" = s.user_id "
                + "WHERE a.\"accountId\" = ?", user.subject())).isZero();
    }

    @Test
    void anotherUsersSkillIs404ForEveryVerbAndStaysUnchanged() {
        String owner = Tokens.user().bearer();
        String location = as(owner).body(DEFAULT_SKILL).post("/api/v1/me/skills").then().extract().header("Location");
        String stranger = Tokens.user().bearer();

        as(stranger).get(location).then().statusCode(404);
        as(stranger).body("{\"skill_name\":\"Hacked\"}").put(location).then().statusCode(404);
        as(stranger).delete(location).then().statusCode(404);
        as(owner).get(location).then().statusCode(200).body("skill_name", equalTo("Kotlin"));
        as(owner).get("/api/v1/me/skills/not-a-uuid").then().statusCode(404);
    }

    @Test
    void experiencesCanBeCreatedListedUpdatedAndDeleted() {
        String bearer = Tokens.user().bearer();
        String location = as(bearer).body(DEFAULT_EXPERIENCE).post("/api/v1/me/experiences")
                .then().statusCode(201)
                .body("company_name", equalTo("Acme"))
                .body("start_date", equalTo("2019-03-01"))
                .body("technologies_used", contains("Java", "PostgreSQL"))
                .extract().header("Location");
        as(bearer).body("{\"company_name\":\"Now Inc\",\"job_title\":\"Staff Engineer\",\"start_date\":\"2023-07-01\",\"is_current\":true}")
                .post("/api/v1/me/experiences").then().statusCode(201);

        as(bearer).get("/api/v1/me/experiences").then().statusCode(200)
                .body("items.company_name", contains("Now Inc", "Acme"));
        as(bearer).body(DEFAULT_EXPERIENCE.replace("Backend Engineer", "Senior Backend Engineer")).put(location)
                .then().statusCode(200).body("job_title", equalTo("Senior Backend Engineer"));
        as(bearer).delete(location).then().statusCode(204);
        as(bearer).get("/api/v1/me/experiences").then().body("items", hasSize(1));
    }

    @Test
    void experienceDatesMustMakeSense() {
        String bearer = Tokens.user().bearer();
        as(bearer).body(DEFAULT_EXPERIENCE.replace("2023-06-30", "2018-01-01")).post("/api/v1/me/experiences")
                .then().statusCode(400).body("errors[0].field", equalTo("end_date"));
        as(bearer).body(DEFAULT_EXPERIENCE.replace("\"achievements\"", "\"is_current\":true,\"achievements\""))
                .post("/api/v1/me/experiences").then().statusCode(400).body("errors[0].field", equalTo("end_date"));
        as(bearer).body(DEFAULT_EXPERIENCE.replace("2019-03-01", "March 2019")).post("/api/v1/me/experiences")
                .then().statusCode(400).body("errors[0].field", equalTo("start_date"))
                .body("errors[0].message", containsString("date"));
        as(bearer).body("{\"company_name\":\"\",\"achievements\":[\"\"]}").post("/api/v1/me/experiences")
                .then().statusCode(400)
                .body("errors.field", hasItem("company_name"))
                .body("errors.field", hasItem("job_title"))
                .body("errors.field", hasItem("start_date"))
                .body("errors.field", hasItem("achievements[0]"));
        as(bearer).get("/api/v1/me/experiences").then().body("total", equalTo(0));
    }
}
