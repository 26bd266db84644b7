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

/**
 * Catalog search in SQL, on a caller's connection (the service and the benchmark run the same statements).
 *
 * <p>Order: with a query, postings whose title or company match it come first (tier 1), then those that match
 * only in the description (tier 2); within a tier, newest first. Keyset paging on (tier, posted_at, id): a page
 * costs the same at any depth and a posting is never shown twice. A query with no match at all falls back to
 * trigram similarity of title and company (typos), one page, flagged {@code fuzzy}.
 */
public final class PostingSearch {

    /** A page of search results; {@code nextCursor} is null on the last page. */
    public record Result(List<PostingSummary> items, String nextCursor, boolean fuzzy) {
    }

    static final String COLUMNS = "p.id, p.title, p.company_id, p.company_name, p.location_raw, p.location_city, "
            + "p.location_state, p.location_country, p.work_arrangement, p.employment_type, p.experience_level, "
            + "p.salary_min, p.salary_max, p.salary_currency, p.salary_interval, p.posted_at, p.source_platform, "
            + "p.apply_url, p.is_active, left(p.description, 280)";

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
            return result(page(c, criteria, 0, after, limit + 1), limit, false);
        }
        List<PostingSummary> rows = new ArrayList<>();
        if (after == null || after.tier() == 1) {
            rows.addAll(page(c, criteria, 1, after, limit + 1));
        }
        if (rows.size() <= limit) {
            rows.addAll(page(c, criteria, 2, after != null && after.tier() == 2 ? after : null,
                    limit + 1 - rows.size()));
        }
        if (rows.isEmpty() && after == null && fuzzyFallback) {
            return new Result(fuzzy(c, criteria, limit), null, true);
        }
        return result(rows, limit, false);
    }

    private static Result result(List<PostingSummary> rows, int limit, boolean fuzzy) {
        if (rows.size() <= limit) {
            return new Result(rows, null, fuzzy);
        }
        List<PostingSummary> shown = rows.subList(0, limit);
        PostingSummary last = shown.get(limit - 1);
        return new Result(List.copyOf(shown), new Cursor(last.tier(), last.postedAt(), last.id()).encode(), fuzzy);
    }

    private List<PostingSummary> page(Connection c, PostingCriteria criteria, int tier, Cursor after, int limit)
            throws SQLException {
        Sql sql = new Sql("SELECT " + COLUMNS + ", " + tier + " FROM job_postings p WHERE ");
        filters(sql, criteria);
        if (tier == 1) {
            sql.append(" AND p.headline @@ " + TSQUERY, criteria.q());
        } else if (tier == 2) {
            sql.append(" AND p.search @@ " + TSQUERY, criteria.q());
            sql.append(" AND NOT p.headline @@ " + TSQUERY, criteria.q());
        }
        if (after != null) {
            sql.append(" AND (p.posted_at, p.id) < (?, ?)", Timestamp.from(after.postedAt()), after.id());
        }
        sql.append(" ORDER BY p.posted_at DESC, p.id DESC LIMIT ?", limit);
        return sql.query(c);
    }

    private List<PostingSummary> fuzzy(Connection c, PostingCriteria criteria, int limit) throws SQLException {
        String q = criteria.q().replaceAll("[\"\\-]", " ").strip();
        if (q.length() < 3) {
            return List.of();
        }
        Sql sql = new Sql("SELECT " + COLUMNS + ", 3 FROM job_postings p WHERE ");
        filters(sql, criteria);
        sql.append(" AND (? <% p.title OR ? <% p.company_name)", q, q);
        sql.append(" ORDER BY greatest(word_similarity(?, p.title), word_similarity(?, p.company_name)) DESC, "
                + "p.posted_at DESC, p.id DESC LIMIT ?", q, q, limit);
        return sql.query(c);
    }

    private static void filters(Sql sql, PostingCriteria c) {
        sql.append(c.includeInactive() ? "(p.is_primary OR NOT p.is_active)" : "p.is_active AND p.is_primary");
        if (!c.locations().isEmpty()) {
            // a country typed by name also matches its stored ISO code
            String[] exact = c.locations().stream()
                    .flatMap(l -> Countries.code(l) == null ? java.util.stream.Stream.of(l)
                            : java.util.stream.Stream.of(l, Countries.code(l)))
                    .map(PostingSearch::likeLiteral).toArray(String[]::new);
            String[] contains = c.locations().stream().map(l -> "%" + likeLiteral(l) + "%").toArray(String[]::new);
            sql.append(" AND (p.location_city ILIKE ANY(?) OR p.location_state ILIKE ANY(?)"
                    + " OR p.location_country ILIKE ANY(?) OR p.location_raw ILIKE ANY(?))",
                    exact, exact, exact, contains);
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

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql append(String fragment, Object... values) {
            text.append(fragment);
            params.addAll(List.of(values));
            return this;
        }

        List<PostingSummary> query(Connection c) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(text.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    if (value instanceof String[] array) {
                        st.setArray(i + 1, c.createArrayOf("text", array));
                    } else if (value instanceof UUID[] array) {
                        st.setArray(i + 1, c.createArrayOf("uuid", array));
                    } else {
                        st.setObject(i + 1, value);
                    }
                }
                List<PostingSummary> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(PostingSummary.read(rs));
                    }
                }
                return rows;
            }
        }
    }
}
