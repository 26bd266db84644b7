package io.atspro.discovery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atspro.discovery")
public interface DiscoveryConfig {

    /** The most configured sources one discovery searches on their boards (the most recently read first). */
    @WithDefault("10")
    int maxBoards();

    /** The most postings a discovery keeps as its results. */
    @WithDefault("200")
    int maxResults();
}
