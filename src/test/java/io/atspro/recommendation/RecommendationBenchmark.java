package io.atspro.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.atspro.bench.CatalogBenchmark;
import io.atspro.bench.PostingGenerator;
import io.atspro.embedding.Embedder;
import io.atspro.embedding.Vectors;
import io.atspro.posting.PostingCriteria;
import io.atspro.posting.PostingEmbeddings;
import io.atspro.posting.PostingFacts;
import io.atspro.posting.PostingSearch;
import io.atspro.posting.PostingVectors;
import io.atspro.posting.RankedSearch;
import io.atspro.testing.BetterAuthFixture;
import io.atspro.testing.PostgresServer;
import io.atspro.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The benchmark of #16: embedding throughput of the quantized and the full model on real postings, and, on a
 * catalog of N generated postings (CatalogBenchmark's data, loaded by COPY) with a vector each, the latency of an
 * uncomputed {@code GET /recommendations} (nearest 200 + their facts + the blend: what the service does on a cache
 * miss) and of hybrid search beside keyword search, on an embedded PostgreSQL with the catalog benchmark's settings.
 * The catalog's vectors are random unit vectors (the text of generated postings would not make real ones any more
 * than random ones; the latency does not depend on what the vectors mean): the inverted-file index is trained on
 * them as on real ones.
 *
 * <p>Run: {@code ./mvnw -Prec-bench} ({@code -Drec-bench.args="rows=50000,1000000 requests=300"}); the databases are
 * kept in target/rec-bench/pg-N and reused when they hold that load; the report is written to
 * target/rec-bench/recommendation-benchmark.md.
 */
public final class RecommendationBenchmark {

    static final String DATABASE = "bench";
    static final int DIM = Embedder.DIMENSIONS;
    static final List<String> SKILLS = List.of("Java", "Python", "SQL", "Kubernetes", "AWS", "React", "Go", "Excel",
            "Salesforce", "Figma", "Terraform", "Kafka", "PostgreSQL", "Spark", "Tableau", "Docker");

    private final Path dir = Path.of("target", "rec-bench").toAbsolutePath();
    private final StringBuilder report = new StringBuilder("# Recommendation and hybrid search benchmark (#16)\n\n");
    private final Map<String, String> args = new LinkedHashMap<>();

    public static void main(String[] raw) throws Exception {
        new RecommendationBenchmark(raw).run();
        System.exit(0);
    }

    RecommendationBenchmark(String[] raw) {
        args.put("rows", "50000,1000000");
        args.put("requests", "300");
        args.put("embed", "true");
        args.put("measure", "true");
        for (String a : String.join(" ", raw).trim().split("\\s+")) {
            if (a.contains("=")) {
                args.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
    }

    void run() throws Exception {
        Files.createDirectories(dir);
        report.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, %s. Arguments: %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), args));
        Embedder quantized = new Embedder(6);
        if (Boolean.parseBoolean(args.get("embed"))) {
            embeddingThroughput(quantized);
        }
        for (String rows : args.get("rows").split(",")) {
            if (rows.isBlank()) {
                continue;
            }
            catalog(Integer.parseInt(rows.replace("_", "")), quantized);
        }
        Path out = dir.resolve("recommendation-benchmark.md");
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.out.println("report written to " + out);
    }

    // ------------------------------------------------------------------------------------ embedding throughput

    private void embeddingThroughput(Embedder quantized) throws Exception {
        List<Embedder.Document> documents = realPostings();
        Embedder full = new Embedder(6, new AllMiniLmL6V2EmbeddingModel(Runnable::run));
        report.append("## Embedding throughput (real postings)\n\n").append(String.format(Locale.ROOT,
                "%d postings of the three Ashby captures in ../shared (title, company, skills, description in "
                        + "chunks of at most 240 word pieces, at most 6), embedded in batches of 32 by one caller "
                        + "thread (the ONNX runtime uses both cores); a warm-up pass first, then one measured pass. "
                        + "Queries: 300 short texts of PostingGenerator.queries.%n%n", documents.size()))
                .append("| model | postings/s | chunks/s | short queries/s | query p50 ms |\n"
                        + "| --- | ---: | ---: | ---: | ---: |\n");
        List<String> queries = new PostingGenerator(42).queries(300).stream().map(q -> q.q() == null ? "jobs" : q.q())
                .toList();
        for (var model : List.of(Map.entry("all-MiniLM-L6-v2 quantized (used)", quantized),
                Map.entry("all-MiniLM-L6-v2 full precision", full))) {
            Embedder e = model.getValue();
            int chunks = documents.stream().mapToInt(d -> e.chunkCount(d)).sum();
            for (int i = 0; i < documents.size(); i += 32) {
                e.embedAll(documents.subList(i, Math.min(documents.size(), i + 32)));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < documents.size(); i += 32) {
                e.embedAll(documents.subList(i, Math.min(documents.size(), i + 32)));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            queries.subList(0, 50).forEach(e::embed);
            double[] times = new double[queries.size()];
            long q0 = System.nanoTime();
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                e.embed(queries.get(i));
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            double qs = (System.nanoTime() - q0) / 1e9;
            Arrays.sort(times);
            report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.1f |%n", model.getKey(),
                    documents.size() / s, chunks / s, queries.size() / qs, times[times.length / 2]));
            log("%s: %.1f postings/s", model.getKey(), documents.size() / s);
        }
        report.append('\n');
    }

    private static List<Embedder.Document> realPostings() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Embedder.Document> out = new ArrayList<>();
        for (String capture : List.of("ashby/stapply_hims-and-hers.json", "ashby/stapply_notion.json",
                "ashby/stapply_roadsurfer.com.json")) {
            JsonNode root = json.readTree(SharedFixtures.string("fixtures/job-boards/" + capture));
            for (JsonNode job : root.path("jobs")) {
                PostingVectors.Source source = new PostingVectors.Source(UUID.randomUUID(), "", job.path("title")
                        .asText(), capture, job.path("descriptionPlain").asText(""), null);
                out.add(PostingEmbeddings.document(source, PostingEmbeddings.skills(source)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ the catalog

    private void catalog(int rows, Embedder embedder) throws Exception {
        Path data = dir.resolve("pg-" + rows);
        try (PostgresServer pg = PostgresServer.start(dir.resolve("pg-work-" + rows), data, true,
                CatalogBenchmark.SETTINGS)) {
            DataSource ds = loaded(pg, rows);
            report.append(String.format(Locale.ROOT, "## %,d postings%n%n", rows));
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM job_postings WHERE is_active AND "
                         + "is_primary), (SELECT count(*) FROM posting_vector_lists), "
                         + "pg_size_pretty(pg_total_relation_size('posting_embeddings')), "
                         + "(SELECT report FROM rec_bench_state)")) {
                rs.next();
                report.append(String.format(Locale.ROOT, "%,d listed postings; %d index lists; posting_embeddings "
                        + "%s with its indexes. %s%n%n", rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4)));
            }
            if (Boolean.parseBoolean(args.get("measure"))) {
                measure(ds, rows, embedder);
            }
        }
    }

    /** The database of this size: reused when a run loaded it, else loaded now (COPY, vectors, index). */
    private DataSource loaded(PostgresServer pg, int rows) throws Exception {
        DataSource admin = pg.dataSource("postgres");
        boolean exists;
        try (Connection c = admin.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            exists = rs.next();
        }
        if (exists) {
            try (Connection c = pg.dataSource(DATABASE).getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT to_regclass('rec_bench_state') IS NOT NULL")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    log("reusing the database of %,d postings", rows);
                    migrate(pg.dataSource(DATABASE));
                    try (Connection v = pg.dataSource(DATABASE).getConnection(); Statement vs = v.createStatement()) {
                        vs.execute("VACUUM ANALYZE posting_embeddings");
                    }
                    return pg.dataSource(DATABASE);
                }
            }
            try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
            }
        }
        pg.createDatabase(DATABASE);
        DataSource ds = pg.dataSource(DATABASE);
        BetterAuthFixture.createIn(ds);
        migrate(ds);
        log("COPY %,d postings ...", rows);
        double copy = CatalogBenchmark.copyLoad(ds, rows);
        log("COPY in %.0f s; vectors ...", copy);
        long t0 = System.nanoTime();
        randomVectors(ds);
        double vectors = (System.nanoTime() - t0) / 1e9;
        log("vectors in %.0f s; training the index ...", vectors);
        t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            new PostingVectors(20_000, 1000, 24).trainIfDue(c, 42, Instant.now());
            c.commit();
        }
        double train = (System.nanoTime() - t0) / 1e9;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
            st.execute("CREATE TABLE rec_bench_state (report TEXT)");
            st.execute(String.format(Locale.ROOT, "INSERT INTO rec_bench_state VALUES ('Load: COPY of the postings "
                    + "%.0f s, COPY of the vectors %.0f s, index training (k-means on a sample, then every vector "
                    + "labelled, one transaction) %.0f s.')", copy, vectors, train));
        }
        log("index trained in %.0f s", train);
        return ds;
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
    }

    /** A random unit vector and a few skills for every active posting, by COPY (binary-safe hex for the bytes). */
    private static void randomVectors(DataSource ds) throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, content_hash FROM job_postings WHERE is_active")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
                hashes.add(rs.getString(2));
            }
        }
        Random random = new Random(7);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY posting_embeddings (posting_id, "
                    + "content_hash, model, list_no, scale, vector, skills) FROM STDIN");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                float[] v = randomUnit(random);
                StringBuilder hex = new StringBuilder("\\\\x");
                for (byte b : Vectors.quantize(v)) {
                    hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
                }
                String skills = "{" + SKILLS.get(random.nextInt(SKILLS.size())) + ","
                        + SKILLS.get(random.nextInt(SKILLS.size())) + "," + SKILLS.get(random.nextInt(SKILLS.size()))
                        + "}";
                sb.append(ids.get(i)).append('\t').append(hashes.get(i)).append('\t').append(Embedder.MODEL)
                        .append("\t0\t").append(Vectors.scale(v)).append('\t').append(hex).append('\t').append(skills)
                        .append('\n');
                if (sb.length() > 1 << 20) {
                    byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            c.commit();
        }
    }

    static float[] randomUnit(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    // ------------------------------------------------------------------------------------ latency

    private void measure(DataSource ds, int rows, Embedder embedder) throws Exception {
        int requests = Integer.parseInt(args.get("requests"));
        Random random = new Random(11);
        PostingVectors vectors = new PostingVectors(20_000, 1000, 24);
        PostingSearch keyword = new PostingSearch();
        RankedSearch ranked = new RankedSearch(keyword, vectors);
        Recommender recommender = new Recommender();
        List<PostingGenerator.BenchQuery> queries = new PostingGenerator(42).queries(requests).stream()
                .filter(q -> q.q() != null).toList();

        double[] rec = new double[requests];
        double[] hybrid = new double[queries.size()];
        double[] semantic = new double[queries.size()];
        double[] kw = new double[queries.size()];
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(PostingSearch.SESSION_SETTINGS);
            // warm-up: a third of each, unmeasured
            for (int i = 0; i < Math.max(20, requests / 3); i++) {
                recommend(c, vectors, recommender, randomUnit(random));
            }
            for (int i = 0; i < requests; i++) {
                float[] user = randomUnit(random);
                long t = System.nanoTime();
                recommend(c, vectors, recommender, user);
                rec[i] = (System.nanoTime() - t) / 1e6;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < queries.size(); i++) {
                    PostingCriteria criteria = criteria(queries.get(i));
                    long t = System.nanoTime();
                    keyword.search(c, criteria, null, 20);
                    kw[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    ranked.hybrid(c, embedder.embed(criteria.q()), criteria, null, 20);
                    hybrid[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    ranked.semantic(c, embedder.embed(criteria.q()), criteria, null, 20);
                    semantic[i] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        report.append(String.format(Locale.ROOT, "%d recommendation requests (random user vectors), %d search "
                + "queries of PostingGenerator.queries (with their filters), each after a warm-up pass; times are "
                + "the whole call on one connection (the query's embedding included for hybrid and semantic).%n%n",
                requests, queries.size()))
                .append("| request | p50 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |\n")
                .append(row("GET /recommendations, uncached (nearest 200, facts, blend)", rec))
                .append(row("GET /postings keyword (reference)", kw))
                .append(row("GET /postings mode=hybrid", hybrid))
                .append(row("GET /postings mode=semantic", semantic));
        report.append(String.format(Locale.ROOT, "%nhybrid p95 / keyword p95 = %.2f%n%n", percentile(hybrid, 95)
                / percentile(kw, 95)));
        log("%,d postings: recommendations p95 %.1f ms, hybrid p95 %.1f ms, keyword p95 %.1f ms", rows,
                percentile(rec, 95), percentile(hybrid, 95), percentile(kw, 95));
    }

    /** What RecommendationService.compute does after the user's vector is known. */
    private static void recommend(Connection c, PostingVectors vectors, Recommender recommender, float[] user)
            throws SQLException {
        PostingCriteria criteria = new PostingCriteria(null, null, null, null, null, null, null, List.of(), null, null,
                "bench-user", false);
        List<PostingVectors.Neighbour> nearest = vectors.nearest(c, user, criteria, 200);
        Map<UUID, PostingFacts> facts = PostingFacts.read(c, nearest.stream().map(PostingVectors.Neighbour::postingId)
                .toList(), false);
        List<Recommender.Candidate> candidates = new ArrayList<>();
        for (PostingVectors.Neighbour n : nearest) {
            PostingFacts f = facts.get(n.postingId());
            if (f != null) {
                candidates.add(new Recommender.Candidate(f.summary(), n.similarity(), f.skills(), f.salaryAnnualMax()));
            }
        }
        Recommender.Basis basis = new Recommender.Basis(user, Set.of("java", "sql", "kubernetes"),
                new Recommender.Preferences(List.of("Berlin"), true, "remote", 60_000, "USD", "senior"));
        if (recommender.rank(basis, candidates, Instant.now()).isEmpty() && !nearest.isEmpty()) {
            throw new IllegalStateException("nothing ranked");
        }
    }

    private static PostingCriteria criteria(PostingGenerator.BenchQuery q) {
        List<String> arrangements = Boolean.TRUE.equals(q.remote()) ? List.of("remote") : null;
        return new PostingCriteria(q.q(), q.location() == null ? null : List.of(q.location()), arrangements,
                q.employmentType() == null ? null : List.of(q.employmentType()), null, null, null, null, null, null,
                null, false);
    }

    private static String row(String name, double[] times) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, percentile(times, 50),
                percentile(times, 95), percentile(times, 99), percentile(times, 100));
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void log(String format, Object... values) {
        System.out.printf(Locale.ROOT, "[rec-bench] " + format + "%n", values);
    }
}
