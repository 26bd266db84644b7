package io.atspro.resume;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.shared.OpenAiSettings;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model-based parser against a WireMock chat-completions service: the model's resume, or the rules' with a
 * warning.
 */
class OpenAiResumeParserTest {

    private static final String KEY = "sk-test-resume-0123456789";
    private static final String PATH = "/v1/chat/completions";
    private static final String USER = "user-1";
    private static final ExtractedText TEXT = new ExtractedText("""
            Maya Chen
            maya.chen@example.com
            Experience
            Data Engineer, Northwind Analytics, 2021 - Present""", DocumentFormat.TXT, false);
    /** What the stand-in rules parser returns, so a test sees which parser read the resume. */
    private static final ParsedResume BY_RULES = new ParsedResume(new ResumeData(
            new ResumeData.ContactInfo("Maya Chen (rules)", null, null, null, null), null, null, null, null,
            List.of("Rules")), List.of("A warning of the rules"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;
    private static ValidatorFactory validation;

    private final CountingQuota quota = new CountingQuota();
    private final List<String> logged = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null
                    ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stop() {
        server.stop();
        validation.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        Logger.getLogger(OpenAiResumeParser.class.getName()).addHandler(logCapture);
    }

    @AfterEach
    void noResumeInTheLog() {
        Logger.getLogger(OpenAiResumeParser.class.getName()).removeHandler(logCapture);
        assertThat(String.join("\n", logged)).doesNotContain("Maya", "maya.chen", "Northwind", KEY);
    }

    private OpenAiResumeParser parser(Duration timeout) {
        OpenAiSettings settings = new OpenAiSettings(URI.create("http://127.0.0.1:" + server.port() + "/v1/"),
                "gpt-4o-mini", KEY, timeout, 4000);
        return new OpenAiResumeParser(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                validation.getValidator(), (userId, text) -> BY_RULES, quota);
    }

    private OpenAiResumeParser parser() {
        return parser(Duration.ofSeconds(5));
    }

    /** A chat-completions answer whose message content is {@code content}. */
    private static String answer(String content) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode modelResume() {
        ObjectNode resume = (ObjectNode) JSON.valueToTree(new ResumeData(
                new ResumeData.ContactInfo("Maya Chen", "maya.chen@example.com", null, null,
                        List.of(new ResumeData.Link("GitHub", "https://github.com/maya"))),
                "Builds data platforms.",
                List.of(new ResumeData.WorkExperience("Northwind Analytics", "Data Engineer", "2021", null, true, null,
                        List.of("Built the streaming pipeline"), List.of("Kafka"))),
                List.of(new ResumeData.Education("University of Toronto", "BSc", "Computer Science", "2020", 3.7,
                        List.of(), List.of(), List.of())),
                List.of(), List.of("Python", "Kafka")));
        return resume;
    }

    private void answers(String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(body)));
    }

    private ParsedResume assertReadByRulesBecause(ParsedResume parsed, String warning) {
        assertThat(parsed.data()).isEqualTo(BY_RULES.data());
        assertThat(parsed.warnings()).containsExactly(warning, "A warning of the rules");
        return parsed;
    }

    @Test
    void aGoodAnswerIsTheResume() throws Exception {
        answers(answer(JSON.writeValueAsString(modelResume())));

        ParsedResume parsed = parser().parse(USER, TEXT);

        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.data().contactInfo().fullName()).isEqualTo("Maya Chen");
        assertThat(parsed.data().workExperience()).singleElement().satisfies(job -> {
            assertThat(job.company()).isEqualTo("Northwind Analytics");
            assertThat(job.isCurrent()).isTrue();
            assertThat(job.responsibilities()).containsExactly("Built the streaming pipeline");
        });
        assertThat(parsed.data().education().get(0).gpa()).isEqualTo(3.7);
        assertThat(parsed.data().skills()).containsExactly("Python", "Kafka");
        assertThat(quota.taken).isEqualTo(1);
        assertThat(quota.givenBack).isZero();

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("resume_data")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true"))));
        JsonNode sent = JSON.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo(TEXT.text());
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(4000);
        assertThat(sent.path("response_format").path("json_schema").path("schema"))
                .isEqualTo(ResumeDataSchema.resumeData());
    }

    @Test
    void anAnswerThatIsNotJsonFallsBackToTheRules() throws Exception {
        answers(answer("Sure! Here is the resume: Maya Chen, Data Engineer at Northwind Analytics"));
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Maya Chen</html>")));
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        answers(answer("[\"Maya Chen\"]"));
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        assertThat(quota.taken).isEqualTo(3);
        assertThat(quota.givenBack).as("a parse the model did not deliver is not counted").isEqualTo(3);
    }

    @Test
    void anAnswerBreakingTheSchemaFallsBackToTheRules() throws Exception {
        ObjectNode badEmail = modelResume();
        ((ObjectNode) badEmail.get("contact_info")).put("email", "maya.chen at example dot com");
        ObjectNode skillsAsText = modelResume().put("skills", "Python, Kafka");
        ObjectNode badDate = modelResume();
        ((ObjectNode) badDate.get("work_experience").get(0)).put("start_date", "since spring");
        ObjectNode unknownField = modelResume().put("hobbies", "chess");
        ObjectNode currentAsText = modelResume();
        ((ObjectNode) currentAsText.get("work_experience").get(0)).put("is_current", "sometimes");

        for (ObjectNode bad : List.of(badEmail, skillsAsText, badDate, unknownField, currentAsText)) {
            answers(answer(JSON.writeValueAsString(bad)));
            assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);
        }
        assertThat(quota.givenBack).isEqualTo(5);
    }

    @Test
    void aRateLimitOrServerErrorFallsBackToTheRules() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "20")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("oops")));
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        assertThat(quota.givenBack).isEqualTo(2);
        assertThat(logged).anyMatch(line -> line.contains("HTTP 429"));
    }

    @Test
    void aSlowAnswerTimesOutAndFallsBackToTheRules() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(answer(JSON.writeValueAsString(modelResume())))
                .withFixedDelay(3_000)));

        long started = System.nanoTime();
        ParsedResume parsed = parser(Duration.ofMillis(300)).parse(USER, TEXT);

        assertReadByRulesBecause(parsed, OpenAiResumeParser.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(quota.givenBack).isEqualTo(1);
    }

    @Test
    void aRefusalOrACutOffAnswerFallsBackToTheRules() throws Exception {
        answers("""
                {"choices":[{"index":0,"finish_reason":"stop",
                  "message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}]}""");
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        answers("""
                {"choices":[{"index":0,"finish_reason":"length",
                  "message":{"role":"assistant","content":"{\\"contact_info\\":{\\"full_name\\":\\"Maya"}}]}""");
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);

        answers("{\"choices\":[]}");
        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);
    }

    @Test
    void anUnreachableServiceFallsBackToTheRules() throws Exception {
        OpenAiSettings settings = new OpenAiSettings(URI.create("http://127.0.0.1:1/v1"), "llama3", null,
                Duration.ofSeconds(2), 100);
        OpenAiResumeParser parser = new OpenAiResumeParser(settings, validation.getValidator(),
                (userId, text) -> BY_RULES, quota);

        assertReadByRulesBecause(parser.parse(USER, TEXT), OpenAiResumeParser.UNAVAILABLE);
    }

    @Test
    void withTheQuotaUsedUpTheRulesReadItWithoutAskingTheModel() throws Exception {
        quota.left = 0;

        assertReadByRulesBecause(parser().parse(USER, TEXT), OpenAiResumeParser.QUOTA_USED_UP);

        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(quota.givenBack).isZero();
    }

    @Test
    void aTextWithoutWordsIsLeftToTheRulesWithoutAskingTheModel() throws Exception {
        ParsedResume parsed = parser().parse(USER, new ExtractedText(" \n\t\n", DocumentFormat.PDF, false));

        assertThat(parsed).isEqualTo(BY_RULES);
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(quota.taken).isZero();
    }

    @Test
    void aVeryLongTextIsReadByTheRulesWithoutSpendingTheQuota() throws Exception {
        ExtractedText tooLong = new ExtractedText("Maya Chen\n" + "x".repeat(OpenAiResumeParser.MAX_TEXT_CHARS),
                DocumentFormat.TXT, false);

        assertReadByRulesBecause(parser().parse(USER, tooLong), OpenAiResumeParser.TOO_LONG);

        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(quota.taken).isZero();
    }

    /** A plan quota of {@code left} units that counts what it gave and got back. */
    private static final class CountingQuota implements OpenAiResumeParser.Quota {

        int left = 10;
        int taken;
        int givenBack;

        @Override
        public boolean take(String userId) {
            assertThat(userId).isEqualTo(USER);
            if (left == 0) {
                return false;
            }
            left--;
            taken++;
            return true;
        }

        @Override
        public void giveBack(String userId) {
            left++;
            givenBack++;
        }
    }
}
