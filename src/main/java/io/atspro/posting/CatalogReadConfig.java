package io.atspro.posting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Catalog reads on a read replica ({@code quarkus.datasource.read.*}, {@code ATSPRO_DB_READ_URL}): when they leave it
 * for the primary. See {@link CatalogReads}.
 */
@ConfigMapping(prefix = "atspro.catalog.reads")
public interface CatalogReadConfig {

    /** Reads go to the primary while the replica's replay is further behind it than this. */
    @WithDefault("30S")
    Duration maxLag();

    /**
     * How often the replica's reachability and lag are looked at again (in the background, never on a request's
     * time): also how long reads stay on the primary after the replica failed one.
     */
    @WithDefault("5S")
    Duration checkInterval();
}
