package io.atspro.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atspro.rate-limit")
public interface RateLimitConfig {

    /** Requests one user may make to /api/** per minute; 0 turns the limiter off. */
    @WithDefault("600")
    int requestsPerMinute();
}
