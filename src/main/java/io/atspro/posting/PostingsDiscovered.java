package io.atspro.posting;

import java.util.List;
import java.util.UUID;

/**
 * Fired after a scrape run's catalog write commits: the postings it added (new to the catalog, not
 * updated ones), for saved-search alerts and other features.
 */
public record PostingsDiscovered(UUID sourceId, UUID runId, String platform, List<UUID> postingIds) {
}
