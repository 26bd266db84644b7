package io.atspro.storage;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "atspro.storage")
public interface StorageConfig {

    /** The bucket that holds every user's files; created at start when absent. */
    @WithDefault("atspro")
    String bucket();

    /** The largest file a user may upload. */
    @WithDefault("10M")
    MemorySize maxUploadSize();

    /** How long a presigned download link works. */
    @WithDefault("5M")
    Duration downloadLinkTtl();
}
