package io.atspro.posting;

import io.atspro.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Search by meaning ({@code mode=semantic}: the postings whose vectors are nearest to the query's) and the two
 * rankings merged ({@code mode=hybrid}: reciprocal rank fusion of the keyword order and the semantic order,
 * {@code 1/(60 + rank)} summed over the lists a posting is in), with every filter of the keyword search. Both rank
 * the best {@value #DEPTH} of each list; paging is keyset on (score, id), so a page never repeats a posting.
 */
public final class RankedSearch {

    /** How deep each ranking is read: the most results a semantic or hybrid search pages through. */
    static final int DEPTH = 100;
    /** The rank constant of reciprocal rank fusion (the value of the original paper; flattens the top ranks). */
    static final int RRF_K = 60;

    private record Scored(UUID id, double score) {
    }

    private final PostingSearch keyword;
    private final PostingVectors vectors;

    public RankedSearch(PostingSearch keyword, PostingVectors vectors) {
        this.keyword = keyword;
        this.vectors = vectors;
    }

    public PostingSearch.Result semantic(Connection c, float[] query, PostingCriteria criteria, String cursor, int limit)
            throws SQLException {
        Cursor after = Cursor.parse(cursor, "semantic");
        List<Scored> ranked = vectors.nearest(c, query, criteria, DEPTH).stream()
                .map(n -> new Scored(n.postingId(), n.similarity())).toList();
        return page(c, "semantic", ranked, after, limit);
    }

    public PostingSearch.Result hybrid(Connection c, float[] query, PostingCriteria criteria, String cursor, int limit)
            throws SQLException {
        Cursor after = Cursor.parse(cursor, "hybrid");
        Map<UUID, Double> fused = new HashMap<>();
        List<PostingSummary> byKeyword = keyword.search(c, criteria, null, DEPTH, false).items();
        for (int rank = 0; rank < byKeyword.size(); rank++) {
            fused.merge(byKeyword.get(rank).id(), 1.0 / (RRF_K + rank + 1), Double::sum);
        }
        // bounded: the keyword ranking brings every exact match of selective filters; meaning adds what is near
        List<PostingVectors.Neighbour> byMeaning = vectors.nearest(c, query, criteria, DEPTH, false);
        for (int rank = 0; rank < byMeaning.size(); rank++) {
            fused.merge(byMeaning.get(rank).postingId(), 1.0 / (RRF_K + rank + 1), Double::sum);
        }
        List<Scored> ranked = fused.entrySet().stream().map(e -> new Scored(e.getKey(), e.getValue()))
                .sorted(ORDER).toList();
        return page(c, "hybrid", ranked, after, limit);
    }

    private static final Comparator<Scored> ORDER = Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparing(Scored::id);

    private static PostingSearch.Result page(Connection c, String mode, List<Scored> ranked, Cursor after, int limit)
            throws SQLException {
        List<Scored> rest = new ArrayList<>();
        for (Scored s : ranked) {
            if (after == null || ORDER.compare(s, new Scored(after.id(), after.score())) > 0) {
                rest.add(s);
            }
        }
        List<Scored> shown = rest.subList(0, Math.min(limit, rest.size()));
        Map<UUID, PostingSummary> rows = new LinkedHashMap<>();
        if (!shown.isEmpty()) {
            new PostingSearch.Sql("SELECT " + PostingSearch.COLUMNS + ", 0 FROM job_postings p WHERE p.id = ANY(?)",
                    (Object) shown.stream().map(Scored::id).toArray(UUID[]::new))
                    .each(c, rs -> {
                        PostingSummary summary = PostingSummary.read(rs);
                        rows.put(summary.id(), summary);
                    });
        }
        List<PostingSummary> items = shown.stream().map(s -> rows.get(s.id())).filter(java.util.Objects::nonNull)
                .toList();
        String next = rest.size() > limit ? new Cursor(mode, shown.get(limit - 1).score(),
                shown.get(limit - 1).id()).encode() : null;
        return new PostingSearch.Result(items, next, false, null, mode);
    }

    /** Where the next page of a ranked search starts: after (score, id). Opaque to clients. */
    record Cursor(String mode, double score, UUID id) {

        String encode() {
            String raw = mode + ":" + Double.doubleToLongBits(score) + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor, String mode) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out");
            }
            if (parts.length != 3 || !parts[0].matches("semantic|hybrid")) {
                throw new InvalidInputException("cursor", parts.length == 4 ? "belongs to a different search"
                        : "is not a cursor this API gave out");
            }
            if (!parts[0].equals(mode)) {
                throw new InvalidInputException("cursor", "belongs to a different search");
            }
            try {
                return new Cursor(mode, Double.longBitsToDouble(Long.parseLong(parts[1])), UUID.fromString(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out");
            }
        }
    }
}
