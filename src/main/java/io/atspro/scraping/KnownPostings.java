package io.atspro.scraping;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The postings one source already has in the catalog, each with the stamp its listing entry had when its details
 * were last read ({@code metadata.listStamp}). A connector that reads details per posting asks {@link #unchanged}
 * before each detail request: when the listing entry's stamp is the same, the details are not read again and the
 * posting counts as seen (kept open) without being rewritten. One per run; not thread-safe.
 */
public final class KnownPostings {

    /** The metadata key a detail-reading connector stores its listing entry's stamp under. */
    public static final String STAMP = "listStamp";

    /** Nothing known: every detail is read. */
    public static KnownPostings none() {
        return new KnownPostings(Map.of());
    }

    private final Map<String, String> stamps;
    private final Set<String> seen = new LinkedHashSet<>();

    public KnownPostings(Map<String, String> stampsByExternalId) {
        this.stamps = Map.copyOf(stampsByExternalId);
    }

    /** True (and the posting counted as seen) when the catalog holds it with this listing stamp. */
    public boolean unchanged(String externalId, String stamp) {
        if (externalId != null && stamp != null && stamp.equals(stamps.get(externalId))) {
            seen.add(externalId);
            return true;
        }
        return false;
    }

    /** The postings reported unchanged: still on the board, not in the returned listing. */
    public Set<String> seenUnchanged() {
        return Set.copyOf(seen);
    }
}
