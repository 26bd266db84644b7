package io.atspro.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "atspro.jobs.fetch")
public interface JobConfig {

    /** Lets job URLs point at loopback and private addresses. Off in production: it would let users probe the internal network. */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    @WithDefault("5S")
    Duration connectTimeout();

    @WithDefault("10S")
    Duration readTimeout();

    /** The largest page read, in bytes. */
    @WithDefault("2097152")
    long maxBodyBytes();

    @WithDefault("5")
    int maxRedirects();
}
