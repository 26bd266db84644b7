package io.atspro.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The one OpenAI-compatible chat-completions service the features may ask: content generation
 * ({@code atspro.generation.provider=openai}) and the resume parser ({@code atspro.resume.parser=openai}). The keys
 * keep generation's prefix, under which they were first published.
 */
@ConfigMapping(prefix = "atspro.generation.openai")
public interface OpenAiConfig {

    /** e.g. https://api.openai.com/v1, or http://localhost:11434/v1 for Ollama. */
    @WithDefault("https://api.openai.com/v1")
    URI baseUrl();

    /** The model to ask for. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** The API key; Ollama and most vLLM servers need none. */
    Optional<String> apiKey();

    /** How long to wait for an answer. */
    @WithDefault("60S")
    Duration timeout();

    /** The most tokens a generated text may have (the resume parser has its own: atspro.resume.openai-max-tokens). */
    @WithDefault("1200")
    int maxTokens();

    /** The settings with the answer limited to {@code maxTokens}. */
    default OpenAiSettings settings(int answerMaxTokens) {
        return new OpenAiSettings(baseUrl(), model(), apiKey().orElse(null), timeout(), answerMaxTokens);
    }
}
