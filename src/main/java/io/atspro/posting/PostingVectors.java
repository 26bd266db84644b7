package io.atspro.posting;

import io.atspro.embedding.Embedder;
import io.atspro.embedding.Vectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The catalog's vectors and the nearest-neighbour query over them: the one class that knows how they are stored.
 *
 * <p>Storage: plain PostgreSQL, no extension ({@code posting_embeddings}: 384 signed bytes and a scale per posting).
 * The ranking happens here, in the service. Up to {@code indexMinRows} vectors a query reads them all (exact).
 * From there on an inverted-file index is trained (the idea of pgvector's IVFFlat): k-means centroids
 * ({@code posting_vector_lists}, one list per {@code rowsPerList} vectors), each vector labelled with its nearest
 * centroid ({@code list_no}); a query reads only the {@code probes} lists whose centroids are nearest to it, scores
 * those vectors, and only then asks PostgreSQL which of the best are allowed by the search's filters (a few
 * primary-key lookups instead of a join over every vector read). Where pgvector exists, a {@code vector(384)}
 * column with an HNSW index would replace all of this with one {@code ORDER BY embedding <=> ?} statement (see the
 * README).
 *
 * <p>All methods run on the caller's connection (the service and the benchmark run the same statements).
 */
public final class PostingVectors {

    /** A posting and how similar it is to the query (cosine, -1..1). */
    public record Neighbour(UUID postingId, float similarity) {
    }

    /** A posting's text as the embedding needs it. */
    public record Source(UUID postingId, String contentHash, String title, String companyName, String description,
            String requirements) {
    }

    /** A posting's new vector and skills. */
    public record Embedded(UUID postingId, String contentHash, float[] vector, List<String> skills) {
    }

    /** Active postings without a current vector, and since when the oldest of them waits. */
    public record Backlog(long postings, Instant oldestSince) {
    }

    /** The trained centroids, as last read; {@code trainedAt} null when there is no index. */
    private record Index(Instant trainedAt, int lists, float[][] centroids) {
        static final Index NONE = new Index(null, 0, new float[0][]);
    }

    private static final int FILTER_ROUND = 1000;
    private static final int KMEANS_ITERATIONS = 8;
    private static final int SAMPLE_PER_LIST = 16;

    private final int indexMinRows;
    private final int rowsPerList;
    private final int probes;
    private volatile Index index = Index.NONE;

    public PostingVectors(int indexMinRows, int rowsPerList, int probes) {
        this.indexMinRows = indexMinRows;
        this.rowsPerList = Math.max(10, rowsPerList);
        this.probes = Math.max(1, probes);
    }

    // --- writing

    /** Active postings whose vector is missing or stale (content changed, other model), oldest change first. */
    public List<UUID> pending(Connection c, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT p.id FROM job_postings p "
                + "LEFT JOIN posting_embeddings e ON e.posting_id = p.id WHERE p.is_active "
                + "AND (e.posting_id IS NULL OR e.content_hash <> p.content_hash OR e.model <> ?) "
                + "ORDER BY p.updated_at, p.id LIMIT ?")) {
            st.setString(1, Embedder.MODEL);
            st.setInt(2, limit);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }

    public Backlog backlog(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*), min(p.updated_at) FROM job_postings p "
                + "LEFT JOIN posting_embeddings e ON e.posting_id = p.id WHERE p.is_active "
                + "AND (e.posting_id IS NULL OR e.content_hash <> p.content_hash OR e.model <> ?)")) {
            st.setString(1, Embedder.MODEL);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        }
    }

    /** The texts of these postings (those that still exist). */
    public List<Source> sources(Connection c, List<UUID> ids) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, content_hash, title, company_name, description, "
                + "requirements FROM job_postings WHERE id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            List<Source> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Source(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        }
    }

    /** Writes (or replaces) vectors, each in the index list nearest to it. */
    public void store(Connection c, List<Embedded> rows, Instant now) throws SQLException {
        Index current = index(c);
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO posting_embeddings (posting_id, content_hash, model, list_no, scale, vector, skills,
                                                embedded_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM job_postings WHERE id = ?)
                ON CONFLICT (posting_id) DO UPDATE SET content_hash = excluded.content_hash, model = excluded.model,
                    list_no = excluded.list_no, scale = excluded.scale, vector = excluded.vector,
                    skills = excluded.skills, embedded_at = excluded.embedded_at""")) {
            for (Embedded row : rows) {
                st.setObject(1, row.postingId());
                st.setString(2, row.contentHash());
                st.setString(3, Embedder.MODEL);
                st.setInt(4, nearestList(current, row.vector()));
                st.setFloat(5, Vectors.scale(row.vector()));
                st.setBytes(6, Vectors.quantize(row.vector()));
                st.setArray(7, c.createArrayOf("text", row.skills().toArray()));
                st.setTimestamp(8, Timestamp.from(now));
                st.setObject(9, row.postingId());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    // --- the query

    /**
     * The {@code k} postings nearest to {@code query} among those the criteria allow (their text query {@code q} is
     * not used: the vector is the query), most similar first. With an index: the {@code probes} nearest lists are
     * scored, then filtered; when the filters leave fewer than a quarter of {@code k} of them, they are selective,
     * and the vectors of the postings they allow are scored too (at most {@value #FILTERED_SCAN} of them).
     * Approximate once an index is trained: a near posting in a list not read is missed.
     */
    public List<Neighbour> nearest(Connection c, float[] query, PostingCriteria criteria, int k) throws SQLException {
        return nearest(c, query, criteria, k, true);
    }

    /**
     * {@link #nearest}; not {@code thorough}: only the best {@value #BOUNDED_FACTOR}·k of the lists read are checked
     * against the filters, in one statement, and fewer than {@code k} may come back (hybrid search, where the
     * keyword ranking brings the filters' exact matches anyway).
     */
    public List<Neighbour> nearest(Connection c, float[] query, PostingCriteria criteria, int k, boolean thorough)
            throws SQLException {
        Index current = index(c);
        if (!thorough) {
            Integer[] lists = current.lists() == 0 ? null
                    : nearestLists(current, query, Math.min(probes, current.lists()));
            List<Neighbour> scored = score(c, query, lists);
            List<Neighbour> best = scored.subList(0, Math.min(scored.size(), BOUNDED_FACTOR * k));
            Set<UUID> allowed = allowed(c, best, criteria);
            return best.stream().filter(n -> allowed.contains(n.postingId())).limit(k)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        Integer[] lists = current.lists() == 0 ? null : nearestLists(current, query, Math.min(probes, current.lists()));
        List<Neighbour> out = filtered(c, score(c, query, lists), criteria, k);
        if (out.size() < k / 4 && lists != null) {
            // selective filters: score what they allow, and keep what the lists gave
            PostingSearch.Sql sql = new PostingSearch.Sql("SELECT e.posting_id, e.scale, e.vector FROM ("
                    + "SELECT p.id FROM job_postings p WHERE ");
            PostingSearch.filters(sql, criteria);
            sql.append(" LIMIT " + FILTERED_SCAN + ") f JOIN posting_embeddings e "
                    + "ON e.posting_id = f.id WHERE e.model = ?", Embedder.MODEL);
            List<Neighbour> allowed = new ArrayList<>();
            sql.each(c, rs -> allowed.add(new Neighbour(rs.getObject(1, UUID.class),
                    Vectors.dot(query, rs.getBytes(3), rs.getFloat(2)))));
            Set<UUID> seen = new HashSet<>();
            out.forEach(n -> seen.add(n.postingId()));
            allowed.stream().filter(n -> seen.add(n.postingId())).forEach(out::add);
            out.sort(ORDER);
            if (out.size() > k) {
                out = new ArrayList<>(out.subList(0, k));
            }
        }
        return out;
    }

    /** How many times k of the best vectors a bounded query checks against the filters. */
    static final int BOUNDED_FACTOR = 4;

    /** The rows a selective search scores at most. */
    static final int FILTERED_SCAN = 10_000;

    private static final Comparator<Neighbour> ORDER = Comparator.comparingDouble((Neighbour n) -> -n.similarity())
            .thenComparing(Neighbour::postingId);

    /** The best {@code k} of the scored postings that the criteria allow, asked in rounds, best first. */
    private static List<Neighbour> filtered(Connection c, List<Neighbour> scored, PostingCriteria criteria, int k)
            throws SQLException {
        List<Neighbour> out = new ArrayList<>();
        // the first round asks for a little more than k (most postings pass: active, primary, not applied to)
        int size = k + k / 3 + 8;
        for (int from = 0; from < scored.size() && out.size() < k; from += size, size = FILTER_ROUND) {
            List<Neighbour> round = scored.subList(from, Math.min(scored.size(), from + size));
            Set<UUID> allowed = allowed(c, round, criteria);
            for (Neighbour n : round) {
                if (allowed.contains(n.postingId()) && out.size() < k) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Every vector of the given lists (all when null), most similar first. */
    private static List<Neighbour> score(Connection c, float[] query, Integer[] lists) throws SQLException {
        PostingSearch.Sql sql = new PostingSearch.Sql(
                "SELECT posting_id, scale, vector FROM posting_embeddings WHERE model = ?", Embedder.MODEL);
        if (lists != null) {
            sql.append(" AND list_no = ANY(?)", (Object) lists);
        }
        List<Neighbour> scored = new ArrayList<>();
        sql.each(c, rs -> scored.add(new Neighbour(rs.getObject(1, UUID.class),
                Vectors.dot(query, rs.getBytes(3), rs.getFloat(2)))));
        scored.sort(ORDER);
        return scored;
    }

    private static Set<UUID> allowed(Connection c, List<Neighbour> round, PostingCriteria criteria)
            throws SQLException {
        PostingSearch.Sql sql = new PostingSearch.Sql("SELECT p.id FROM job_postings p WHERE p.id = ANY(?) AND ",
                (Object) round.stream().map(Neighbour::postingId).toArray(UUID[]::new));
        PostingSearch.filters(sql, criteria);
        Set<UUID> out = new HashSet<>();
        sql.each(c, rs -> out.add(rs.getObject(1, UUID.class)));
        return out;
    }

    // --- the index

    /** The index as stored; read again when it was trained since (one tiny statement per query). */
    private Index index(Connection c) throws SQLException {
        Instant trainedAt;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(trained_at) FROM posting_vector_lists")) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            trainedAt = t == null ? null : t.toInstant();
        }
        Index current = index;
        if (trainedAt == null) {
            index = Index.NONE;
            return Index.NONE;
        }
        if (trainedAt.equals(current.trainedAt())) {
            return current;
        }
        List<float[]> centroids = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT centroid FROM posting_vector_lists ORDER BY list_no")) {
            while (rs.next()) {
                centroids.add(Vectors.fromBytes(rs.getBytes(1)));
            }
        }
        Index read = new Index(trainedAt, centroids.size(), centroids.toArray(float[][]::new));
        index = read;
        return read;
    }

    private static int nearestList(Index index, float[] v) {
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < index.lists(); i++) {
            float s = Vectors.dot(v, index.centroids()[i]);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private static Integer[] nearestLists(Index index, float[] query, int n) {
        float[] scores = new float[index.lists()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Vectors.dot(query, index.centroids()[i]);
        }
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).limit(n).toArray(Integer[]::new);
    }

    /**
     * Trains the index when it is due: none yet and at least {@code indexMinRows} vectors, or the vectors doubled
     * or halved since it was trained; below {@code indexMinRows} an index is dropped (exact search). Every vector
     * is then labelled again, all in the caller's transaction: queries see the old index or the new one, never a
     * mix. Returns whether it trained (or dropped) the index.
     */
    public boolean trainIfDue(Connection c, long seed, Instant now) throws SQLException {
        long rows;
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM posting_embeddings WHERE model = ?")) {
            st.setString(1, Embedder.MODEL);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        long trainedRows = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(trained_rows) FROM posting_vector_lists")) {
            if (rs.next()) {
                trainedRows = rs.getLong(1);
            }
        }
        if (rows < indexMinRows) {
            if (trainedRows == 0) {
                return false;
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM posting_vector_lists");
                st.executeUpdate("UPDATE posting_embeddings SET list_no = 0 WHERE list_no <> 0");
            }
            index = Index.NONE;
            return true;
        }
        if (trainedRows > 0 && rows <= 2 * trainedRows && rows >= trainedRows / 2) {
            return false;
        }
        int lists = (int) Math.max(2, rows / rowsPerList);
        float[][] centroids = kmeans(sample(c, lists * SAMPLE_PER_LIST), lists, new Random(seed));
        relabel(c, centroids, rows, now);
        return true;
    }

    private static List<float[]> sample(Connection c, int size) throws SQLException {
        List<float[]> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT scale, vector FROM posting_embeddings WHERE model = ? ORDER BY random() LIMIT ?")) {
            st.setString(1, Embedder.MODEL);
            st.setInt(2, size);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Vectors.normalize(Vectors.dequantize(rs.getBytes(2), rs.getFloat(1))));
                }
            }
        }
        return out;
    }

    /** Spherical k-means (cosine): k distinct sample points to start, then a fixed number of rounds. */
    static float[][] kmeans(List<float[]> sample, int k, Random random) {
        k = Math.min(k, sample.size());
        List<float[]> shuffled = new ArrayList<>(sample);
        java.util.Collections.shuffle(shuffled, random);
        float[][] centroids = new float[k][];
        for (int i = 0; i < k; i++) {
            centroids[i] = shuffled.get(i).clone();
        }
        int[] assigned = new int[sample.size()];
        for (int round = 0; round < KMEANS_ITERATIONS; round++) {
            Index current = new Index(Instant.EPOCH, k, centroids);
            IntStream.range(0, sample.size()).parallel()
                    .forEach(i -> assigned[i] = nearestList(current, sample.get(i)));
            float[][] sums = new float[k][Embedder.DIMENSIONS];
            int[] counts = new int[k];
            for (int i = 0; i < sample.size(); i++) {
                counts[assigned[i]]++;
                float[] v = sample.get(i);
                float[] sum = sums[assigned[i]];
                for (int d = 0; d < v.length; d++) {
                    sum[d] += v[d];
                }
            }
            for (int j = 0; j < k; j++) {
                // an empty list takes a random sample point: no centroid is wasted
                centroids[j] = counts[j] == 0 ? sample.get(random.nextInt(sample.size())).clone()
                        : Vectors.normalize(sums[j]);
            }
        }
        return centroids;
    }

    /** Replaces the centroids and labels every vector with its nearest one. */
    private void relabel(Connection c, float[][] centroids, long rows, Instant now) throws SQLException {
        Index trained = new Index(now, centroids.length, centroids);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM posting_vector_lists");
            st.executeUpdate("CREATE TEMP TABLE posting_list_labels (posting_id UUID PRIMARY KEY, list_no INTEGER) "
                    + "ON COMMIT DROP");
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO posting_vector_lists "
                + "(list_no, centroid, trained_at, trained_rows) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < centroids.length; i++) {
                st.setInt(1, i);
                st.setBytes(2, Vectors.toBytes(centroids[i]));
                st.setTimestamp(3, Timestamp.from(now));
                st.setLong(4, rows);
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement read = c.prepareStatement(
                "SELECT posting_id, scale, vector FROM posting_embeddings WHERE model = ?");
             PreparedStatement write = c.prepareStatement("INSERT INTO posting_list_labels VALUES (?, ?)")) {
            read.setString(1, Embedder.MODEL);
            read.setFetchSize(10_000);
            List<UUID> ids = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            try (ResultSet rs = read.executeQuery()) {
                boolean more = true;
                while (more) {
                    more = rs.next();
                    if (more) {
                        ids.add(rs.getObject(1, UUID.class));
                        vectors.add(Vectors.dequantize(rs.getBytes(3), rs.getFloat(2)));
                    }
                    if (ids.size() == 10_000 || !more && !ids.isEmpty()) {
                        int[] labels = IntStream.range(0, vectors.size()).parallel()
                                .map(i -> nearestList(trained, vectors.get(i))).toArray();
                        for (int i = 0; i < ids.size(); i++) {
                            write.setObject(1, ids.get(i));
                            write.setInt(2, labels[i]);
                            write.addBatch();
                        }
                        write.executeBatch();
                        ids.clear();
                        vectors.clear();
                    }
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE posting_embeddings e SET list_no = l.list_no FROM posting_list_labels l "
                    + "WHERE l.posting_id = e.posting_id AND e.list_no <> l.list_no");
        }
        index = trained;
    }
}
