package io.atspro.resume;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.atspro.identity.Plan;
import io.atspro.testing.Db;
import io.atspro.testing.FreePort;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code atspro.resume.parser=openai} through the real upload endpoint, with WireMock as the model: its resume when it
 * answers, the rules' with a warning in {@code parse_warnings} when it does not or the plan's generations are used up.
 */
@QuarkusTest
@TestProfile(ModelResumeParseTest.OpenAiParser.class)
class ModelResumeParseTest {

    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the stand-in model listens: the profile and the test class are loaded by different class loaders. */
    private static final String PORT_PROPERTY = "atspro.test.model-port";

    public static class OpenAiParser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atspro.resume.parser", "openai",
                    "atspro.generation.openai.base-url", "http://127.0.0.1:" + modelPort() + "/v1",
                    "atspro.generation.openai.api-key", "sk-test-model-parse",
                    "atspro.generation.openai.timeout", "3S");
        }
    }

    /** WireMock standing in for the model, started once for the JVM. */
    private static synchronized int modelPort() {
        Integer port = Integer.getInteger(PORT_PROPERTY);
        if (port == null) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePort.find()));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            port = server.port();
            System.setProperty(PORT_PROPERTY, String.valueOf(port));
        }
        return port;
    }

    private final WireMock model = new WireMock("127.0.0.1", modelPort());

    /** A resume text naming {@code who}, which the model stubs match on (tasks of other tests may ask too). */
    private static byte[] resumeOf(String who) {
        return (who + "\n" + who.toLowerCase() + "@example.com\n\nExperience\nStaff Engineer at Helio Logistics\n"
                + "2019 - Present\n- Ran the routing platform\n\nSkills\nGo, Kafka\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String upload(String bearer, String who) {
        return given().header("Authorization", bearer).multiPart("file", "cv.txt", resumeOf(who), "text/plain")
                .post("/api/v1/resumes").then().statusCode(202).extract().header("Location");
    }

    private static String uniqueName() {
        return "Quinn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String modelAnswer(String who) throws Exception {
        ObjectNode resume = JSON.valueToTree(new ResumeData(
                new ResumeData.ContactInfo(who, who.toLowerCase() + "@example.com", null, null, List.of()), null,
                List.of(new ResumeData.WorkExperience("Helio Logistics", "Staff Engineer", "2019", null, true, null,
                        List.of("Ran the routing platform"), List.of())),
                List.of(), List.of(), List.of("Go", "Kafka", "Read by the model")));
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("choices").addObject().put("finish_reason", "stop").putObject("message")
                .put("role", "assistant").put("content", JSON.writeValueAsString(resume));
        return JSON.writeValueAsString(answer);
    }

    private static long generationsUsed(String userId) {
        return Db.count("SELECT coalesce(sum(used), 0) FROM usage_counters "
                + "WHERE user_id = ? AND metric = 'ai_generations'", userId);
    }

    @Test
    void theModelsResumeIsStoredAndCountsAsAGeneration() throws Exception {
        String bearer = Tokens.user().bearer();
        String who = uniqueName();
        model.register(post(urlEqualTo(PATH)).withRequestBody(containing(who)).willReturn(okJson(modelAnswer(who))));

        String location = upload(bearer, who);

        ResumeResourceTest.awaitFinished(bearer, location)
                .body("status", equalTo("parsed"))
                .body("resume_data.contact_info.full_name", equalTo(who))
                .body("resume_data.work_experience[0].company", equalTo("Helio Logistics"))
                .body("resume_data.skills", contains("Go", "Kafka", "Read by the model"))
                .body("parse_warnings", empty());
        assertThat(generationsUsed(ResumeResourceTest.userId(bearer))).isEqualTo(1);
    }

    @Test
    void aRateLimitedModelLeavesTheRulesParseWithAWarningAndTheQuotaUntouched() throws Exception {
        String bearer = Tokens.user().bearer();
        String who = uniqueName();
        model.register(post(urlEqualTo(PATH)).withRequestBody(containing(who)).willReturn(aResponse()
                .withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));

        String location = upload(bearer, who);

        ResumeResourceTest.awaitFinished(bearer, location)
                .body("status", equalTo("parsed"))
                .body("resume_data.contact_info.email", equalTo(who.toLowerCase() + "@example.com"))
                .body("parse_warnings[0]", equalTo(OpenAiResumeParser.UNAVAILABLE));
        given().header("Authorization", bearer).get("/api/v1/resumes").then().statusCode(200)
                .body("items[0].parse_warnings[0]", equalTo(OpenAiResumeParser.UNAVAILABLE));
        model.verifyThat(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(who)));
        assertThat(generationsUsed(ResumeResourceTest.userId(bearer))).isZero();
    }

    @Test
    void withTheMonthsGenerationsUsedUpTheRulesReadItAndTheUploadStillSucceeds() throws Exception {
        String bearer = Tokens.user().bearer();
        String userId = ResumeResourceTest.userId(bearer);
        int limit = Plan.FREE.limits().aiGenerations();
        Db.update("INSERT INTO usage_counters (user_id, metric, period_start, used) "
                        + "VALUES (?, 'ai_generations', date_trunc('month', now() AT TIME ZONE 'UTC')::date, ?)",
                userId, limit);
        String who = uniqueName();
        model.register(post(urlEqualTo(PATH)).withRequestBody(containing(who)).willReturn(okJson(modelAnswer(who))));

        String location = upload(bearer, who);

        ResumeResourceTest.awaitFinished(bearer, location)
                .body("status", equalTo("parsed"))
                .body("resume_data.contact_info.email", equalTo(who.toLowerCase() + "@example.com"))
                .body("parse_warnings[0]", equalTo(OpenAiResumeParser.QUOTA_USED_UP));
        model.verifyThat(0, postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(who)));
        assertThat(generationsUsed(userId)).isEqualTo(limit);
    }
}
