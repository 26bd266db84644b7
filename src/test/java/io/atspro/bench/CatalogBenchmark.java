package io.atspro.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.bench.PostingGenerator.BenchQuery;
import io.atspro.posting.CatalogKeys;
import io.atspro.posting.CatalogWriter;
import io.atspro.posting.NormalizedPosting;
import io.atspro.posting.PostingCriteria;
import io.atspro.posting.PostingSearch;
import io.atspro.testing.BetterAuthFixture;
import io.atspro.testing.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The catalog benchmark of #5: bulk upsert throughput through {@link CatalogWriter} against a COPY of the same rows
 * into the same table, and search latency of {@link PostingSearch} on the loaded catalog, on an embedded PostgreSQL
 * with fixed settings ({@link #SETTINGS}). Data: {@link PostingGenerator} (seed 42, 20,000 companies).
 *
 * <p>Run: {@code ./mvnw -Pbench} (see the README), arguments in {@code -Dbench.args="..."}:
 * {@code --rows N} (default 1,000,000), {@code --reuse} (keep the database in target/bench/pg-data and, when it
 * already holds this load, skip straight to search), {@code --batches 1000,5000,10000}, {@code --trial-rows N}
 * (rows per batch-size trial, default 100,000), {@code --queries N} (default 400), {@code --explain-over MS}
 * (after measuring, rerun the queries with auto_explain logging plans slower than MS to target/bench/explain.log),
 * {@code --hold} (keep PostgreSQL up after the report, for psql).
 */
public final class CatalogBenchmark {

    static final long SEED = 42;
    static final String DATABASE = "bench";
    /** The catalog's "now" of the first load; the rerun pass is a day later. */
    static final Instant LOAD_NOW = PostingGenerator.DEFAULT_NOW;

    /**
     * The server settings of every phase (COPY, upsert, search alike): a database server given a few GB of a
     * 24 GiB machine, durable (fsync, synchronous_commit and full_page_writes stay on, their defaults).
     */
    public static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("shared_buffers", "4GB");
        s.put("effective_cache_size", "12GB");
        s.put("work_mem", "32MB");
        s.put("maintenance_work_mem", "1GB");
        s.put("max_wal_size", "8GB");
        s.put("min_wal_size", "1GB");
        s.put("checkpoint_timeout", "15min");
        s.put("random_page_cost", "1.1");
        s.put("effective_io_concurrency", "200");
        // zonky's embedded server turns these off by default; a catalog database keeps them on
        s.put("fsync", "on");
        s.put("synchronous_commit", "on");
        s.put("full_page_writes", "on");
        return s;
    }

    private final Options options;
    private final Path dir;
    private final StringBuilder report = new StringBuilder();
    private final ObjectMapper json = new ObjectMapper();

    private CatalogBenchmark(Options options) {
        this.options = options;
        this.dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    }

    record Options(int rows, boolean reuse, List<Integer> batches, int trialRows, int queries, int explainOverMs,
            boolean hold, String prepare) {

        static Options parse(String[] raw) {
            List<String> args = Arrays.stream(raw).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                    .filter(a -> !a.isBlank()).toList();
            int rows = 1_000_000;
            boolean reuse = false;
            List<Integer> batches = List.of(1000, 5000, 10_000);
            int trialRows = 100_000;
            int queries = 400;
            int explain = -1;
            boolean hold = false;
            String prepare = null;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--rows" -> rows = Integer.parseInt(args.get(++i).replace("_", ""));
                    case "--reuse" -> reuse = true;
                    case "--batches" -> batches = Arrays.stream(args.get(++i).split(","))
                            .map(v -> Integer.parseInt(v.replace("_", ""))).toList();
                    case "--trial-rows" -> trialRows = Integer.parseInt(args.get(++i).replace("_", ""));
                    case "--queries" -> queries = Integer.parseInt(args.get(++i));
                    case "--explain-over" -> explain = Integer.parseInt(args.get(++i));
                    case "--hold" -> hold = true;
                    case "--prepare" -> prepare = args.get(++i);
                    default -> throw new IllegalArgumentException("unknown argument " + args.get(i));
                }
            }
            return new Options(rows, reuse, batches, Math.min(trialRows, rows), queries, explain, hold, prepare);
        }
    }

    /**
     * Loads {@code rows} generated postings (seed {@value #SEED}) into an empty, migrated database by COPY, the
     * benchmark's fastest way in: the catalog other benchmarks (RecommendationBenchmark) measure on. Returns the
     * seconds the COPY took.
     */
    public static double copyLoad(DataSource ds, int rows) throws Exception {
        CatalogBenchmark bench = new CatalogBenchmark(Options.parse(new String[] {"--rows", Integer.toString(rows)}));
        PostingGenerator generator = new PostingGenerator(SEED, PostingGenerator.DEFAULT_COMPANIES, LOAD_NOW);
        NormalizedPosting[] postings = new NormalizedPosting[rows];
        String[] platforms = new String[rows];
        IntStream.range(0, rows).parallel().forEach(i -> {
            postings[i] = generator.posting(i);
            platforms[i] = generator.platform(i);
        });
        List<NormalizedPosting> all = Arrays.asList(postings);
        Map<String, UUID> sources = new HashMap<>();
        Map<String, UUID> companies;
        try (Connection c = ds.getConnection()) {
            sources.putAll(insertSources(c));
            companies = bench.insertCompanies(c, all);
        }
        return bench.copy(ds, all, platforms, sources, companies).seconds;
    }

    /** One scrape source per generated platform, by platform. */
    private static Map<String, UUID> insertSources(Connection c) throws SQLException {
        Map<String, UUID> sources = new HashMap<>();
        for (String platform : PostingGenerator.PLATFORMS) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO scrape_sources (platform, board, "
                    + "company_name) VALUES (?, ?, ?) RETURNING id")) {
                st.setString(1, platform);
                st.setString(2, "bench-" + platform);
                st.setString(3, "Benchmark " + platform);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    sources.put(platform, rs.getObject(1, UUID.class));
                }
            }
        }
        return sources;
    }

    public static void main(String[] args) throws Exception {
        new CatalogBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ the run

    private void run() throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("pg-data");
        if (!options.reuse) {
            deleteTree(data);
        }
        deleteTree(dir.resolve("pg-log"));
        Map<String, String> settings = new LinkedHashMap<>(SETTINGS);
        settings.put("logging_collector", "on");
        settings.put("log_directory", dir.resolve("pg-log").toString());
        settings.put("log_filename", "postgresql.log");
        log("starting PostgreSQL (data %s)", data);
        try (PostgresServer pg = PostgresServer.start(dir.resolve("pg-work"), data, true, settings)) {
            DataSource admin = pg.dataSource("postgres");
            String loadReport = options.reuse ? loadedReport(pg, admin) : null;
            if (loadReport == null) {
                freshDatabase(pg, admin);
                loadReport = load(pg.dataSource(DATABASE));
            } else {
                log("reusing the loaded database: %d rows (load figures below are from that load run)", options.rows);
                long started = System.nanoTime();
                int applied = Flyway.configure().dataSource(pg.dataSource(DATABASE)).locations("classpath:db/migration")
                        .load().migrate().migrationsExecuted;
                if (applied > 0) {
                    try (Connection c = pg.dataSource(DATABASE).getConnection(); Statement st = c.createStatement()) {
                        st.execute("ANALYZE job_postings");
                    }
                    log("%d newer migrations applied to the reused database, then ANALYZE, in %.1f s", applied,
                            seconds(started));
                }
            }
            DataSource ds = pg.dataSource(DATABASE);
            if (options.prepare != null) {
                // a reused database brought up to a schema change without reloading it (the statements are logged)
                String sql = Files.readString(Path.of(options.prepare));
                log("running %s on the reused database", options.prepare);
                long started = System.nanoTime();
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    // one statement at a time: VACUUM cannot run inside the implicit transaction of a batch
                    for (String statement : sql.split(";\\s*\\n")) {
                        String body = statement.lines().filter(l -> !l.strip().startsWith("--"))
                                .collect(java.util.stream.Collectors.joining("\n")).strip();
                        if (!body.isEmpty()) {
                            log("  %s", body.lines().findFirst().orElse(""));
                            st.execute(body);
                        }
                    }
                }
                log("prepared in %d s", (System.nanoTime() - started) / 1_000_000_000);
            }
            report.append("# Catalog benchmark\n\n").append(machine(ds)).append(loadReport);
            search(ds);
            report.append(settingsReport(ds));
            if (options.hold) {
                Files.writeString(dir.resolve("catalog-benchmark.md"), report.toString());
                log("--hold: PostgreSQL stays up for psql: psql -h 127.0.0.1 -p %d -U postgres %s (stop with Ctrl-C)",
                        pg.port(), DATABASE);
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        Path out = dir.resolve("catalog-benchmark.md");
        Files.writeString(out, report.toString());
        System.out.println();
        System.out.println(report);
        log("report written to %s", out);
    }

    /** The load section of an earlier run on this data directory, if it loaded the same rows. */
    private String loadedReport(PostgresServer pg, DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                return null;
            }
        }
        try (Connection c = pg.dataSource(DATABASE).getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('bench_state') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT rows, seed, report FROM bench_state")) {
                if (rs.next() && rs.getInt(1) == options.rows && rs.getLong(2) == SEED) {
                    return rs.getString(3);
                }
            }
        }
        return null;
    }

    private void freshDatabase(PostgresServer pg, DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        pg.createDatabase(DATABASE);
        DataSource ds = pg.dataSource(DATABASE);
        BetterAuthFixture.createIn(ds);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
    }

    // ------------------------------------------------------------------------------------------------ load

    private String load(DataSource ds) throws Exception {
        int n = options.rows;
        PostingGenerator generator = new PostingGenerator(SEED, PostingGenerator.DEFAULT_COMPANIES, LOAD_NOW);
        long t0 = System.nanoTime();
        NormalizedPosting[] postings = new NormalizedPosting[n];
        String[] platforms = new String[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            postings[i] = generator.posting(i);
            platforms[i] = generator.platform(i);
        });
        double genSeconds = seconds(t0);
        log("generated %,d postings in %.1f s", n, genSeconds);
        List<NormalizedPosting> all = Arrays.asList(postings);

        Map<String, UUID> sources = new HashMap<>();
        Map<String, UUID> companies;
        double companySeconds;
        int groups;
        try (Connection c = ds.getConnection()) {
            sources.putAll(insertSources(c));
            long t = System.nanoTime();
            companies = insertCompanies(c, all);
            companySeconds = seconds(t);
            groups = (int) Arrays.stream(postings).map(CatalogBenchmark::dedupKey).distinct().count();
        }
        log("%,d companies in %.2f s; %,d duplicate groups among %,d postings", companies.size(), companySeconds,
                groups, n);

        StringBuilder md = new StringBuilder();
        md.append("## Bulk write (").append(String.format(Locale.ROOT, "%,d", n)).append(" postings)\n\n");
        md.append(String.format(Locale.ROOT, "Data: `PostingGenerator(seed %d, %,d companies)`, generated in memory "
                + "beforehand (%.0f s, not timed below); %,d companies inserted first, once, by the writer's own "
                + "statement (%.2f s) and kept, so COPY and upsert both pay for `job_postings` only; %,d "
                + "duplicate groups (the writer's and COPY's `is_primary` choice count the same). All indexes of "
                + "V4 in place in every phase; `CHECKPOINT` before each phase; each phase starts on an empty "
                + "`job_postings` except the rerun.%n%n", SEED, PostingGenerator.DEFAULT_COMPANIES, genSeconds,
                companies.size(), companySeconds, groups));
        md.append("| phase | rows | seconds | rows/s | vs COPY (wall) | server backend CPU s | client JVM CPU s "
                + "| vs COPY (server CPU) | load avg (1 min) at end |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

        // ---- small-scale trials: COPY and each batch size on the first trialRows rows
        int trial = options.trialRows;
        List<Integer> batchSizes = options.batches;
        int best = batchSizes.get(0);
        if (batchSizes.size() > 1) {
            truncate(ds);
            Totals copyTrial = copy(ds, all.subList(0, trial), platforms, sources, companies);
            row(md, "COPY, first " + fmt(trial), trial, copyTrial, copyTrial);
            double bestRate = 0;
            for (int size : batchSizes) {
                truncate(ds);
                Totals t = upsert(ds, all.subList(0, trial), platforms, sources, size, LOAD_NOW);
                double rate = trial / t.seconds;
                row(md, "upsert, first " + fmt(trial) + ", batches of " + fmt(size), trial, t, copyTrial);
                if (rate > bestRate) {
                    bestRate = rate;
                    best = size;
                }
            }
        }

        // ---- the full load: COPY, then upsert with the best batch size, then the mostly-unchanged rerun
        truncate(ds);
        Totals copyAll = copy(ds, all, platforms, sources, companies);
        double copySeconds = copyAll.seconds;
        row(md, "**COPY** (text format, pgjdbc CopyManager)", n, copyAll, copyAll);
        long activePrimary = count(ds, "SELECT count(*) FROM job_postings WHERE is_active AND is_primary");
        truncate(ds);
        Totals first = upsert(ds, all, platforms, sources, best, LOAD_NOW);
        row(md, "**upsert** `CatalogWriter.write`, batches of " + fmt(best) + ", new rows", n, first, copyAll);
        long activePrimaryUpsert = count(ds, "SELECT count(*) FROM job_postings WHERE is_active AND is_primary");

        NormalizedPosting[] changed = new NormalizedPosting[n];
        int changedCount = 0;
        for (int i = 0; i < n; i++) {
            NormalizedPosting p = postings[i];
            if (i % 10 == 3) {
                changedCount++;
                p = new NormalizedPosting(p.externalId(), p.title() + " II", p.companyName(), p.locationRaw(),
                        p.city(), p.state(), p.country(), p.workArrangement(), p.employmentType(), p.salaryMin(),
                        p.salaryMax(), p.salaryCurrency(), p.salaryInterval(), p.description(), p.postedAt(),
                        p.applyUrl(), p.sourceUrl(), p.metadata());
            }
            changed[i] = p;
        }
        Totals rerun = upsert(ds, Arrays.asList(changed), platforms, sources, best, LOAD_NOW.plus(Duration.ofDays(1)));
        row(md, "**upsert rerun**, same rows a day later, " + fmt(changedCount) + " changed (title)", n, rerun,
                copyAll);
        md.append("\n");
        md.append(String.format(Locale.ROOT, "Upsert / COPY = **%.2f** by wall time (target ≥ 0.40), %.2f by the server backend's CPU "
                + "time (COPY's CPU seconds / upsert's: the same comparison with other load on the machine taken "
                + "out). Writer counts, first pass: "
                + "%,d inserted, %,d updated, %,d unchanged; rerun: %,d inserted, %,d updated, %,d unchanged "
                + "(%d batches). Active primary postings: %,d after COPY, %,d after upsert.%n%n",
                (n / first.seconds) / (n / copySeconds), copyAll.serverCpu / first.serverCpu, first.inserted, first.updated, first.unchanged,
                rerun.inserted, rerun.updated, rerun.unchanged, rerun.batches, activePrimary, activePrimaryUpsert));

        long t = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) job_postings");
            st.execute("VACUUM (ANALYZE) companies");
        }
        md.append(String.format(Locale.ROOT, "`VACUUM (ANALYZE)` afterwards: %.0f s. Table size: %s (with TOAST), "
                + "indexes %s.%n%n", seconds(t), sizeOf(ds, "pg_table_size('job_postings')"),
                sizeOf(ds, "pg_indexes_size('job_postings')")));
        md.append(indexSizes(ds));

        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_state (rows integer, seed bigint, loaded_at timestamptz, report text)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_state VALUES (?, ?, now(), ?)")) {
                ps.setInt(1, n);
                ps.setLong(2, SEED);
                ps.setString(3, md.toString());
                ps.executeUpdate();
            }
        }
        return md.toString();
    }

    private record Totals(double seconds, long inserted, long updated, long unchanged, int batches,
            double serverCpu, double clientCpu) {
    }

    /** CPU seconds (user + system) of a process, from /proc: the server backend's share, whatever else runs. */
    static double processCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in USER_HZ (100)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double clientCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, UUID> insertCompanies(Connection c, List<NormalizedPosting> postings) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        for (NormalizedPosting p : postings) {
            names.putIfAbsent(CatalogKeys.companyKey(p.companyName()), p.companyName().strip());
        }
        Timestamp now = Timestamp.from(LOAD_NOW);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO companies (name, normalized_name, created_at, "
                + "updated_at) SELECT n, k, ?, ? FROM unnest(?::text[], ?::text[]) AS u(n, k) "
                + "ON CONFLICT (normalized_name) DO NOTHING")) {
            st.setTimestamp(1, now);
            st.setTimestamp(2, now);
            st.setArray(3, c.createArrayOf("text", names.values().toArray()));
            st.setArray(4, c.createArrayOf("text", names.keySet().toArray()));
            st.executeUpdate();
        }
        Map<String, UUID> ids = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT normalized_name, id FROM companies")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getObject(2, UUID.class));
            }
        }
        return ids;
    }

    private static String dedupKey(NormalizedPosting p) {
        return CatalogKeys.dedupKey(p.companyName(), p.title(), p.city(), p.state(), p.country(), p.locationRaw());
    }

    // ---- COPY

    private static final String COPY = "COPY job_postings (company_id, source_id, source_platform, external_id, "
            + "title, company_name, description, salary_min, salary_max, salary_currency, salary_interval, "
            + "experience_level, employment_type, work_arrangement, location_raw, location_city, location_state, "
            + "location_country, source_url, apply_url, posted_at, metadata, content_hash, dedup_key, first_seen_at, "
            + "last_seen_at, updated_at, is_primary) FROM STDIN";
    private static final int COPY_CHUNK = 2000;

    /**
     * Streams the postings through COPY in text format, every column as the writer would set it (derived keys,
     * content hash and metadata JSON computed here, inside the timing, as the writer computes them inside its
     * own). The rows of chunk k+1 are formatted on a second thread while chunk k is sent. One transaction.
     */
    private Totals copy(DataSource ds, List<NormalizedPosting> postings, String[] platforms,
            Map<String, UUID> sources, Map<String, UUID> companies) throws Exception {
        checkpoint(ds);
        log("COPY %,d rows ...", postings.size());
        String now = LOAD_NOW.toString();
        Set<String> seenGroups = new HashSet<>();
        ExecutorService formatter = Executors.newSingleThreadExecutor();
        long t0 = System.nanoTime();
        double serverCpu;
        double clientCpu0 = clientCpu();
        try (Connection c = ds.getConnection()) {
            long pid = backendPid(c);
            double cpu0 = processCpu(pid);
            c.setAutoCommit(false);
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            Future<byte[]> next = formatter.submit(() -> chunk(postings, 0, platforms, sources, companies, now,
                    seenGroups));
            for (int from = 0; from < postings.size(); from += COPY_CHUNK) {
                byte[] bytes = next.get();
                int following = from + COPY_CHUNK;
                next = following < postings.size() ? formatter.submit(() -> chunk(postings, following, platforms,
                        sources, companies, now, seenGroups)) : null;
                in.writeToCopy(bytes, 0, bytes.length);
            }
            long rows = in.endCopy();
            c.commit();
            serverCpu = processCpu(pid) - cpu0;
            if (rows != postings.size()) {
                throw new IllegalStateException("COPY wrote " + rows + " rows");
            }
        } finally {
            formatter.shutdown();
        }
        double s = seconds(t0);
        log("COPY %,d rows in %.1f s = %,.0f rows/s (server CPU %.0f s)", postings.size(), s, postings.size() / s,
                serverCpu);
        return new Totals(s, postings.size(), 0, 0, 1, serverCpu, clientCpu() - clientCpu0);
    }

    private byte[] chunk(List<NormalizedPosting> postings, int from, String[] platforms, Map<String, UUID> sources,
            Map<String, UUID> companies, String now, Set<String> seenGroups) throws IOException {
        StringBuilder sb = new StringBuilder(COPY_CHUNK * 3000);
        int to = Math.min(postings.size(), from + COPY_CHUNK);
        for (int i = from; i < to; i++) {
            NormalizedPosting p = postings.get(i);
            String dedup = dedupKey(p);
            String platform = platforms[i];
            field(sb, companies.get(CatalogKeys.companyKey(p.companyName())).toString()).append('\t');
            field(sb, sources.get(platform).toString()).append('\t');
            field(sb, platform).append('\t');
            field(sb, p.externalId()).append('\t');
            field(sb, truncate(p.title(), 300)).append('\t');
            field(sb, truncate(p.companyName().strip(), 255)).append('\t');
            field(sb, p.description() == null ? "" : p.description()).append('\t');
            field(sb, plain(p.salaryMin())).append('\t');
            field(sb, plain(p.salaryMax())).append('\t');
            field(sb, p.salaryCurrency()).append('\t');
            field(sb, p.salaryInterval()).append('\t');
            field(sb, CatalogKeys.experienceLevel(p.title())).append('\t');
            field(sb, p.employmentType()).append('\t');
            field(sb, p.workArrangement()).append('\t');
            field(sb, p.locationRaw()).append('\t');
            field(sb, truncate(p.city(), 100)).append('\t');
            field(sb, truncate(p.state(), 100)).append('\t');
            field(sb, truncate(p.country(), 100)).append('\t');
            field(sb, p.sourceUrl() != null ? p.sourceUrl() : p.applyUrl()).append('\t');
            field(sb, p.applyUrl()).append('\t');
            field(sb, p.postedAt() == null ? now : p.postedAt().toString()).append('\t');
            field(sb, json.writeValueAsString(p.metadata())).append('\t');
            field(sb, p.contentHash()).append('\t');
            field(sb, dedup).append('\t');
            sb.append(now).append('\t').append(now).append('\t').append(now).append('\t');
            // the writer makes the earliest seen posting of a duplicate group primary: here, the first one
            sb.append(seenGroups.add(dedup) ? 't' : 'f').append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
    private static StringBuilder field(StringBuilder sb, String value) {
        if (value == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---- upsert

    /** Through the writer, one source (platform) per batch, one transaction per batch, closeMissing false. */
    private Totals upsert(DataSource ds, List<NormalizedPosting> postings, String[] platforms,
            Map<String, UUID> sources, int batchSize, Instant now) throws Exception {
        checkpoint(ds);
        log("upsert %,d rows in batches of %,d ...", postings.size(), batchSize);
        CatalogWriter writer = new CatalogWriter(json, 0.5);
        Map<String, List<NormalizedPosting>> pending = new LinkedHashMap<>();
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        int batches = 0;
        long t0 = System.nanoTime();
        long lastLog = t0;
        double serverCpu;
        double clientCpu0 = clientCpu();
        try (Connection c = ds.getConnection()) {
            long pid = backendPid(c);
            double cpu0 = processCpu(pid);
            c.setAutoCommit(false);
            for (int i = 0; i <= postings.size(); i++) {
                List<List<NormalizedPosting>> ready = new ArrayList<>();
                String[] readyPlatforms;
                if (i < postings.size()) {
                    List<NormalizedPosting> batch = pending.computeIfAbsent(platforms[i], k -> new ArrayList<>());
                    batch.add(postings.get(i));
                    if (batch.size() < batchSize) {
                        continue;
                    }
                    ready.add(batch);
                    readyPlatforms = new String[] {platforms[i]};
                    pending.remove(platforms[i]);
                } else {
                    ready.addAll(pending.values());
                    readyPlatforms = pending.keySet().toArray(String[]::new);
                }
                for (int b = 0; b < ready.size(); b++) {
                    CatalogWriter.Result r = writer.write(c, sources.get(readyPlatforms[b]), readyPlatforms[b],
                            ready.get(b), now, false);
                    c.commit();
                    inserted += r.inserted();
                    updated += r.updated();
                    unchanged += r.unchanged();
                    batches++;
                }
                if (System.nanoTime() - lastLog > 30e9) {
                    lastLog = System.nanoTime();
                    log("  %,d rows, %,.0f rows/s", i, i / seconds(t0));
                }
            }
            serverCpu = processCpu(pid) - cpu0;
        }
        double s = seconds(t0);
        log("upsert %,d rows in %.1f s = %,.0f rows/s (%,d inserted, %,d updated, %,d unchanged)", postings.size(), s,
                postings.size() / s, inserted, updated, unchanged);
        return new Totals(s, inserted, updated, unchanged, batches, serverCpu, clientCpu() - clientCpu0);
    }

    // ------------------------------------------------------------------------------------------------ search

    private record Sample(String label, String kind, BenchQuery query, double ms, int rows) {
    }

    /** Misspelled queries (no full-text match): they take the trigram fallback. */
    static final List<String> TYPOS = List.of("sofware enginer", "pyhton develper", "acount executve",
            "kubernets engneer", "glaciolgist", "dat scientst", "markting manger", "registerd nurce",
            "finacial analist", "custmer succes");

    private void search(DataSource ds) throws Exception {
        PostingGenerator generator = new PostingGenerator(SEED, PostingGenerator.DEFAULT_COMPANIES, LOAD_NOW);
        List<BenchQuery> queries = generator.queries(options.queries);
        PostingSearch search = new PostingSearch();
        try (Connection c = ds.getConnection()) {
            // the service's connections are set up the same way (quarkus.datasource.jdbc.new-connection-sql)
            try (Statement st = c.createStatement()) {
                st.execute(PostingSearch.SESSION_SETTINGS);
            }
            log("search warm-up (%d queries) ...", queries.size());
            runQueries(c, search, queries);
            log("search, measured ...");
            String loadBefore = loadAverage();
            List<Sample> samples = runQueries(c, search, queries);
            report.append(searchReport(queries, samples));
            report.append("Load average (1 min) before / after the measured pass: ").append(loadBefore)
                    .append(" / ").append(loadAverage()).append(".\n\n");
            if (options.explainOverMs >= 0) {
                explain(c, search, queries);
            }
        }
    }

    private List<Sample> runQueries(Connection c, PostingSearch search, List<BenchQuery> queries)
            throws SQLException {
        List<Sample> samples = new ArrayList<>();
        for (BenchQuery q : queries) {
            PostingCriteria criteria = criteria(q, q.q());
            long t = System.nanoTime();
            PostingSearch.Result first = search.search(c, criteria, null, 20);
            samples.add(new Sample("page 1", q.kind(), q, millis(t), first.items().size()));
            if ("common".equals(q.kind()) && first.nextCursor() != null) {
                t = System.nanoTime();
                PostingSearch.Result second = search.search(c, criteria, first.nextCursor(), 20);
                samples.add(new Sample("page 2", q.kind(), q, millis(t), second.items().size()));
            }
        }
        for (String typo : TYPOS) {
            BenchQuery q = new BenchQuery("typo", typo, null, null, null, null, null);
            long t = System.nanoTime();
            PostingSearch.Result r = search.search(c, criteria(q, typo), null, 20);
            samples.add(new Sample(r.fuzzy() ? "typo (fuzzy)" : "typo (matched)", "typo", q, millis(t),
                    r.items().size()));
        }
        return samples;
    }

    static PostingCriteria criteria(BenchQuery q, String text) {
        List<String> arrangements = q.remote() == null ? null
                : q.remote() ? List.of("remote") : List.of("hybrid", "onsite");
        return new PostingCriteria(text, q.location() == null ? null : List.of(q.location()), arrangements,
                q.employmentType() == null ? null : List.of(q.employmentType()), null, q.minSalary(),
                q.company() == null ? null : List.of(q.company()), null, null, null, null, false);
    }

    private String searchReport(List<BenchQuery> queries, List<Sample> samples) {
        StringBuilder md = new StringBuilder();
        long filtered = queries.stream().filter(q -> q.location() != null || q.remote() != null
                || q.employmentType() != null || q.minSalary() != null || q.company() != null).count();
        md.append(String.format(Locale.ROOT, "## Search (`PostingSearch.search`, limit 20)%n%n%d queries from "
                + "`PostingGenerator.queries(%d)` (%d with one filter or more), each run once as warm-up and then "
                + "measured once, in order, on one connection; time = the Java call (all its statements and round "
                + "trips). Page 2 = the common queries' next page by `next_cursor`. %d misspelled queries for the "
                + "trigram fallback are listed apart.%n%n", queries.size(), queries.size(), filtered, TYPOS.size()));
        md.append("| what | n | p50 ms | p95 ms | p99 ms | max ms | 0 rows |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<Sample> firstPages = samples.stream().filter(s -> s.label().equals("page 1")).toList();
        stats(md, "page 1, common", firstPages.stream().filter(s -> s.kind().equals("common")).toList());
        stats(md, "page 1, rare", firstPages.stream().filter(s -> s.kind().equals("rare")).toList());
        stats(md, "**page 1, all**", firstPages);
        stats(md, "page 2, common", samples.stream().filter(s -> s.label().equals("page 2")).toList());
        stats(md, "**pages 1+2, all**", samples.stream().filter(s -> s.label().startsWith("page")).toList());
        stats(md, "typos (fuzzy fallback)", samples.stream().filter(s -> s.kind().equals("typo")).toList());
        md.append("\nTarget: p95 ≤ 50 ms.\n\nSlowest ten:\n\n| ms | rows | what | query |\n| ---: | ---: | --- | --- |\n");
        samples.stream().sorted(Comparator.comparingDouble(Sample::ms).reversed()).limit(10).forEach(s ->
                md.append(String.format(Locale.ROOT, "| %.1f | %d | %s, %s | %s |%n", s.ms(), s.rows(), s.label(),
                        s.kind(), describe(s.query()))));
        md.append("\n");
        return md.toString();
    }

    private static void stats(StringBuilder md, String what, List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        double[] ms = samples.stream().mapToDouble(Sample::ms).sorted().toArray();
        long empty = samples.stream().filter(s -> s.rows() == 0).count();
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", what, ms.length,
                pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99), ms[ms.length - 1], empty));
    }

    /** Nearest-rank percentile. */
    private static double pct(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String describe(BenchQuery q) {
        StringBuilder sb = new StringBuilder("`" + q.q() + "`");
        if (q.location() != null) {
            sb.append(" location=").append(q.location());
        }
        if (q.remote() != null) {
            sb.append(" remote=").append(q.remote());
        }
        if (q.employmentType() != null) {
            sb.append(" type=").append(q.employmentType());
        }
        if (q.minSalary() != null) {
            sb.append(" min_salary=").append(q.minSalary());
        }
        if (q.company() != null) {
            sb.append(" company=").append(q.company());
        }
        return sb.toString();
    }

    /** Reruns every query with auto_explain logging the plans of statements slower than the threshold. */
    private void explain(Connection c, PostingSearch search, List<BenchQuery> queries) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("LOAD 'auto_explain'");
            st.execute("SET auto_explain.log_min_duration = " + options.explainOverMs);
            st.execute("SET auto_explain.log_analyze = on");
            st.execute("SET auto_explain.log_buffers = on");
            st.execute("SET auto_explain.log_format = text");
        }
        runQueries(c, search, queries);
        try (Statement st = c.createStatement()) {
            st.execute("SET auto_explain.log_min_duration = -1");
        }
        Thread.sleep(1000);
        Path logFile = dir.resolve("pg-log").resolve("postgresql.log");
        Files.copy(logFile, dir.resolve("explain.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log("plans of statements over %d ms: %s", options.explainOverMs, dir.resolve("explain.log"));
    }

    // ------------------------------------------------------------------------------------------------ facts

    private String machine(DataSource ds) throws Exception {
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal")).findFirst().orElse("?").replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String version;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            version = rs.getString(1);
        }
        return String.format(Locale.ROOT, "Machine: %d CPUs (`nproc`: %s; %s), %s; Java %s (%s, -Xmx%d MB); %s. "
                + "PostgreSQL on 127.0.0.1 from zonky's embedded binaries, its data on the local disk.%n%n",
                Runtime.getRuntime().availableProcessors(), exec("nproc"), cpu, memTotal,
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), version);
    }

    private String settingsReport(DataSource ds) throws SQLException {
        StringBuilder md = new StringBuilder("## PostgreSQL settings (every phase)\n\n| setting | value |\n| --- | --- |\n");
        List<String> names = Stream.concat(SETTINGS.keySet().stream(), Stream.of("wal_level", "max_parallel_workers_per_gather", "jit", "gin_pending_list_limit"))
                .toList();
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT current_setting(?)")) {
            for (String name : names) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    md.append("| ").append(name).append(" | ").append(rs.getString(1)).append(" |\n");
                }
            }
        }
        return md.append("\n").toString();
    }

    private static String indexSizes(DataSource ds) throws SQLException {
        StringBuilder md = new StringBuilder("| index | size |\n| --- | ---: |\n");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexrelid::regclass, pg_size_pretty(pg_relation_size(indexrelid)) "
                     + "FROM pg_index WHERE indrelid = 'job_postings'::regclass "
                     + "ORDER BY pg_relation_size(indexrelid) DESC")) {
            while (rs.next()) {
                md.append("| ").append(rs.getString(1)).append(" | ").append(rs.getString(2)).append(" |\n");
            }
        }
        return md.append("\n").toString();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void row(StringBuilder md, String phase, int rows, Totals t, Totals copy) {
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %.1f | %.1f | %.2f | %s |%n", phase,
                rows, t.seconds, rows / t.seconds, copy.seconds / t.seconds, t.serverCpu, t.clientCpu,
                copy.serverCpu / t.serverCpu, loadAverage()));
    }

    /** The 1-minute load average: anything above ~2 on this 2-CPU machine means other work shared the CPUs. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void truncate(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE job_postings CASCADE");
        }
    }

    private static void checkpoint(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sizeOf(DataSource ds, String expression) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_size_pretty(" + expression + ")")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double millis(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT,
                format, args));
        System.out.flush();
    }
}
