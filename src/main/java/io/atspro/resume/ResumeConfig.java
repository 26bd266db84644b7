package io.atspro.resume;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How uploaded resumes are read. */
@ConfigMapping(prefix = "atspro.resume")
public interface ResumeConfig {

    /** The parsers an upload's text can go to. */
    enum Parser {
        /** The built-in rules: offline, free, no data leaves the service. */
        RULES,
        /**
         * The OpenAI-compatible service of {@code atspro.generation.openai.*} (structured output), counted against the
         * plan's monthly generations; any failure falls back to the rules with a warning.
         */
        OPENAI
    }

    /** {@code rules} (the default) or {@code openai}. */
    @WithDefault("rules")
    Parser parser();

    /** The most tokens the model's answer, a resume as JSON, may have. */
    @WithDefault("8000")
    int openaiMaxTokens();
}
