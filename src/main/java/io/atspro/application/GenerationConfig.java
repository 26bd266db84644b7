package io.atspro.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Content generation; the OpenAI-compatible service itself is {@link io.atspro.shared.OpenAiConfig}. */
@ConfigMapping(prefix = "atspro.generation")
public interface GenerationConfig {

    /** {@code builtin} (templates, no network) or {@code openai} (any OpenAI-compatible chat-completions API). */
    @WithDefault("builtin")
    String provider();
}
