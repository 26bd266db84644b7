package io.atspro.posting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A posting as recommendations weigh it: its summary, its top yearly salary, the skills it asks for (its required
 * and preferred skills; for a posting written before they were read, the skills its embedding found).
 */
public record PostingFacts(PostingSummary summary, Integer salaryAnnualMax, List<String> skills) {

    /** These postings (those that exist), by id, on the caller's connection. */
    public static Map<UUID, PostingFacts> read(Connection c, Collection<UUID> ids) throws SQLException {
        return read(c, ids, true);
    }

    /**
     * These postings, by id; without {@code snippet} their summaries' snippet is empty, and the descriptions are
     * not read at all (ranking needs no text; reading 300 descriptions is most of the time of reading them).
     */
    public static Map<UUID, PostingFacts> read(Connection c, Collection<UUID> ids, boolean snippet)
            throws SQLException {
        Map<UUID, PostingFacts> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String columns = snippet ? PostingSearch.COLUMNS
                : PostingSearch.COLUMNS.replace("left(p.description, 280)", "''");
        new PostingSearch.Sql("SELECT " + columns + ", 0, p.salary_annual_max, "
                + "coalesce(nullif(p.required_skills || p.preferred_skills, '{}'), e.skills) "
                + "FROM job_postings p LEFT JOIN posting_embeddings e ON e.posting_id = p.id WHERE p.id = ANY(?)",
                (Object) ids.toArray(UUID[]::new)).each(c, rs -> {
                    PostingSummary summary = PostingSummary.read(rs);
                    int salary = rs.getInt(PostingSearch.COLUMN_COUNT + 2);
                    Integer salaryAnnualMax = rs.wasNull() ? null : salary;
                    java.sql.Array skills = rs.getArray(PostingSearch.COLUMN_COUNT + 3);
                    out.put(summary.id(), new PostingFacts(summary, salaryAnnualMax,
                            skills == null ? List.of() : List.of((String[]) skills.getArray())));
                });
        return out;
    }
}
