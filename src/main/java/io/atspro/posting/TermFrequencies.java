package io.atspro.posting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How common each word is in the catalog's headlines (title and company) and whole texts, as PostgreSQL's own
 * statistics know it ({@code pg_stats.most_common_elems} of the two tsvector columns, gathered by ANALYZE): what a
 * search page needs to choose between looking through the newest postings (cheap when the words are common: a page
 * fills within a few hundred rows) and asking the full-text index for every match (cheap when one word is rare). A
 * word missing from the list is rarer than the rarest word on it.
 *
 * <p>One snapshot serves every search until it is {@link #MAX_AGE_MS} old; an empty one (no ANALYZE yet, a tiny
 * catalog) knows nothing, and the search then keeps to its stats-free order of attempts.
 */
final class TermFrequencies {

    static final long MAX_AGE_MS = 10 * 60_000;

    static final TermFrequencies UNKNOWN = new TermFrequencies(0, Map.of(), 0, Map.of(), 0, 0);

    /** Rows of job_postings when the statistics were taken. */
    final double rows;
    private final Map<String, Float> headline;
    private final float headlineFloor;
    private final Map<String, Float> text;
    private final float textFloor;
    final long loadedAtMs;

    private TermFrequencies(double rows, Map<String, Float> headline, float headlineFloor, Map<String, Float> text,
            float textFloor, long loadedAtMs) {
        this.rows = rows;
        this.headline = headline;
        this.headlineFloor = headlineFloor;
        this.text = text;
        this.textFloor = textFloor;
        this.loadedAtMs = loadedAtMs;
    }

    boolean known() {
        return rows > 0 && !headline.isEmpty() && !text.isEmpty();
    }

    boolean stale(long nowMs) {
        return nowMs - loadedAtMs > MAX_AGE_MS;
    }

    /**
     * The share of postings whose headline (tier 1) or whole text (tier 2) can match a query that requires all of
     * {@code lexemes}: the rarest one's frequency (an upper bound; words are not independent). NaN when unknown.
     */
    double share(int tier, List<String> lexemes) {
        if (!known() || lexemes.isEmpty()) {
            return Double.NaN;
        }
        Map<String, Float> freqs = tier == 1 ? headline : text;
        float floor = tier == 1 ? headlineFloor : textFloor;
        double min = 1;
        for (String lexeme : lexemes) {
            // a word not among the most common is rarer than the rarest of them: half of it, as the planner guesses
            min = Math.min(min, freqs.getOrDefault(lexeme, floor / 2));
        }
        return min;
    }

    static TermFrequencies load(Connection c, long nowMs) throws SQLException {
        double rows = 0;
        Map<String, Float> headline = new HashMap<>();
        Map<String, Float> text = new HashMap<>();
        float[] floors = {0, 0};
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'job_postings'::regclass")) {
                if (rs.next()) {
                    rows = Math.max(0, rs.getDouble(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT attname, most_common_elems::text::text[], "
                    + "most_common_elem_freqs FROM pg_stats WHERE schemaname = current_schema() "
                    + "AND tablename = 'job_postings' AND attname IN ('headline', 'search') "
                    + "AND most_common_elems IS NOT NULL")) {
                while (rs.next()) {
                    boolean isHeadline = rs.getString(1).equals("headline");
                    Map<String, Float> into = isHeadline ? headline : text;
                    Array elems = rs.getArray(2);
                    Array freqs = rs.getArray(3);
                    String[] words = (String[]) elems.getArray();
                    Float[] f = (Float[]) freqs.getArray();
                    // the frequencies end with three more: the lowest and highest frequency and the null share
                    float lowest = 1;
                    for (int i = 0; i < words.length && i < f.length; i++) {
                        into.put(words[i], f[i]);
                        lowest = Math.min(lowest, f[i]);
                    }
                    floors[isHeadline ? 0 : 1] = lowest;
                }
            }
        }
        return new TermFrequencies(rows, Map.copyOf(headline), floors[0], Map.copyOf(text), floors[1], nowMs);
    }
}
