package io.atspro.shared;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an OpenAI-compatible chat-completions service (OpenAI, Ollama, vLLM, ...). Shared by the
 * features that ask one: content generation and the model-based resume parser.
 *
 * @param baseUrl   the API root, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param model     the model to ask for
 * @param apiKey    the bearer token; null or blank sends no Authorization header (Ollama needs none)
 * @param timeout   how long to wait for an answer; null means 60 seconds
 * @param maxTokens the most tokens the answer may have (each feature sets its own)
 */
public record OpenAiSettings(URI baseUrl, String model, String apiKey, Duration timeout, int maxTokens) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public OpenAiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("A model name is required");
        }
        model = model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    /** The chat-completions endpoint under the base URL. */
    public URI chatCompletionsUri() {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/chat/completions");
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxTokens=" + maxTokens + "]";
    }
}
