package io.atspro.application.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.shared.OpenAiSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Asks an OpenAI-compatible chat-completions service (OpenAI, Ollama, vLLM, LM Studio, ...) to write the text. The
 * API key is sent only as a bearer token and never logged or put into an error message.
 */
public final class OpenAiCompatibleGenerator implements ContentGenerator {

    private static final Logger LOG = Logger.getLogger(OpenAiCompatibleGenerator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVICE_MESSAGE = 200;

    private final OpenAiSettings settings;
    private final HttpClient http;
    private final Clock clock;

    public OpenAiCompatibleGenerator(OpenAiSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), Clock.systemDefaultZone());
    }

    public OpenAiCompatibleGenerator(OpenAiSettings settings, HttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GeneratedText generate(GenerationRequest request) throws GenerationException {
        Objects.requireNonNull(request, "request");
        String system = PromptBuilder.system(request.type());
        String user = PromptBuilder.user(request, clock);
        String body = requestBody(request.type(), system, user);

        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.chatCompletionsUri())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }

        HttpResponse<String> response;
        long started = System.nanoTime();
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.warnf("Writing service at %s timed out after %s", settings.baseUrl(), settings.timeout());
            throw new GenerationException("The writing service did not answer within " + timeoutText() + ".", true, e);
        } catch (ConnectException e) {
            LOG.warnf("Writing service at %s could not be reached: %s", settings.baseUrl(), e.toString());
            throw new GenerationException("The writing service could not be reached. Please try again later.", true, e);
        } catch (IOException e) {
            LOG.warnf("Writing service at %s failed: %s", settings.baseUrl(), e.toString());
            throw new GenerationException("The connection to the writing service failed. Please try again later.", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("Writing was interrupted. Please try again.", true, e);
        }
        LOG.debugf("Writing service answered %d in %d ms", response.statusCode(), (System.nanoTime() - started) / 1_000_000);

        failOnErrorStatus(response);
        return parse(response.body(), system, user);
    }

    private String requestBody(ContentType type, String system, String user) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", settings.model());
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        root.put("temperature", type == ContentType.TAILORED_RESUME ? 0.2 : 0.7);
        root.put("max_tokens", settings.maxTokens());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request", e);
        }
    }

    private void failOnErrorStatus(HttpResponse<String> response) throws GenerationException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        LOG.warnf("Writing service at %s answered HTTP %d", settings.baseUrl(), status);
        if (status == 401 || status == 403) {
            // the body may quote part of the key, so it is not repeated
            throw new GenerationException("The writing service refused the API key (HTTP " + status + ").", false);
        }
        String detail = serviceMessage(response.body());
        if (status == 429) {
            throw new GenerationException("The writing service is busy or over its rate limit (HTTP 429)" + detail
                    + ". Please try again in a moment.", true);
        }
        if (status >= 500) {
            throw new GenerationException("The writing service had a problem (HTTP " + status + ")" + detail
                    + ". Please try again later.", true);
        }
        if (status == 404) {
            throw new GenerationException("The writing service does not know the model '" + settings.model()
                    + "' or the address is wrong (HTTP 404)" + detail + ".", false);
        }
        throw new GenerationException("The writing service rejected the request (HTTP " + status + ")" + detail + ".", false);
    }

    /** ": <the service's own message>", shortened and without the API key, or "". */
    private String serviceMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message = null;
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                message = error.asText();
            } else if (error.path("message").isTextual()) {
                message = error.path("message").asText();
            } else if (root.path("message").isTextual()) {
                message = root.path("message").asText();
            }
        } catch (IOException e) {
            return "";
        }
        if (message == null || message.isBlank()) {
            return "";
        }
        if (settings.apiKey() != null) {
            message = message.replace(settings.apiKey(), "***");
        }
        message = message.replaceAll("\\s+", " ").strip();
        if (message.length() > MAX_SERVICE_MESSAGE) {
            message = message.substring(0, MAX_SERVICE_MESSAGE) + "…";
        }
        return ": " + message;
    }

    private GeneratedText parse(String body, String system, String user) throws GenerationException {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            LOG.warnf("Writing service at %s sent an answer that is not JSON", settings.baseUrl());
            throw new GenerationException("The writing service sent an answer that could not be read.", false, e);
        }
        if (root == null || !root.isObject()) {
            throw new GenerationException("The writing service sent an answer that could not be read.", false);
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new GenerationException("The writing service returned no text.", false);
        }
        JsonNode content = choices.get(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new GenerationException("The writing service returned no text.", false);
        }
        String text = content.asText().strip();
        JsonNode total = root.path("usage").path("total_tokens");
        int tokens = total.canConvertToInt() && total.asInt() > 0 ? total.asInt() : estimateTokens(system, user, text);
        String model = root.path("model").isTextual() && !root.path("model").asText().isBlank()
                ? root.path("model").asText() : settings.model();
        return new GeneratedText(text, model, tokens, user);
    }

    /** About four characters a token, for services that report no usage. */
    private static int estimateTokens(String... texts) {
        long chars = 0;
        for (String text : texts) {
            chars += text.length();
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (chars + 3) / 4));
    }

    private String timeoutText() {
        long millis = settings.timeout().toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
