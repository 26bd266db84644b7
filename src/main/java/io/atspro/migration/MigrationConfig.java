package io.atspro.migration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "atspro.migration")
public interface MigrationConfig {

    /**
     * A directory on the server holding arangoexport outputs, one per sub-directory; an admin may import one by
     * its name. Unset: only zip uploads are accepted.
     */
    Optional<Path> importDir();

    /** The most an uploaded zip may unpack to, whatever its entries claim. */
    @WithDefault("1G")
    io.quarkus.runtime.configuration.MemorySize maxUncompressedSize();

    /** Records per transaction. */
    @WithDefault("500")
    int batchSize();
}
