package io.atspro.application.generation;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.atspro.application.generation.GenerationTestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.atspro.shared.OpenAiSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleGeneratorTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private static final String PATH = "/v1/chat/completions";
    private static final Clock MAY_14 = Clock.fixed(LocalDate.of(2025, 5, 14).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static OpenAiCompatibleGenerator generator(String apiKey, Duration timeout) {
        OpenAiSettings settings = new OpenAiSettings(URI.create("http://127.0.0.1:" + server.port() + "/v1/"),
                "gpt-4o-mini", apiKey, timeout, 800);
        return new OpenAiCompatibleGenerator(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                MAY_14);
    }

    private static OpenAiCompatibleGenerator generator(String apiKey) {
        return generator(apiKey, Duration.ofSeconds(5));
    }

    @Test
    void sendsModelMessagesAndKeyAndReadsTheAnswer() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                {"id":"chatcmpl-1","model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"  Dear Helio Logistics Hiring Team,\\n\\nI am writing...  "},
                             "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":900,"completion_tokens":312,"total_tokens":1212}}""")));

        GeneratedText text = generator(KEY).generate(request(ContentType.COVER_LETTER));

        assertThat(text.content()).isEqualTo("Dear Helio Logistics Hiring Team,\n\nI am writing...");
        assertThat(text.modelUsed()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(text.tokensUsed()).isEqualTo(1212);
        assertThat(text.prompt()).contains("Title: Data Platform Engineer", "Company: Helio Logistics",
                "Matched keywords (the applicant has these): Python, Kafka, Spark",
                "Missing keywords (do not claim these): Airflow, Terraform",
                "Senior Data Engineer at Northwind Analytics",
                "Built a streaming pipeline on Kafka and Spark", "Applied on: May 2, 2025 (12 days ago)");

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user"))));
        LoggedRequest sent = server.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        JsonNode body = new ObjectMapper().readTree(sent.getBodyAsString());
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("content").asText()).contains("cover letter");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo(text.prompt());
        assertThat(body.path("temperature").isNumber()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(800);
    }

    @Test
    void withoutAKeySendsNoAuthorizationHeaderAndEstimatesTokens() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                {"choices":[{"message":{"role":"assistant","content":"Subject: Following up"}}]}""")));

        GeneratedText text = generator(null).generate(request(ContentType.FOLLOW_UP_EMAIL));

        assertThat(text.content()).isEqualTo("Subject: Following up");
        assertThat(text.modelUsed()).isEqualTo("gpt-4o-mini");
        assertThat(text.tokensUsed()).isGreaterThan(text.prompt().length() / 4);
        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void theApplicantNoteGoesIntoThePrompt() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                {"choices":[{"message":{"content":"# Maya Chen"}}]}""")));
        GenerationRequest request = new GenerationRequest(ContentType.TAILORED_RESUME, GenerationTestData.resume(),
                GenerationTestData.dataJob(), null, "Keep it to one page.", null, null);

        GeneratedText text = generator(KEY).generate(request);

        assertThat(text.prompt()).contains("## Applicant's note\nKeep it to one page.").contains("tailored resume");
    }

    @Test
    void rejectedKeyIsNotRetryableAndNotRepeated() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));

        GenerationException e = failure(generator(KEY));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("refused the API key").doesNotContain(KEY);
    }

    @Test
    void forbiddenIsNotRetryable() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)));

        GenerationException e = failure(generator(KEY));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("refused the API key");
    }

    @Test
    void rateLimitIsRetryable() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for requests\"}}")));

        GenerationException e = failure(generator(KEY));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("429").contains("Rate limit reached for requests");
    }

    @Test
    void serverErrorIsRetryable() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("oops")));

        GenerationException e = failure(generator(KEY));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP 500");
    }

    @Test
    void otherClientErrorsAreNotRetryable() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"max_tokens is too large\"}}")));

        GenerationException e = failure(generator(KEY));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 400").contains("max_tokens is too large");
    }

    @Test
    void slowAnswerTimesOutAndIsRetryable() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"choices\":[]}").withFixedDelay(3_000)));

        long started = System.nanoTime();
        GenerationException e = failure(generator(KEY, Duration.ofSeconds(1)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("The writing service did not answer within 1 s.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_900));
    }

    @Test
    void malformedJsonIsNotRetryable() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\": [")));

        GenerationException e = failure(generator(KEY));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("could not be read");
    }

    @Test
    void emptyChoicesOrContentAreNotRetryable() {
        for (String body : List.of("{\"choices\":[]}", "{\"choices\":[{\"message\":{\"content\":\"  \"}}]}",
                "{\"choices\":[{\"message\":{\"content\":null}}]}", "{\"object\":\"error\"}")) {
            server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(body)));

            GenerationException e = failure(generator(KEY));

            assertThat(e.retryable()).as(body).isFalse();
            assertThat(e.getMessage()).as(body).isEqualTo("The writing service returned no text.");
        }
    }

    @Test
    void unreachableServiceIsRetryable() {
        OpenAiSettings settings = new OpenAiSettings(URI.create("http://127.0.0.1:1/v1"), "llama3", null,
                Duration.ofSeconds(2), 100);

        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> new OpenAiCompatibleGenerator(settings).generate(request(ContentType.COVER_LETTER)));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void settingsNeverPrintTheKeyAndBuildTheEndpoint() {
        OpenAiSettings settings = new OpenAiSettings(URI.create("http://localhost:11434/v1/"), "llama3", KEY, null, 100);
        assertThat(settings.toString()).doesNotContain(KEY);
        assertThat(settings.chatCompletionsUri()).isEqualTo(URI.create("http://localhost:11434/v1/chat/completions"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    private static GenerationException failure(OpenAiCompatibleGenerator generator) {
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator.generate(request(ContentType.COVER_LETTER)));
        assertThat(e).as("expected a GenerationException").isNotNull();
        return e;
    }
}
