package io.atspro.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "atspro.generation")
public interface GenerationConfig {

    /** {@code builtin} (templates, no network) or {@code openai} (any OpenAI-compatible chat-completions API). */
    @WithDefault("builtin")
    String provider();

    OpenAi openai();

    interface OpenAi {

        /** e.g. https://api.openai.com/v1, or http://localhost:11434/v1 for Ollama. */
        @WithDefault("https://api.openai.com/v1")
        URI baseUrl();

        @WithDefault("gpt-4o-mini")
        String model();

        /** The API key; Ollama and most vLLM servers need none. */
        Optional<String> apiKey();

        @WithDefault("60S")
        Duration timeout();

        @WithDefault("1200")
        int maxTokens();
    }
}
