package io.atspro.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atspro.storage")
public interface StorageConfig {

    /** The bucket that holds every user's files; created at start when absent. */
    @WithDefault("atspro")
    String bucket();
}
