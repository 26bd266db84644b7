package io.atspro.posting;

import io.atspro.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Catalog search in SQL, on a caller's connection (the service and the benchmark run the same statements).
 *
 * <p>Order: with a query, postings whose title or company match it come first (tier 1), then those that match
 * only in the description (tier 2); within a tier, newest first. Keyset paging on (tier, posted_at, id): a page
 * costs the same at any depth and a posting is never shown twice. A query with no match at all falls back to
 * trigram similarity of title and company (typos), one page, flagged {@code fuzzy}.
 */
public final class PostingSearch {

    /**
     * A page of search results; {@code nextCursor} is null on the last page. {@code fuzzy}: the query matched
     * nothing, and these are the results of {@code didYouMean}, the query with its unknown words replaced by the
     * most similar words of the catalog's titles and companies. {@code mode}: how the page was ranked (keyword,
     * semantic or hybrid; a semantic or hybrid search the model cannot serve answers keyword).
     */
    @Schema(name = "PostingSearchPage")
    public record Result(List<PostingSummary> items, String nextCursor, boolean fuzzy, String didYouMean,
            String mode) {

        public Result(List<PostingSummary> items, String nextCursor, boolean fuzzy) {
            this(items, nextCursor, fuzzy, null, "keyword");
        }

        public Result(List<PostingSummary> items, String nextCursor, boolean fuzzy, String didYouMean) {
            this(items, nextCursor, fuzzy, didYouMean, "keyword");
        }
    }

    /**
     * How the service's database sessions plan: always for the actual values. A search's statements are prepared
     * once per connection and run with ever different queries and filters; a generic plan guesses every tsquery
     * matches 0.5 % of postings and, for a common word, ANDs a bitmap of a third of the catalog with a tiny filter
     * bitmap (100 ms) instead of checking the few filtered rows. Set by quarkus.datasource.jdbc.new-connection-sql.
     */
    public static final String SESSION_SETTINGS = "SET plan_cache_mode = force_custom_plan";

    /** What the location filter looks in: this expression has a trigram index (V4, idx_job_postings_location). */
    static final String LOCATION_TEXT = "lower(coalesce(p.location_raw, '') || ' | ' || coalesce(p.location_city, '') "
            + "|| ' | ' || coalesce(p.location_state, '') || ' | ' || coalesce(p.location_country, ''))";

    /** How many of the newest listed postings a page first looks through before asking the full-text index. */
    static final int WINDOW = 2000;

    static final String COLUMNS = "p.id, p.title, p.company_id, p.company_name, p.location_raw, p.location_city, "
            + "p.location_state, p.location_country, p.work_arrangement, p.employment_type, p.experience_level, "
            + "p.salary_min, p.salary_max, p.salary_currency, p.salary_interval, p.posted_at, p.source_platform, "
            + "p.apply_url, p.is_active, left(p.description, 280)";

    /** How many columns {@link #COLUMNS} reads. */
    static final int COLUMN_COUNT = 20;

    private static final String TSQUERY = "websearch_to_tsquery('english', ?)";

    public Result search(Connection c, PostingCriteria criteria, String cursor, int limit) throws SQLException {
        return search(c, criteria, cursor, limit, true);
    }

    /** @param fuzzyFallback whether a query matching nothing falls back to similar titles (the search box) */
    public Result search(Connection c, PostingCriteria criteria, String cursor, int limit, boolean fuzzyFallback)
            throws SQLException {
        Cursor after = Cursor.parse(cursor);
        if (after != null && (after.tier() == 0) != (criteria.q() == null)) {
            throw new InvalidInputException("cursor", "belongs to a different search");
        }
        if (criteria.q() == null) {
            return result(page(c, criteria, null, 0, after, limit + 1), limit, false);
        }
        Text text = new Text(TSQUERY, criteria.q());
        List<PostingSummary> rows = tiers(c, criteria, text, after, limit);
        if (rows.isEmpty() && after == null && fuzzyFallback) {
            return fuzzy(c, criteria, limit);
        }
        return result(rows, limit, false);
    }

    /** Tier 1 (title or company match), then tier 2 (description only), from the cursor on; up to limit + 1. */
    private List<PostingSummary> tiers(Connection c, PostingCriteria criteria, Text text, Cursor after, int limit)
            throws SQLException {
        List<PostingSummary> rows = new ArrayList<>();
        if (after == null || after.tier() == 1) {
            rows.addAll(page(c, criteria, text, 1, after, limit + 1));
        }
        if (rows.size() <= limit) {
            rows.addAll(page(c, criteria, text, 2, after != null && after.tier() == 2 ? after : null,
                    limit + 1 - rows.size()));
        }
        return rows;
    }

    private static Result result(List<PostingSummary> rows, int limit, boolean fuzzy) {
        if (rows.size() <= limit) {
            return new Result(rows, null, fuzzy);
        }
        List<PostingSummary> shown = rows.subList(0, limit);
        PostingSummary last = shown.get(limit - 1);
        return new Result(List.copyOf(shown), new Cursor(last.tier(), last.postedAt(), last.id()).encode(), fuzzy);
    }

    /** The full-text condition: an SQL tsquery expression and its one parameter. */
    private record Text(String tsquery, String value) {
    }

    /**
     * One tier's page, newest first. First among the {@value #WINDOW} newest listed postings from the cursor on:
     * a common query fills its page there at once. Only when it does not (a rare query, or selective filters) is
     * the whole catalog searched, through the full-text and filter indexes, and the matches sorted. Either way the
     * result is the same; the planner is never left to walk the whole recency index looking for rare matches.
     */
    private List<PostingSummary> page(Connection c, PostingCriteria criteria, Text text, int tier, Cursor after,
            int limit) throws SQLException {
        if (!criteria.includeInactive()) {
            List<PostingSummary> rows = recent(c, criteria, text, tier, after, limit, WINDOW);
            if (rows.size() >= limit) {
                return rows;
            }
            // some matches, but not a page: when a window four times wider would likely fill it, look there
            if (!rows.isEmpty() && (long) (limit - rows.size()) * WINDOW / rows.size() <= 3L * WINDOW) {
                rows = recent(c, criteria, text, tier, after, limit, 4 * WINDOW);
                if (rows.size() >= limit) {
                    return rows;
                }
            }
        }
        Sql all = new Sql("WITH m AS MATERIALIZED (SELECT p.id, p.posted_at FROM job_postings p WHERE ");
        filters(all, criteria);
        match(all, text, tier);
        keyset(all, after);
        all.append(") SELECT " + COLUMNS + ", " + tier + " FROM job_postings p JOIN (SELECT id FROM m "
                + "ORDER BY posted_at DESC, id DESC LIMIT ?) t ON t.id = p.id ORDER BY p.posted_at DESC, p.id DESC",
                limit);
        return all.query(c);
    }

    /** Matches among the {@code window} newest listed postings from the cursor on, newest first. */
    private List<PostingSummary> recent(Connection c, PostingCriteria criteria, Text text, int tier, Cursor after,
            int limit, int window) throws SQLException {
        Sql recent = new Sql("SELECT " + COLUMNS + ", " + tier + " FROM (SELECT * FROM job_postings p "
                + "WHERE p.is_active AND p.is_primary");
        keyset(recent, after);
        recent.append(" ORDER BY p.posted_at DESC, p.id DESC LIMIT " + window + ") p WHERE ");
        filters(recent, criteria);
        match(recent, text, tier);
        recent.append(" ORDER BY p.posted_at DESC, p.id DESC LIMIT ?", limit);
        return recent.query(c);
    }

    private static void match(Sql sql, Text text, int tier) {
        if (tier == 1) {
            sql.append(" AND p.headline @@ " + text.tsquery(), text.value());
        } else if (tier == 2) {
            sql.append(" AND p.search @@ " + text.tsquery() + " AND NOT p.headline @@ " + text.tsquery(),
                    text.value(), text.value());
        }
    }

    private static void keyset(Sql sql, Cursor after) {
        if (after != null) {
            sql.append(" AND (p.posted_at, p.id) < (?, ?)", Timestamp.from(after.postedAt()), after.id());
        }
    }

    /**
     * The typo fallback: each query word the catalog's titles and companies do not contain is replaced by the most
     * similar one they do (trigram similarity over {@code search_terms}, a few thousand words, not the postings),
     * and the corrected query is searched. One page.
     */
    private Result fuzzy(Connection c, PostingCriteria criteria, int limit) throws SQLException {
        List<String> words = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT lexeme FROM unnest(to_tsvector('english', ?)) ORDER BY positions[1]")) {
            st.setString(1, criteria.q().replaceAll("[\"\\-]", " "));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    words.add(rs.getString(1));
                }
            }
        }
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            String best = closestTerm(c, word);
            if (best == null) {
                return new Result(List.of(), null, true, null);
            }
            changed |= !best.equals(word);
            corrected.add(best);
        }
        if (!changed || corrected.isEmpty()) {
            return new Result(List.of(), null, true, null);
        }
        String tsquery = String.join(" & ", corrected.stream().map(w -> "'" + w.replace("'", "''") + "'").toList());
        List<PostingSummary> rows = tiers(c, criteria, new Text("to_tsquery('simple', ?)", tsquery), null, limit);
        return new Result(rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows, null, true,
                String.join(" ", corrected));
    }

    /** The word itself when the catalog knows it, else the most similar known word, else null. */
    private static String closestTerm(Connection c, String word) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT term FROM search_terms WHERE term = ? "
                + "UNION ALL (SELECT term FROM search_terms WHERE term % ? "
                + "ORDER BY similarity(term, ?) DESC, ndoc DESC LIMIT 1) LIMIT 1")) {
            st.setString(1, word);
            st.setString(2, word);
            st.setString(3, word);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void filters(Sql sql, PostingCriteria c) {
        sql.append(c.includeInactive() ? "(p.is_primary OR NOT p.is_active)" : "p.is_active AND p.is_primary");
        if (!c.locations().isEmpty()) {
            // a country (name or code) matches the stored ISO code; anything else is looked for in the location
            // text (trigram-indexed): "berlin", "new york", "ca"
            List<String> parts = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (String location : c.locations()) {
                String code = Countries.code(location);
                if (code != null) {
                    parts.add("p.location_country = ?");
                    values.add(code);
                }
                if (code == null || location.length() > 2) {
                    parts.add(LOCATION_TEXT + " LIKE ?");
                    values.add("%" + likeLiteral(location.toLowerCase(java.util.Locale.ROOT)) + "%");
                }
            }
            sql.append(" AND (" + String.join(" OR ", parts) + ")", values.toArray());
        }
        if (!c.workArrangements().isEmpty()) {
            sql.append(" AND p.work_arrangement = ANY(?)", (Object) c.workArrangements().toArray(String[]::new));
        }
        if (!c.employmentTypes().isEmpty()) {
            sql.append(" AND p.employment_type = ANY(?)", (Object) c.employmentTypes().toArray(String[]::new));
        }
        if (!c.experienceLevels().isEmpty()) {
            sql.append(" AND p.experience_level = ANY(?)", (Object) c.experienceLevels().toArray(String[]::new));
        }
        if (c.minSalary() != null) {
            sql.append(" AND p.salary_annual_max >= ?", c.minSalary());
        }
        if (!c.companies().isEmpty()) {
            sql.append(" AND p.company_name ILIKE ANY(?)", (Object) c.companies().stream()
                    .map(v -> "%" + likeLiteral(v) + "%").toArray(String[]::new));
        }
        if (!c.excludedCompanies().isEmpty()) {
            sql.append(" AND NOT p.company_name ILIKE ANY(?)", (Object) c.excludedCompanies().stream()
                    .map(v -> "%" + likeLiteral(v) + "%").toArray(String[]::new));
        }
        if (c.postedAfter() != null) {
            sql.append(" AND p.posted_at >= ?", Timestamp.from(c.postedAfter()));
        }
        if (c.seenAfter() != null) {
            sql.append(" AND p.first_seen_at > ?", Timestamp.from(c.seenAfter()));
        }
        if (c.onlyIds() != null) {
            sql.append(" AND p.id = ANY(?)", (Object) c.onlyIds().toArray(UUID[]::new));
        }
        if (c.notAppliedBy() != null) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.user_id = ? AND a.posting_id = p.id)",
                    c.notAppliedBy());
        }
    }

    private static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Where the next page starts: after (tier, posted_at, id). Opaque to clients. */
    record Cursor(int tier, Instant postedAt, UUID id) {

        String encode() {
            String raw = tier + ":" + postedAt.getEpochSecond() + ":" + postedAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                if (parts.length != 4) {
                    throw new IllegalArgumentException("parts");
                }
                int tier = Integer.parseInt(parts[0]);
                if (tier < 0 || tier > 2) {
                    throw new IllegalArgumentException("tier");
                }
                return new Cursor(tier, Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                        UUID.fromString(parts[3]));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out");
            }
        }
    }

    /** SQL text with its positional parameters, appended together. */
    static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String start, Object... values) {
            text = new StringBuilder(start);
            params.addAll(List.of(values));
        }

        Sql append(String fragment, Object... values) {
            text.append(fragment);
            params.addAll(List.of(values));
            return this;
        }

        List<PostingSummary> query(Connection c) throws SQLException {
            List<PostingSummary> rows = new ArrayList<>();
            each(c, rs -> rows.add(PostingSummary.read(rs)));
            return rows;
        }

        /** Runs the statement and hands every row to {@code row}. */
        void each(Connection c, Row row) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(text.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    if (value instanceof String[] array) {
                        st.setArray(i + 1, c.createArrayOf("text", array));
                    } else if (value instanceof UUID[] array) {
                        st.setArray(i + 1, c.createArrayOf("uuid", array));
                    } else if (value instanceof Integer[] array) {
                        st.setArray(i + 1, c.createArrayOf("integer", array));
                    } else {
                        st.setObject(i + 1, value);
                    }
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            }
        }

        @FunctionalInterface
        interface Row {
            void accept(ResultSet rs) throws SQLException;
        }
    }
}
