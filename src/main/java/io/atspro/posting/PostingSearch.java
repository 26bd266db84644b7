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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Catalog search in SQL, on a caller's connection (the service and the benchmark run the same statements).
 *
 * <p>Order: with a query, postings whose title or company match it come first (tier 1), then those that match
 * only in the description (tier 2); within a tier, newest first. Keyset paging on (tier, posted_at, id): a page
 * costs the same at any depth and a posting is never shown twice. A query with no match at all falls back to
 * trigram similarity of title and company (typos), one page, flagged {@code fuzzy}.
 *
 * <p>How a page finds its rows (#21): by PostgreSQL's own word statistics ({@link TermFrequencies}), either among
 * the newest postings (common words: the page fills within a few hundred rows, and the scan stops there) or through
 * the full-text indexes, which hold the place and the short filter columns too (rare words, selective filters: the
 * rarest list skips through the others inside one index scan); when both tiers would go to the index, one scan of
 * the whole-text index finds both. The answer is the same every way (PostingSearchPlansTest).
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

    /**
     * The words of a posting's location (raw text, city, state, country code): the location filter matches them
     * (the last word of the filter by prefix); indexed together with each text vector (V16,
     * idx_job_postings_search_filters and idx_job_postings_headline_filters).
     */
    static final String PLACE = "posting_place(p.location_raw, p.location_city, p.location_state, p.location_country)";

    /** How many of the newest listed postings a page first looks through before asking the full-text index. */
    static final int WINDOW = 2000;

    static final String COLUMNS = "p.id, p.title, p.company_id, p.company_name, p.location_raw, p.location_city, "
            + "p.location_state, p.location_country, p.work_arrangement, p.employment_type, p.experience_level, "
            + "p.salary_min, p.salary_max, p.salary_currency, p.salary_interval, p.posted_at, p.source_platform, "
            + "p.apply_url, p.is_active, left(p.description, 280)";

    /** How many columns {@link #COLUMNS} reads. */
    static final int COLUMN_COUNT = 20;

    private static final String TSQUERY = "websearch_to_tsquery('english', ?)";

    /** The most rows a planned look through the newest postings may read. */
    static final int MAX_WINDOW = 50_000;

    /** The fewest rows a planned look through the newest postings reads. */
    static final int MIN_WINDOW = 100;

    /**
     * What testing one of the newest postings against a tier's words costs, in rows an index search reads: a
     * headline is small and in the row; a whole text's vector is stored out of line (~20 µs a row on these two
     * cores against ~3 µs for the row itself). Only rows that pass the filters are tested against the words.
     */
    static final double[] WORD_TEST_COST = {0, 0.3, 7};

    /** How a page finds its rows; the answer is the same every way (PostingSearchPlansTest holds them to it). */
    enum Strategy {
        /** The newest postings first when the statistics say a page fills there, else the indexes at once. */
        PLANNED,
        /** The stats-free order: {@value #WINDOW} newest postings, then four times that, then the indexes. */
        STATS_FREE,
        /** Always the indexes. */
        INDEX_ONLY
    }

    private final Strategy strategy;

    public PostingSearch() {
        this(Strategy.PLANNED);
    }

    PostingSearch(Strategy strategy) {
        this.strategy = strategy;
    }

    private final Object statsLock = new Object();
    private volatile TermFrequencies frequencies = TermFrequencies.UNKNOWN;
    private volatile boolean refreshing;

    /** The lexemes each recent query requires (parsed by PostgreSQL once); null for queries with or / not. */
    private final Map<String, Optional<List<String>>> required = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<List<String>>> eldest) {
                    return size() > 4_096;
                }
            });

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
        Text text = new Text(TSQUERY, criteria.q(), requiredLexemes(c, criteria.q()), frequencies(c));
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
        if ((after == null || after.tier() == 1) && bothTiersAtOnce(criteria, text, limit + 1)) {
            return bothTiers(c, criteria, text, after, limit + 1);
        }
        if (after == null || after.tier() == 1) {
            rows.addAll(page(c, criteria, text, 1, after, limit + 1));
        }
        if (rows.size() <= limit) {
            rows.addAll(page(c, criteria, text, 2, after != null && after.tier() == 2 ? after : null,
                    limit + 1 - rows.size()));
        }
        return rows;
    }

    /**
     * Whether one index search should find both tiers: when the title and company matches will not fill the page
     * (the statistics expect fewer than two pages of them) and the index would be asked for both tiers anyway, the whole
     * text's index finds both tiers in one scan (every word in a title or company name is in the whole text too:
     * tier 1 is the rows whose headline matches) instead of two scans and two statements. Only for queries whose
     * words are all required: with an excluded word a headline can match where the whole text does not.
     */
    private boolean bothTiersAtOnce(PostingCriteria criteria, Text text, int limit) {
        if (strategy != Strategy.PLANNED || text == null || criteria.includeInactive()
                || Double.isNaN(text.share(1)) || plannedWindow(criteria, text, 1, limit) != 0
                || plannedWindow(criteria, text, 2, limit) != 0) {
            return false;
        }
        return indexRows(criteria, text, 1) * postIndexShare(criteria) < 2.0 * limit;
    }

    /** Tier 1 and then tier 2 from the cursor on, newest first in each, in one index search; up to limit rows. */
    private List<PostingSummary> bothTiers(Connection c, PostingCriteria criteria, Text text, Cursor after, int limit)
            throws SQLException {
        Sql sql = new Sql("WITH m AS MATERIALIZED (SELECT p.id, p.posted_at, CASE WHEN p.headline @@ "
                + text.tsquery() + " THEN 1 ELSE 2 END AS tier FROM job_postings p WHERE ", text.value());
        filters(sql, criteria, true);
        sql.append(" AND p.search @@ " + text.tsquery(), text.value());
        if (after != null) {
            // a tier 1 cursor: the rest of tier 1 from it on, all of tier 2
            sql.append(" AND (NOT p.headline @@ " + text.tsquery() + " OR (p.posted_at, p.id) < (?, ?))",
                    text.value(), Timestamp.from(after.postedAt()), after.id());
        }
        sql.append(") SELECT " + COLUMNS + ", t.tier FROM job_postings p JOIN (SELECT id, tier, posted_at FROM m "
                + "ORDER BY tier, posted_at DESC, id DESC LIMIT ?) t ON t.id = p.id "
                + "ORDER BY t.tier, p.posted_at DESC, p.id DESC", limit);
        return sql.query(c);
    }

    private static Result result(List<PostingSummary> rows, int limit, boolean fuzzy) {
        if (rows.size() <= limit) {
            return new Result(rows, null, fuzzy);
        }
        List<PostingSummary> shown = rows.subList(0, limit);
        PostingSummary last = shown.get(limit - 1);
        return new Result(List.copyOf(shown), new Cursor(last.tier(), last.postedAt(), last.id()).encode(), fuzzy);
    }

    /**
     * The full-text condition: an SQL tsquery expression and its one parameter; the lexemes every match contains
     * (null when unknown: the query has or / not) and what the catalog's statistics say about them.
     */
    private record Text(String tsquery, String value, List<String> lexemes, TermFrequencies frequencies) {

        /** The share of postings whose headline (tier 1) or text (tier 2) can match; NaN when unknown. */
        double share(int tier) {
            return lexemes == null ? Double.NaN : frequencies.share(tier, lexemes);
        }
    }

    /** The catalog's word statistics, taken again when ten minutes old (by the search that finds them so). */
    private TermFrequencies frequencies(Connection c) throws SQLException {
        TermFrequencies current = frequencies;
        long now = System.currentTimeMillis();
        if (!current.stale(now) || refreshing) {
            return current;
        }
        synchronized (statsLock) {
            if (frequencies != current) {
                return frequencies;
            }
            refreshing = true;
            try {
                frequencies = TermFrequencies.load(c, now);
            } finally {
                refreshing = false;
            }
            return frequencies;
        }
    }

    /** The windows tiers 1 and 2 of a first page would look through ({@link #plannedWindow}): tests, reports. */
    List<Integer> plannedWindows(Connection c, PostingCriteria criteria, int needed) throws SQLException {
        Text text = new Text(TSQUERY, criteria.q(), requiredLexemes(c, criteria.q()), frequencies(c));
        return List.of(plannedWindow(criteria, text, 1, needed), plannedWindow(criteria, text, 2, needed));
    }

    /** Whether a first page would find both tiers in one index search ({@link #bothTiersAtOnce}): tests. */
    boolean plansBothTiers(Connection c, PostingCriteria criteria, int needed) throws SQLException {
        return bothTiersAtOnce(criteria, new Text(TSQUERY, criteria.q(), requiredLexemes(c, criteria.q()),
                frequencies(c)), needed);
    }

    /** Forgets the word statistics: the next search takes them again (after ANALYZE, in tests and benchmarks). */
    public void forgetStatistics() {
        frequencies = TermFrequencies.UNKNOWN;
    }

    /**
     * The lexemes (stemmed words) every match of the websearch query must contain, as PostgreSQL parses it; empty
     * for a query of stop words only, null when the query has "or" or an excluded word (no word is then required).
     */
    private List<String> requiredLexemes(Connection c, String q) throws SQLException {
        Optional<List<String>> known = required.get(q);
        if (known != null) {
            return known.orElse(null);
        }
        String tsquery;
        try (PreparedStatement st = c.prepareStatement("SELECT " + TSQUERY + "::text")) {
            st.setString(1, q);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                tsquery = rs.getString(1);
            }
        }
        List<String> lexemes = parseRequired(tsquery);
        required.put(q, Optional.ofNullable(lexemes));
        return lexemes;
    }

    /** The quoted lexemes of a tsquery's text when all are required (only {@code &} and {@code <->}), else null. */
    static List<String> parseRequired(String tsquery) {
        List<String> lexemes = new ArrayList<>();
        int i = 0;
        while (i < tsquery.length()) {
            char ch = tsquery.charAt(i);
            if (ch == '\'') {
                StringBuilder lexeme = new StringBuilder();
                i++;
                while (i < tsquery.length()) {
                    char d = tsquery.charAt(i);
                    if (d == '\'' && i + 1 < tsquery.length() && tsquery.charAt(i + 1) == '\'') {
                        lexeme.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        lexeme.append(d);
                        i++;
                    }
                }
                if (i < tsquery.length() && tsquery.charAt(i) == ':') {
                    return null; // weights or prefix: not a plain word
                }
                lexemes.add(lexeme.toString());
            } else if (ch == '|' || ch == '!') {
                return null;
            } else {
                i++;
            }
        }
        return List.copyOf(lexemes);
    }

    /**
     * One tier's page, newest first. First among the {@value #WINDOW} newest listed postings from the cursor on:
     * a common query fills its page there at once. Only when it does not (a rare query, or selective filters) is
     * the whole catalog searched, through the full-text and filter indexes, and the matches sorted. Either way the
     * result is the same; the planner is never left to walk the whole recency index looking for rare matches.
     */
    private List<PostingSummary> page(Connection c, PostingCriteria criteria, Text text, int tier, Cursor after,
            int limit) throws SQLException {
        if (!criteria.includeInactive() && criteria.onlyIds() == null && strategy != Strategy.INDEX_ONLY) {
            int planned = strategy == Strategy.STATS_FREE ? -1 : plannedWindow(criteria, text, tier, limit);
            if (planned > 0) {
                List<PostingSummary> rows = recent(c, criteria, text, tier, after, limit, planned);
                if (rows.size() >= limit) {
                    return rows;
                }
                // fewer matches than the statistics promised (words that rarely come together, filters): the
                // density this window showed sizes a second one, if that still costs less than the index
                double seen = Math.max(rows.size(), 0.5) / planned;
                double wider = Math.ceil(1.5 * limit / seen);
                if (wider <= MAX_WINDOW && windowCost(criteria, tier, wider) < indexRows(criteria, text, tier)) {
                    rows = recent(c, criteria, text, tier, after, limit, (int) wider);
                    if (rows.size() >= limit) {
                        return rows;
                    }
                }
            } else if (planned < 0) {
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
        }
        Sql all = new Sql("WITH m AS MATERIALIZED (SELECT p.id, p.posted_at FROM job_postings p WHERE ");
        filters(all, criteria, text != null);
        match(all, text, tier);
        keyset(all, after);
        all.append(") SELECT " + COLUMNS + ", " + tier + " FROM job_postings p JOIN (SELECT id FROM m "
                + "ORDER BY posted_at DESC, id DESC LIMIT ?) t ON t.id = p.id ORDER BY p.posted_at DESC, p.id DESC",
                limit);
        return all.query(c);
    }

    /**
     * How many of the newest listed postings to look through first, or 0 to go to the indexes at once, whichever
     * the statistics say costs less: a window reads rows until the page is full, about {@code limit / density}
     * of them (the density: the rarest query word's frequency times a rough share for each filter), and sized
     * at four times that it stops early when the estimate holds; the index search reads every posting with the
     * words (filters on the place narrow it; the others are checked on the rows it finds). -1 when nothing is
     * known (no statistics yet, a query with or / not, no query): then the stats-free order, {@value #WINDOW}
     * rows, then four times that.
     */
    static int plannedWindow(PostingCriteria criteria, Text text, int tier, int limit) {
        if (text == null || Double.isNaN(text.share(tier))) {
            return -1;
        }
        double density = text.share(tier) * filterShare(criteria);
        if (density <= 0) {
            return 0;
        }
        double rows = Math.max(MIN_WINDOW, Math.ceil(4.0 * limit / density));
        return rows <= MAX_WINDOW && windowCost(criteria, tier, rows) < indexRows(criteria, text, tier)
                ? (int) rows : 0;
    }

    /** What reading {@code rows} of the newest postings costs, in rows an index search reads. */
    static double windowCost(PostingCriteria criteria, int tier, double rows) {
        return rows * (1 + WORD_TEST_COST[tier] * filterShare(criteria));
    }

    /** The rows an index search reads: every posting with the words that the filters in the index keep. */
    static double indexRows(PostingCriteria criteria, Text text, int tier) {
        return text.share(tier) * text.frequencies().rows * inIndexShare(criteria);
    }

    /** A rough share of postings the filters keep (no statistics are kept for them; only a planning hint). */
    static double filterShare(PostingCriteria c) {
        return inIndexShare(c) * postIndexShare(c);
    }

    /** The share kept by the filters that are in the text indexes (V16): place, country, arrangement, type, level. */
    static double inIndexShare(PostingCriteria c) {
        double share = 1;
        if (!c.locations().isEmpty()) {
            share *= Math.min(1, 0.05 * c.locations().size());
        }
        if (!c.workArrangements().isEmpty()) {
            share *= Math.min(1, c.workArrangements().stream().mapToDouble(a -> a.equals("onsite") ? 0.5 : 0.25).sum());
        }
        if (!c.employmentTypes().isEmpty()) {
            share *= Math.min(1, c.employmentTypes().stream()
                    .mapToDouble(t -> t.equals("full_time") ? 0.7 : 0.1).sum());
        }
        if (!c.experienceLevels().isEmpty()) {
            share *= Math.min(1, 0.25 * c.experienceLevels().size());
        }
        return share;
    }

    /** The share kept by the filters checked on the rows an index search finds: salary, company, dates. */
    static double postIndexShare(PostingCriteria c) {
        double share = 1;
        if (c.minSalary() != null) {
            share *= 0.3;
        }
        if (!c.companies().isEmpty()) {
            share *= Math.min(1, 0.005 * c.companies().size());
        }
        if (c.postedAfter() != null || c.seenAfter() != null) {
            share *= 0.3;
        }
        return share;
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
        // one statement: each word, and the word itself when the catalog knows it (the trigram search then never
        // runs), else the most similar known word, else null
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        try (PreparedStatement st = c.prepareStatement("SELECT w.lexeme, (SELECT term FROM search_terms "
                + "WHERE term = w.lexeme UNION ALL (SELECT term FROM search_terms WHERE term % w.lexeme "
                + "ORDER BY similarity(term, w.lexeme) DESC, ndoc DESC LIMIT 1) LIMIT 1) "
                + "FROM unnest(to_tsvector('english', ?)) w ORDER BY w.positions[1]")) {
            st.setString(1, criteria.q().replaceAll("[\"\\-]", " "));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String best = rs.getString(2);
                    if (best == null) {
                        return new Result(List.of(), null, true, null);
                    }
                    changed |= !best.equals(rs.getString(1));
                    corrected.add(best);
                }
            }
        }
        if (!changed || corrected.isEmpty()) {
            return new Result(List.of(), null, true, null);
        }
        String tsquery = String.join(" & ", corrected.stream().map(w -> "'" + w.replace("'", "''") + "'").toList());
        List<PostingSummary> rows = tiers(c, criteria, new Text("to_tsquery('simple', ?)", tsquery,
                List.copyOf(corrected), frequencies), null, limit);
        return new Result(rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows, null, true,
                String.join(" ", corrected));
    }

    static void filters(Sql sql, PostingCriteria c) {
        filters(sql, c, false);
    }

    /**
     * @param textDriven the rows come from a full-text index: the salary bound is then written so that PostgreSQL
     *                   checks it on the rows that index finds instead of ANDing in its own index's bitmap (most
     *                   postings have a salary: a 600,000-row bitmap at 1,000,000 postings); the place, country,
     *                   work arrangement, employment type and level are in the text's own index (V16)
     */
    static void filters(Sql sql, PostingCriteria c, boolean textDriven) {
        sql.append(c.includeInactive() ? "(p.is_primary OR NOT p.is_active)" : "p.is_active AND p.is_primary");
        if (!c.locations().isEmpty()) {
            // a country (name or code) matches the stored ISO code; anything else by its words, the last of them
            // by its start: "berlin", "new york", "san fran"
            List<String> parts = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            List<String> places = new ArrayList<>();
            for (String location : c.locations()) {
                String code = Countries.code(location);
                if (code != null) {
                    parts.add("p.location_country = ?");
                    values.add(code);
                }
                if (code == null || location.length() > 2) {
                    String words = placeQuery(location);
                    if (words != null) {
                        places.add(words);
                    }
                }
            }
            if (!places.isEmpty()) {
                parts.add(PLACE + " @@ to_tsquery('simple', ?)");
                values.add(places.size() == 1 ? places.get(0) : "(" + String.join(") | (", places) + ")");
            }
            sql.append(parts.isEmpty() ? " AND FALSE" : " AND (" + String.join(" OR ", parts) + ")", values.toArray());
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
            sql.append(textDriven ? " AND p.salary_annual_max + 0 >= ?" : " AND p.salary_annual_max >= ?",
                    c.minSalary());
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

    private static final java.util.regex.Pattern NOT_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * A location's words as a tsquery: every word whole but the last, which may be the start of one, as typed
     * ({@code 'new' & 'york':*}, {@code 'san' & 'fran':*}); null when it has none. (A prefix collects every indexed
     * word it starts: "new" would be a union of a sixth of the catalog before the intersection could start.)
     */
    static String placeQuery(String location) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_A_WORD.split(location.toLowerCase(java.util.Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add("'" + word + "'");
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        words.set(words.size() - 1, words.get(words.size() - 1) + ":*");
        return String.join(" & ", words);
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
