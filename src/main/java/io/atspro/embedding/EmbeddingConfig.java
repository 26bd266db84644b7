package io.atspro.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Text embeddings in process (all-MiniLM-L6-v2, quantized) and the vector index of the catalog. */
@ConfigMapping(prefix = "atspro.embedding")
public interface EmbeddingConfig {

    /** False: no model is loaded; postings are not embedded, search is keyword-only and recommendations are off. */
    @WithDefault("true")
    boolean enabled();

    /** The most chunks of ~250 word pieces a long text is embedded in; the rest of it is not read. */
    @WithDefault("6")
    int maxChunks();

    /** Postings embedded per background batch (one transaction). */
    @WithDefault("32")
    int batchSize();

    /** How often the background sweep looks for postings without a current vector (a safety net for lost events). */
    @WithDefault("5M")
    Duration sweepInterval();

    /** The health check reports the catalog's vectors as behind when a posting has waited longer than this. */
    @WithDefault("30M")
    Duration maxLag();

    /**
     * Below this many vectors the nearest-neighbour query reads them all (exact); from it on, an inverted-file index
     * is trained (k-means centroids) and a query reads only the lists nearest to it.
     */
    @WithDefault("20000")
    int indexMinRows();

    /** Vectors per list of the inverted-file index (the number of lists is rows / this). */
    @WithDefault("1000")
    int rowsPerList();

    /** How many of the nearest lists a query reads (1 % of a million vectors at the defaults). */
    @WithDefault("10")
    int probes();
}
