package io.atspro.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.bench.PostingGenerator.BenchQuery;
import io.atspro.posting.CatalogWriter;
import io.atspro.testing.ChildProcesses;
import io.atspro.testing.FreePort;
import io.atspro.testing.PostgresServer;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The load benchmark and soak test of #9 ({@code ./mvnw -Pload-bench}): the packaged service, started as a child
 * process against the test stack (PostgreSQL 17, Redis, s3proxy, the WireMock OIDC provider, all on 127.0.0.1), is
 * driven by {@code wrk} with valid bearer tokens of generated users, and its throughput is set against
 * {@code pgbench -S} on the same PostgreSQL at the same connection count.
 *
 * <p>Data, loaded before the service starts: {@link ApplicationGenerator} users with resumes, tracked jobs and
 * applications with their status histories (COPY), and {@link PostingGenerator} postings written through the
 * service's own {@link CatalogWriter}. The first {@code users} generated users are the bench users: a token with
 * subject {@code load-bench-N} and the user's verified email signs in as that user (the service links the OIDC
 * identity to the existing user by verified email, as it adopts better-auth users).
 *
 * <p>Every endpoint gets a {@code warmup}-second wrk run and then a {@code seconds}-second measured run at
 * {@code c} connections ({@code src/test/resources/bench/load.lua} replays a request list written here, rotating over
 * the users). GET one application is also run at each concurrency of {@code sweep}, and so are the endpoints of
 * {@code sweep-endpoints} (e.g. {@code sweep-endpoints=list,search,dashboard,create,status}); pgbench runs at each
 * concurrency used. Authentication's cost is measured on the one route that answers both with and without a token
 * (the calendar feed, {@code @PermitAll}: with a bearer token the token is verified, the rate limiter counts and the
 * identity is resolved, as on every API call; without one none of that runs).
 *
 * <p>Arguments ({@code -Dload.args="..."}): {@code seconds=30 warmup=10 c=16 sweep=4,8,16,32 users=200
 * data-users=5000 applications=250000 postings=50000 heap=512m only=get-one,search profile=get-one limiter-ab
 * jdk=/usr/lib/jvm/temurin-25-jdk-amd64 jit-warmup=60} (only: get-one, list, search, dashboard, create, status, auth; jdk: the
 * service's JDK, default the one running the harness),
 * or {@code soak minutes=10 soak-c=8}. Report: {@code target/load-benchmark.md} (soak: {@code target/soak.md}).
 */
public final class LoadBenchmark {

    static final Path DIR = Path.of("target", "load-bench").toAbsolutePath();
    static final Path SCRIPT = Path.of("src", "test", "resources", "bench", "load.lua").toAbsolutePath();
    static final String PGBENCH_DATABASE = "pgbench";
    static final String[] STATUS_CHAIN = {"applied", "screening", "interviewing", "offered", "accepted", "withdrawn"};
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    record Options(boolean soak, int seconds, int warmup, int concurrency, List<Integer> sweep, int users,
                   int dataUsers, int applications, int postings, String heap, Set<String> only, Set<String> profile,
                   boolean limiterAb, int minutes, int soakConcurrency, String jdk, int jitWarmup, String command,
                   Set<String> sweepEndpoints, Path catalogData, boolean embeddings, int explainOverMs) {

        static Options parse(String[] raw) {
            List<String> args = Arrays.stream(String.join(" ", raw).trim().split("\\s+")).filter(a -> !a.isBlank())
                    .toList();
            Map<String, String> values = new HashMap<>();
            Set<String> flags = new LinkedHashSet<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    values.put(arg.substring(0, eq), arg.substring(eq + 1));
                } else {
                    flags.add(arg);
                }
            }
            int c = Integer.parseInt(values.getOrDefault("c", "16"));
            return new Options(flags.contains("soak"),
                    Integer.parseInt(values.getOrDefault("seconds", "30")),
                    Integer.parseInt(values.getOrDefault("warmup", "10")),
                    c,
                    list(values.getOrDefault("sweep", "4,8,16,32")).stream().map(Integer::parseInt).toList(),
                    Integer.parseInt(values.getOrDefault("users", "200")),
                    Integer.parseInt(values.getOrDefault("data-users", "5000")),
                    Integer.parseInt(values.getOrDefault("applications", "250000")),
                    Integer.parseInt(values.getOrDefault("postings", "50000")),
                    values.getOrDefault("heap", "512m"),
                    new LinkedHashSet<>(list(values.getOrDefault("only", ""))),
                    new LinkedHashSet<>(list(values.getOrDefault("profile", ""))),
                    flags.contains("limiter-ab"),
                    Integer.parseInt(values.getOrDefault("minutes", "10")),
                    Integer.parseInt(values.getOrDefault("soak-c", "8")),
                    values.getOrDefault("jdk", System.getProperty("java.home")),
                    Integer.parseInt(values.getOrDefault("jit-warmup", "60")),
                    "./mvnw -Pload-bench" + (args.isEmpty() ? "" : " -Dload.args=\"" + String.join(" ", args) + "\""),
                    new LinkedHashSet<>(list(values.getOrDefault("sweep-endpoints", ""))),
                    values.containsKey("catalog-data") ? Path.of(values.get("catalog-data")).toAbsolutePath() : null,
                    flags.contains("embeddings"),
                    Integer.parseInt(values.getOrDefault("explain-over", "-1")));
        }

        private static List<String> list(String value) {
            return value.isBlank() ? List.of() : Arrays.asList(value.split(","));
        }

        boolean wanted(String endpoint) {
            return only.isEmpty() || only.contains(endpoint);
        }
    }

    /** One request of a wrk data file; {@code token} is 1-based, 0 sends none. */
    record Req(String method, int token, String path, String contentType, String body) {

        static Req get(int token, String path) {
            return new Req("GET", token, path, null, null);
        }

        static Req post(int token, String path, String json) {
            return new Req("POST", token, path, null, json);
        }
    }

    /** One wrk run's figures; latencies in ms. */
    record Run(String endpoint, int concurrency, int seconds, long requests, double rps, double p50, double p95,
               double p99, double max, long non2xx, long socketErrors, String statuses, double serviceCores,
               double postgresCores, double machineCores, String loadAverage, Statements statements,
               Pgbench pgbench) {

        Run withPgbench(Pgbench beside) {
            return new Run(endpoint, concurrency, seconds, requests, rps, p50, p95, p99, max, non2xx, socketErrors,
                    statuses, serviceCores, postgresCores, machineCores, loadAverage, statements, beside);
        }
    }

    /**
     * What PostgreSQL ran for a measured run, from {@code pg_stat_statements} (reset just before it): statements
     * (BEGIN, COMMIT and SET included) and their execution time per request, and the statements that ran most often.
     */
    record Statements(double perRequest, double msPerRequest, List<String> top) {
    }

    record Pgbench(int clients, double tps, double latencyMs, String loadAverage) {
    }

    /** The generated users the tokens sign in as, and the rows the request lists point at. */
    static final class Fixture {
        final List<String> bearers = new ArrayList<>();
        final List<String> userIds = new ArrayList<>();
        final List<List<UUID>> applications = new ArrayList<>();
        final List<String> calendarPaths = new ArrayList<>();
        final List<String> searches = new ArrayList<>();
    }

    private final Options options;
    private final StringBuilder log = new StringBuilder();
    private TestStack stack;
    private PostgresServer pg;
    private String pgDatabase;
    private DataSource db;
    private long postmasterPid;
    private Service service;
    private final Fixture fixture = new Fixture();
    /** Every pgbench run, in the order run: each right after the service's run at the same connection count. */
    private final List<Pgbench> pgbenchRuns = new ArrayList<>();
    /** The catalog's own PostgreSQL when {@code catalog-data=} names one (the catalog benchmark's data). */
    private PostgresServer catalogPostgres;

    private LoadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        int exit = 1;
        LoadBenchmark bench = new LoadBenchmark(Options.parse(args));
        try {
            exit = bench.options.soak ? bench.soak() : bench.bench();
        } catch (Exception | Error e) {
            // exit either way: the test stack's threads would keep the JVM (and its servers) alive
            e.printStackTrace();
        } finally {
            if (bench.service != null) {
                bench.service.close();
            }
        }
        System.exit(exit);
    }

    // ------------------------------------------------------------------------------------------------ the bench

    private int bench() throws Exception {
        String loadBefore = loadAverage();
        setUp();
        startService(List.of());
        prepareUsers();
        Path mixed = write("jit-warmup", soakRequests(freshApplications(10)));
        warmUp(mixed);
        List<Run> runs = new ArrayList<>();
        int c = options.concurrency;
        Map<String, Path> lists = new LinkedHashMap<>();
        lists.put("get-one", write("get-one", getOne()));
        lists.put("list", write("list", listApplications()));
        lists.put("search", write("search", search()));
        lists.put("dashboard", write("dashboard", dashboards()));
        lists.put("create", write("create", creates()));
        for (Map.Entry<String, Path> list : lists.entrySet()) {
            if (options.wanted(list.getKey())) {
                runs.add(measure(list.getKey(), list.getValue(), list.getValue(), c));
            }
        }
        if (options.wanted("status")) {
            Path warm = write("status-warmup", statusMoves(freshApplications(Math.max(1, options.warmup) * 3)));
            Path measured = write("status", statusMoves(freshApplications(options.seconds * 3)));
            runs.add(measure("status", warm, measured, c));
        }
        if (options.wanted("auth")) {
            Path withToken = write("calendar-token", calendar(true));
            Path withoutToken = write("calendar-no-token", calendar(false));
            // without, with, without again: the JVM still gets faster with time, which must not favour either
            runs.add(measure("calendar-no-token", withoutToken, withoutToken, c));
            runs.add(measure("calendar-token", withToken, withToken, c));
            runs.add(measure("calendar-no-token (again)", withoutToken, withoutToken, c));
        }
        List<Run> sweep = new ArrayList<>();
        if (options.wanted("get-one")) {
            for (int sc : options.sweep) {
                Run existing = runs.stream().filter(r -> r.endpoint().equals("get-one") && r.concurrency() == sc)
                        .findFirst().orElse(null);
                sweep.add(existing != null ? existing : measure("get-one", lists.get("get-one"), lists.get("get-one"), sc));
            }
        }
        // the other endpoints at the sweep's connection counts too: where each peaks, and its p99 there
        for (String endpoint : options.sweepEndpoints) {
            for (int sc : options.sweep) {
                if (sc == c || !options.wanted(endpoint)) {
                    continue;
                }
                if (endpoint.equals("status")) {
                    Path warm = write("status-warmup-c" + sc, statusMoves(freshApplications(Math.max(1, options.warmup) * 3)));
                    Path measured = write("status-c" + sc, statusMoves(freshApplications(options.seconds * 3)));
                    runs.add(measure("status", warm, measured, sc));
                } else if (lists.containsKey(endpoint)) {
                    runs.add(measure(endpoint, lists.get(endpoint), lists.get(endpoint), sc));
                }
            }
        }
        Run limiterOff = null;
        if (options.limiterAb && options.wanted("get-one")) {
            service.close();
            startService(List.of("-Datspro.rate-limit.requests-per-minute=0"));
            warmUp(write("jit-warmup-2", soakRequests(freshApplications(10))));
            limiterOff = measure("get-one (rate limiter off)", lists.get("get-one"), lists.get("get-one"), c);
        }
        String loadAfter = loadAverage();
        String report = report(runs, sweep, limiterOff, pgbenchRuns, loadBefore, loadAfter);
        Path out = Path.of("target", "load-benchmark.md");
        Files.writeString(out, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Report: " + out.toAbsolutePath());
        long errors = runs.stream().filter(r -> !r.endpoint().startsWith("calendar")).mapToLong(r -> r.non2xx() + r.socketErrors()).sum();
        return errors == 0 ? 0 : 2;
    }

    private void setUp() throws Exception {
        Files.createDirectories(DIR);
        say("machine: %d cores, %s; load average before: %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), loadAverage());
        long started = System.nanoTime();
        // statements per request come from pg_stat_statements, which must be loaded when the server starts
        String serverSettings = PG_STAT_STATEMENTS;
        if (options.explainOverMs >= 0) {
            // plans of slow statements, for the profile of a run: target/load-bench/pg-log/postgresql.log
            serverSettings = serverSettings.replace("=pg_stat_statements;", "=pg_stat_statements,auto_explain;")
                    + ";auto_explain.log_min_duration=" + options.explainOverMs + ";auto_explain.log_analyze=on"
                    + ";auto_explain.log_buffers=on;logging_collector=on;log_filename=postgresql.log;log_directory="
                    + DIR.resolve("pg-log");
        }
        System.setProperty("atspro.stack.postgres-settings", serverSettings);
        stack = TestStack.get();
        String database = TestStack.DATABASE;
        PostgresServer postgres = stack.postgres();
        if (options.catalogData != null) {
            // the catalog benchmark's 1,000,000 postings, on their own server with that benchmark's settings; the
            // users and applications are loaded beside them (once: a second run finds them there)
            Map<String, String> settings = new LinkedHashMap<>(CatalogBenchmark.SETTINGS);
            settings.putAll(TestStack.postgresSettings());
            catalogPostgres = PostgresServer.start(options.catalogData.getParent().resolve("pg-work"),
                    options.catalogData, true, settings);
            Runtime.getRuntime().addShutdownHook(new Thread(catalogPostgres::close, "catalog-postgres-stop"));
            postgres = catalogPostgres;
            database = CatalogBenchmark.DATABASE;
        }
        pg = postgres;
        pgDatabase = database;
        db = postgres.dataSource(database);
        postmasterPid = postmasterPid();
        say("test stack up in %.1f s (PostgreSQL pid %d%s)", seconds(started), postmasterPid,
                options.catalogData == null ? "" : ", the catalog benchmark's data in " + options.catalogData);
        started = System.nanoTime();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        boolean loaded = false;
        if (options.catalogData == null || !applicationsLoaded()) {
            loadApplications();
            loaded = true;
        }
        if (options.catalogData == null) {
            loadPostings();
        } else {
            benchQueries(new PostingGenerator(42, 20_000, Instant.now()));
            say("%,d active postings in the catalog benchmark's database", activePostings());
            // a catalog that has been serving for a while is in memory: the table and its indexes in PostgreSQL's
            // buffers, the out-of-line text vectors in the OS page cache (a cold start reads them from disk)
            long warm = System.nanoTime();
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
                st.execute("SELECT pg_prewarm(reltoastrelid, 'read') FROM pg_class WHERE relname = 'job_postings'");
                st.execute("SELECT pg_prewarm(c.oid::regclass) FROM pg_class c WHERE c.relname = 'job_postings' "
                        + "OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'job_postings'::regclass)");
            }
            say("catalog prewarmed (pg_prewarm) in %.1f s", seconds(warm));
        }
        if (loaded) {
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
                st.execute("REFRESH MATERIALIZED VIEW user_application_stats");
            }
        }
        say("data loaded in %.1f s", seconds(started));
        postgres.createDatabase(PGBENCH_DATABASE);
        started = System.nanoTime();
        exec(List.of("pgbench", "-i", "-q", "-s", "10", "-h", FreePort.LOOPBACK, "-p",
                Integer.toString(postgres.port()), "-U", PostgresServer.USER, PGBENCH_DATABASE), 600);
        say("pgbench -i -s 10 in %.1f s", seconds(started));
    }

    /** Server settings of the benchmark's PostgreSQL: pg_stat_statements, counting BEGIN, COMMIT and SET too. */
    static final String PG_STAT_STATEMENTS = "shared_preload_libraries=pg_stat_statements;"
            + "pg_stat_statements.track_utility=on;pg_stat_statements.max=10000";

    private boolean applicationsLoaded() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM applications")) {
            rs.next();
            return rs.getLong(1) >= options.applications;
        }
    }

    private long activePostings() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM job_postings WHERE is_active AND is_primary")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ data

    private void loadApplications() throws Exception {
        long started = System.nanoTime();
        ApplicationGenerator generator = new ApplicationGenerator(9, Instant.now(), options.dataUsers,
                options.applications);
        int[] perUser = generator.applicationsPerUser();
        String[] tables = {"users", "resumes", "jobs", "applications", "history"};
        Path[] files = new Path[tables.length];
        Writer[] out = new Writer[tables.length];
        for (int i = 0; i < tables.length; i++) {
            files[i] = DIR.resolve(tables[i] + ".csv");
            out[i] = new BufferedWriter(Files.newBufferedWriter(files[i], StandardCharsets.UTF_8), 1 << 20);
        }
        long history = 0;
        for (int u = 0; u < options.dataUsers; u++) {
            history += generator.user(u, perUser[u], out[0], out[1], out[2], out[3], out[4]).history();
        }
        for (Writer w : out) {
            w.close();
        }
        try (Connection c = db.getConnection()) {
            copy(c, "\"user\" (" + ApplicationGenerator.USER_COLUMNS + ")", files[0]);
            copy(c, "resumes (" + ApplicationGenerator.RESUME_COLUMNS + ")", files[1]);
            copy(c, "jobs (" + ApplicationGenerator.JOB_COLUMNS + ")", files[2]);
            copy(c, "applications (" + ApplicationGenerator.APPLICATION_COLUMNS + ")", files[3]);
            copy(c, "application_status_history (" + ApplicationGenerator.HISTORY_COLUMNS + ")", files[4]);
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        say("%,d users, %,d applications, %,d status history rows generated and copied in %.1f s",
                options.dataUsers, options.applications, history, seconds(started));
    }

    private static void copy(Connection c, String target, Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", in);
        }
    }

    /** Through the service's own catalog writer, 5,000 postings of one platform per batch and transaction. */
    private void loadPostings() throws Exception {
        if (options.postings <= 0) {
            return;
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        PostingGenerator generator = new PostingGenerator(42, 5_000, now);
        try (Connection c = db.getConnection()) {
            generator.writeTo(c, options.postings, 5_000, "load-bench");
        }
        benchQueries(generator);
        say("%,d postings written through CatalogWriter in %.1f s", options.postings, seconds(started));
    }

    /** The search request paths: the generator's 200 benchmark queries, half of them with filters. */
    private void benchQueries(PostingGenerator generator) {
        for (BenchQuery q : generator.queries(200)) {
            StringBuilder query = new StringBuilder("/api/v1/postings?q=").append(encode(q.q()));
            if (q.location() != null) {
                query.append("&location=").append(encode(q.location()));
            }
            if (q.remote() != null) {
                query.append("&remote=").append(q.remote());
            }
            if (q.employmentType() != null) {
                query.append("&employment_type=").append(q.employmentType());
            }
            if (q.minSalary() != null) {
                query.append("&min_salary=").append(q.minSalary());
            }
            if (q.company() != null) {
                query.append("&company=").append(encode(q.company()));
            }
            fixture.searches.add(query.toString());
        }
    }

    /** Signs every bench user in once (the service links the token to the generated user) and notes their rows. */
    private void prepareUsers() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < options.users; i++) {
            String bearer = Tokens.user().subject("load-bench-" + i).email("bench" + i + "@bench.test")
                    .name("Bench User " + i).lifetimeSeconds(8 * 3600).bearer();
            fixture.bearers.add(bearer);
            JsonNode me = JSON.readTree(call("GET", "/api/v1/me", bearer, null, 200));
            String expected = ApplicationGenerator.userId(i);
            if (!expected.equals(me.path("id").asText())) {
                throw new IllegalStateException("Token " + i + " signed in as " + me.path("id") + ", not " + expected
                        + ": " + me);
            }
            fixture.userIds.add(expected);
            JsonNode feed = JSON.readTree(call("POST", "/api/v1/me/calendar-feed", bearer, null, 200));
            fixture.calendarPaths.add(URI.create(feed.path("url").asText()).getPath());
        }
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id FROM applications WHERE user_id = ? ORDER BY id LIMIT 50")) {
            for (String userId : fixture.userIds) {
                st.setString(1, userId);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                fixture.applications.add(ids);
            }
        }
        // the calendar route verifies a token when one is sent: a bad one is refused there
        int bad = status("GET", fixture.calendarPaths.get(0), "Bearer not.a.token");
        say("%d bench users signed in and their calendar feeds created in %.1f s; a bad token on the calendar route "
                + "answers %d", options.users, seconds(started), bad);
    }

    /** {@code perUser} new applications in the saved state for every bench user, with their history row. */
    private List<List<UUID>> freshApplications(int perUser) throws SQLException {
        Map<String, List<UUID>> byUser = new LinkedHashMap<>();
        fixture.userIds.forEach(u -> byUser.put(u, new ArrayList<>()));
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                WITH created AS (
                    INSERT INTO applications (user_id, company_name, job_title, status, created_at, updated_at)
                    SELECT u, 'Fresh Company ' || g, 'Software Engineer', 'saved', now(), now()
                    FROM unnest(?::text[]) u, generate_series(1, ?) g
                    RETURNING id, user_id, created_at)
                INSERT INTO application_status_history (application_id, user_id, to_status, changed_by, created_at)
                SELECT id, user_id, 'saved', 'user', created_at FROM created
                RETURNING application_id, user_id""")) {
            Array users = c.createArrayOf("text", fixture.userIds.toArray());
            st.setArray(1, users);
            st.setInt(2, perUser);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byUser.get(rs.getString(2)).add(rs.getObject(1, UUID.class));
                }
            }
        }
        return new ArrayList<>(byUser.values());
    }

    // ------------------------------------------------------------------------------------------------ request lists

    private List<Req> getOne() {
        List<Req> out = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            for (int u = 0; u < fixture.userIds.size(); u++) {
                List<UUID> ids = fixture.applications.get(u);
                out.add(Req.get(u + 1, "/api/v1/applications/" + ids.get(round % ids.size())));
            }
        }
        return out;
    }

    private List<Req> listApplications() {
        String[] queries = {"", "?status=applied", "?sort=updated_at", "?page=1", "?status=interviewing&status=offered"};
        List<Req> out = new ArrayList<>();
        for (String q : queries) {
            for (int u = 0; u < fixture.userIds.size(); u++) {
                out.add(Req.get(u + 1, "/api/v1/applications" + q));
            }
        }
        return out;
    }

    private List<Req> search() {
        List<Req> out = new ArrayList<>();
        for (int i = 0; i < fixture.searches.size(); i++) {
            out.add(Req.get(i % fixture.userIds.size() + 1, fixture.searches.get(i)));
        }
        return out;
    }

    private List<Req> dashboards() {
        List<Req> out = new ArrayList<>();
        for (int u = 0; u < fixture.userIds.size(); u++) {
            out.add(Req.get(u + 1, "/api/v1/analytics/pipeline"));
            out.add(Req.get(u + 1, "/api/v1/analytics/weekly"));
        }
        return out;
    }

    private List<Req> creates() {
        List<Req> out = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int u = 0; u < fixture.userIds.size(); u++) {
                out.add(Req.post(u + 1, "/api/v1/applications", "{\"company_name\":\"Load Company " + (round * 7 + u) % 500
                        + "\",\"job_title\":\"Backend Engineer\",\"status\":\"" + (round % 2 == 0 ? "saved" : "applied")
                        + "\",\"notes\":\"created by the load benchmark\"}"));
            }
        }
        return out;
    }

    /** Each application walks {@link #STATUS_CHAIN}: all take their first step before any takes its second. */
    private List<Req> statusMoves(List<List<UUID>> fresh) {
        List<Req> out = new ArrayList<>();
        int perUser = fresh.get(0).size();
        for (String status : STATUS_CHAIN) {
            for (int k = 0; k < perUser; k++) {
                for (int u = 0; u < fresh.size(); u++) {
                    out.add(Req.post(u + 1, "/api/v1/applications/" + fresh.get(u).get(k) + "/status",
                            "{\"status\":\"" + status + "\"}"));
                }
            }
        }
        return out;
    }

    private List<Req> calendar(boolean withToken) {
        List<Req> out = new ArrayList<>();
        for (int u = 0; u < fixture.userIds.size(); u++) {
            out.add(Req.get(withToken ? u + 1 : 0, fixture.calendarPaths.get(u)));
        }
        return out;
    }

    private Path write(String name, List<Req> requests) {
        Path file = DIR.resolve(name + ".requests");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String bearer : fixture.bearers) {
                out.write("T\t" + bearer + "\n");
            }
            for (Req r : requests) {
                out.write("R\t" + r.method() + "\t" + r.token() + "\t" + r.path() + "\t"
                        + (r.contentType() == null ? "" : r.contentType()) + "\t" + percent(r.body()) + "\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** Percent-encodes %, tab, CR, LF and every non-ASCII byte. */
    static String percent(String body) {
        if (body == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            if (v == '%' || v == '\t' || v == '\r' || v == '\n' || v >= 0x7f) {
                sb.append('%').append(String.format("%02X", v));
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ measuring

    /**
     * Mixed traffic over every endpoint before anything is measured: a fresh JVM is still compiling for minutes
     * (the first run measured without this did half the requests per second of the same run ten minutes later).
     */
    private void warmUp(Path mixed) throws Exception {
        if (options.jitWarmup > 0) {
            wrk("JIT warm-up (mixed)", mixed, options.concurrency, options.jitWarmup, false);
        }
    }

    private Run measure(String endpoint, Path warmup, Path measured, int concurrency) throws Exception {
        if (options.warmup > 0) {
            wrk(endpoint + " warm-up", warmup, concurrency, options.warmup, false);
        }
        boolean profile = options.profile.contains(endpoint.split(" ")[0]);
        if (profile) {
            jcmd("JFR.start", "name=load", "settings=profile",
                    "filename=" + DIR.resolve("profile-" + endpoint.split(" ")[0] + "-c" + concurrency + ".jfr"));
        }
        Run run = wrk(endpoint, measured, concurrency, options.seconds, true);
        if (endpoint.equals("get-one")) {
            // PostgreSQL's own rate at the same connection count, right after, on the same machine: the reference
            Pgbench beside = pgbench(concurrency, options.seconds);
            pgbenchRuns.add(beside);
            run = run.withPgbench(beside);
        }
        if (profile) {
            jcmd("JFR.stop", "name=load");
            Path jfr = DIR.resolve("profile-" + endpoint.split(" ")[0] + "-c" + concurrency + ".jfr");
            String summary = Profiles.summarize(jfr, 30);
            Files.writeString(DIR.resolve("profile-" + endpoint.split(" ")[0] + "-c" + concurrency + ".txt"), summary);
            say("%s", summary);
        }
        return run;
    }

    private static final Pattern LOADBENCH = Pattern.compile("LOADBENCH requests=(\\d+) duration_us=(\\d+) "
            + "non2xx=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+) p50=(\\d+) p95=(\\d+) p99=(\\d+) "
            + "max=(\\d+) mean=\\S+ statuses=(\\S*)");

    private Run wrk(String endpoint, Path requests, int concurrency, int seconds, boolean report) throws Exception {
        if (report) {
            resetStatements();
        }
        long[] cpu0 = cpuTicks();
        long t0 = System.nanoTime();
        String out = exec(List.of("wrk", "-t" + Math.min(2, concurrency), "-c" + concurrency, "-d" + seconds + "s", "--latency", "--timeout", "10s",
                "-s", SCRIPT.toString(), "http://" + FreePort.LOOPBACK + ":" + service.port, "--",
                requests.toString(), "2"), seconds + 120);
        double elapsed = seconds(t0);
        long[] cpu1 = cpuTicks();
        String load = loadAverage();
        out.lines().filter(l -> l.startsWith("LOADBENCH-FIRST-ERROR ")).forEach(l -> say("%s: first error answer %s",
                endpoint, l.substring(22)));
        Matcher m = LOADBENCH.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("No LOADBENCH line in wrk's output:\n" + out);
        }
        long n = Long.parseLong(m.group(1));
        double duration = Long.parseLong(m.group(2)) / 1e6;
        long socket = 0;
        for (int g = 4; g <= 7; g++) {
            socket += Long.parseLong(m.group(g));
        }
        double hz = 100.0 * elapsed;
        Run run = new Run(endpoint, concurrency, seconds, n, n / duration, Long.parseLong(m.group(8)) / 1e3,
                Long.parseLong(m.group(9)) / 1e3, Long.parseLong(m.group(10)) / 1e3, Long.parseLong(m.group(11)) / 1e3,
                Long.parseLong(m.group(3)), socket, m.group(12), (cpu1[0] - cpu0[0]) / hz, (cpu1[1] - cpu0[1]) / hz,
                (cpu1[2] - cpu0[2]) / hz, load, report ? statements(n) : null, null);
        say("%-28s c=%-3d %5d s %,9.0f req/s  p50 %6.1f  p95 %6.1f  p99 %6.1f ms  non-2xx %d%s  socket errors %d  "
                        + "CPU: service %.2f, PostgreSQL %.2f, machine %.2f cores; load %s",
                endpoint, concurrency, seconds, run.rps(), run.p50(), run.p95(), run.p99(), run.non2xx(),
                run.statuses().isEmpty() ? "" : " (" + run.statuses() + ")", run.socketErrors(), run.serviceCores(),
                run.postgresCores(), run.machineCores(), load);
        if (run.statements() != null) {
            say("%s: %.2f statements per request, %.3f ms of PostgreSQL execution per request; most run: %s", endpoint,
                    run.statements().perRequest(), run.statements().msPerRequest(), String.join("; ", run.statements().top()));
        }
        return run;
    }

    private void resetStatements() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The service's statements since {@link #resetStatements()}, per request of a run of {@code requests}. */
    private Statements statements(long requests) throws SQLException {
        if (requests == 0) {
            return new Statements(0, 0, List.of());
        }
        long total = 0;
        double ms = 0;
        // statements of one kind (a search's newest-postings window or index search, by tier) summed over their
        // filter combinations, which pg_stat_statements keeps apart
        Map<String, double[]> kinds = new LinkedHashMap<>();
        // the harness's own connections read this very view: only the service's database, not this query
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT s.calls, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g')
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = ? AND s.query NOT LIKE '%pg_stat_statements%'
                ORDER BY s.calls DESC""")) {
            st.setString(1, pgDatabase);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(1);
                    ms += rs.getDouble(2);
                    double[] sum = kinds.computeIfAbsent(kind(rs.getString(3)), k -> new double[2]);
                    sum[0] += rs.getLong(1);
                    sum[1] += rs.getDouble(2);
                }
            }
        }
        List<String> top = kinds.entrySet().stream().filter(e -> e.getValue()[0] * 50 >= requests)
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(8)
                .map(e -> String.format(Locale.ROOT, "%.2f× (%.3f ms each) `%s`", e.getValue()[0] / requests,
                        e.getValue()[1] / e.getValue()[0], e.getKey().replace('`', '\'')))
                .toList();
        return new Statements(total / (double) requests, ms / requests, top);
    }

    /** A statement's kind for the report: a catalog search's step by name, anything else by its start. */
    static String kind(String sql) {
        String tier = sql.contains("AND NOT p.headline @@") ? "description tier" : sql.contains("p.headline @@")
                ? "title/company tier" : "no text";
        if (sql.startsWith("WITH m AS MATERIALIZED (SELECT p.id, p.posted_at, CASE WHEN")) {
            return "search: index search, both tiers at once";
        }
        if (sql.startsWith("WITH m AS MATERIALIZED")) {
            return "search: index search, " + tier;
        }
        if (sql.startsWith("SELECT p.id, p.title") && sql.contains("ORDER BY p.posted_at DESC, p.id DESC LIMIT")
                && sql.contains(") p WHERE")) {
            return "search: newest-postings window, " + tier;
        }
        if (sql.startsWith("SELECT w.lexeme")) {
            return "search: typo fallback";
        }
        return sql.length() > 110 ? sql.substring(0, 110) + "…" : sql;
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private Pgbench pgbench(int clients, int seconds) throws Exception {
        String out = exec(List.of("pgbench", "-S", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2", "-T",
                Integer.toString(seconds), "-h", FreePort.LOOPBACK, "-p", Integer.toString(pg.port()),
                "-U", PostgresServer.USER, PGBENCH_DATABASE), seconds + 120);
        Matcher tps = TPS.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("Unexpected pgbench output:\n" + out);
        }
        Pgbench result = new Pgbench(clients, Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)),
                loadAverage());
        say("pgbench -S -M prepared -c %d -j 2 -T %d: %,.0f tps, latency average %.3f ms; load %s", clients, seconds,
                result.tps(), result.latencyMs(), result.loadAverage());
        return result;
    }

    /** CPU ticks (1/100 s) of the service, of PostgreSQL (postmaster and its backends) and of the whole machine. */
    private long[] cpuTicks() throws IOException {
        long serviceTicks = service == null ? 0 : ticks(service.pid());
        long pg = ticks(postmasterPid);
        for (ProcessHandle child : ProcessHandle.of(postmasterPid).map(p -> p.descendants().toList()).orElse(List.of())) {
            pg += ticks(child.pid());
        }
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(cpu[i]);
            }
        }
        return new long[] {serviceTicks, pg, busy};
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private long postmasterPid() throws SQLException, IOException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    private String report(List<Run> runs, List<Run> sweep, Run limiterOff, List<Pgbench> pgbench, String loadBefore,
                          String loadAfter) {
        StringBuilder md = new StringBuilder("# Load benchmark\n\n");
        md.append(String.format(Locale.ROOT, "%s, %s. Machine: %d cores (`nproc`), service JVM %s, `-Xms%s -Xmx%s`; "
                        + "wrk, PostgreSQL 17 (fsync off, the test stack's), Redis, s3proxy and the service share the cores. "
                        + "Load average (1, 5, 15 min) before: %s; after: %s.%n%n", DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC)),
                "`" + options.command + "`", Runtime.getRuntime().availableProcessors(), service.javaVersion,
                options.heap, options.heap, loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "Data: %,d users, %,d applications with their status histories "
                        + "(`ApplicationGenerator`), %,d postings (`PostingGenerator`, written by `CatalogWriter`); %d bench users "
                        + "(tokens rotate among them). After each start of the service, %d s of mixed traffic over every "
                        + "endpoint (JIT warm-up, not measured); then per endpoint %d s warm-up and %d s measured, "
                        + "`wrk -t2 -cC --latency` with `src/test/resources/bench/load.lua`.%n%n", options.dataUsers,
                options.applications, options.postings, options.users, options.jitWarmup, options.warmup, options.seconds));
        md.append("pgbench runs right after each measured run of GET one application, at its connection count, "
                + "on the same server (its `pgbench -i -s 10` database), so both see the same machine.\n\n");
        md.append("| pgbench -S -M prepared -j 2 | tps | latency avg ms | load avg at end |\n| --- | ---: | ---: | --- |\n");
        for (Pgbench p : pgbench) {
            md.append(String.format(Locale.ROOT, "| -c %d -T %d | %,.0f | %.3f | %s |%n", p.clients(), options.seconds,
                    p.tps(), p.latencyMs(), p.loadAverage()));
        }
        md.append("\n| endpoint | C | req/s | × pgbench -S | p50 ms | p95 ms | p99 ms | non-2xx | socket errors "
                + "| CPU cores: service / PostgreSQL / machine | statements / request | PostgreSQL ms / request "
                + "| load avg at end |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |\n");
        List<Run> all = new ArrayList<>(runs);
        sweep.stream().filter(r -> !runs.contains(r)).forEach(all::add);
        if (limiterOff != null) {
            all.add(limiterOff);
        }
        for (Run r : all) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %.1f | %.1f | %.1f | %d%s | %d | %.2f / %.2f / %.2f | %s | %s | %s |%n",
                    label(r.endpoint()), r.concurrency(), r.rps(), r.pgbench() == null ? ""
                            : String.format(Locale.ROOT, "%.3f", r.rps() / r.pgbench().tps()),
                    r.p50(), r.p95(), r.p99(), r.non2xx(), r.statuses().isEmpty() ? "" : " (" + r.statuses() + ")",
                    r.socketErrors(), r.serviceCores(), r.postgresCores(), r.machineCores(),
                    r.statements() == null ? "" : String.format(Locale.ROOT, "%.2f", r.statements().perRequest()),
                    r.statements() == null ? "" : String.format(Locale.ROOT, "%.3f", r.statements().msPerRequest()),
                    r.loadAverage()));
        }
        md.append('\n');
        md.append("The statements PostgreSQL ran most per request in each measured run (`pg_stat_statements`, reset "
                + "before the run; BEGIN, COMMIT and SET count as statements):\n\n");
        for (Run r : all) {
            if (r.statements() != null) {
                md.append(String.format(Locale.ROOT, "- %s, C = %d: %.2f per request; %s%n", label(r.endpoint()),
                        r.concurrency(), r.statements().perRequest(), String.join("; ", r.statements().top())));
            }
        }
        md.append('\n');
        if (!sweep.isEmpty()) {
            Run peak = sweep.stream().max((a, b) -> Double.compare(a.rps(), b.rps())).orElseThrow();
            md.append(String.format(Locale.ROOT, "GET one application peaks at C = %d: %,.0f req/s = **%.3f × pgbench -S** "
                            + "at that C (target ≥ 0.25), p99 **%.1f ms** (target ≤ 50 ms).%n%n", peak.concurrency(), peak.rps(),
                    peak.rps() / peak.pgbench().tps(), peak.p99()));
            sweep.stream().filter(r -> r.p99() <= 50).max((a, b) -> Double.compare(a.rps(), b.rps())).ifPresent(r ->
                    md.append(String.format(Locale.ROOT, "The most it does with p99 ≤ 50 ms: C = %d, %,.0f req/s = %.3f × "
                                    + "pgbench -S at that C, p99 %.1f ms.%n%n", r.concurrency(), r.rps(),
                            r.rps() / r.pgbench().tps(), r.p99())));
        }
        if (!options.sweepEndpoints.isEmpty()) {
            md.append("Each endpoint at its peak (the connection count with the most req/s) and the most it does with p99 ≤ "
                    + "50 ms:\n\n| endpoint | peak C | req/s | p99 ms | best C with p99 ≤ 50 ms | req/s | p99 ms |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            Map<String, List<Run>> byEndpoint = new LinkedHashMap<>();
            all.stream().filter(r -> !r.endpoint().contains("(")).forEach(r ->
                    byEndpoint.computeIfAbsent(r.endpoint(), k -> new ArrayList<>()).add(r));
            byEndpoint.forEach((endpoint, measured) -> {
                Run peak = measured.stream().max((a, b) -> Double.compare(a.rps(), b.rps())).orElseThrow();
                Run within = measured.stream().filter(r -> r.p99() <= 50).max((a, b) -> Double.compare(a.rps(), b.rps()))
                        .orElse(null);
                md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %s | %s | %s |%n", label(endpoint),
                        peak.concurrency(), peak.rps(), peak.p99(), within == null ? "none" : String.valueOf(within.concurrency()),
                        within == null ? "" : String.format(Locale.ROOT, "%,.0f", within.rps()),
                        within == null ? "" : String.format(Locale.ROOT, "%.1f", within.p99())));
            });
            md.append('\n');
        }
        Run with = runs.stream().filter(r -> r.endpoint().equals("calendar-token")).findFirst().orElse(null);
        List<Run> withouts = runs.stream().filter(r -> r.endpoint().startsWith("calendar-no-token")).toList();
        Run getOne = runs.stream().filter(r -> r.endpoint().equals("get-one")).findFirst().orElse(null);
        if (with != null && !withouts.isEmpty()) {
            double withoutRps = withouts.stream().mapToDouble(Run::rps).average().orElseThrow();
            double withoutServiceMs = withouts.stream().mapToDouble(r -> r.serviceCores() * 1000 / r.rps()).average()
                    .orElseThrow();
            double costMs = 1000.0 / with.rps() - 1000.0 / withoutRps;
            md.append(String.format(Locale.ROOT, "Authentication, on the calendar feed route (the same request with and "
                            + "without a bearer token; without = the mean of the runs before and after): %,.0f vs %,.0f req/s = "
                            + "%.3f; the token costs %.3f ms of the (saturated) machine's time per request at C = %d; the "
                            + "service's own CPU per request is %.3f ms with the token, %.3f ms without.", with.rps(), withoutRps,
                    with.rps() / withoutRps, costMs, with.concurrency(), with.serviceCores() * 1000 / with.rps(),
                    withoutServiceMs));
            if (costMs <= 0) {
                md.append(" The token costs nothing measurable here (the difference is within the runs' spread).");
            } else if (getOne != null) {
                double offRps = 1000.0 / (1000.0 / getOne.rps() - costMs);
                md.append(String.format(Locale.ROOT, " GET one application without that cost would do %,.0f req/s: "
                        + "auth on / auth off = **%.3f** (target ≥ 0.85).", offRps, getOne.rps() / offRps));
            }
            md.append("\n\n");
        }
        if (limiterOff != null && getOne != null) {
            md.append(String.format(Locale.ROOT, "Rate limiter off (a restart), GET one application: "
                    + "%,.0f vs %,.0f req/s with it on (%.3f).%n%n", limiterOff.rps(), getOne.rps(), getOne.rps() / limiterOff.rps()));
        }
        md.append("Log of the run:\n\n```\n").append(log).append("```\n");
        return md.toString();
    }

    private static String label(String endpoint) {
        return switch (endpoint) {
            case "get-one" -> "GET /api/v1/applications/{id}";
            case "list" -> "GET /api/v1/applications (page of 20, 5 filter/sort variants)";
            case "search" -> "GET /api/v1/postings?q=… (200 generated queries, half with filters)";
            case "dashboard" -> "GET /api/v1/analytics/pipeline and /weekly";
            case "create" -> "POST /api/v1/applications";
            case "status" -> "POST /api/v1/applications/{id}/status (legal moves)";
            case "calendar-token" -> "GET /api/v1/calendar/{feed}.ics with a bearer token";
            case "calendar-no-token" -> "GET /api/v1/calendar/{feed}.ics without a token";
            case "calendar-no-token (again)" -> "GET /api/v1/calendar/{feed}.ics without a token (again)";
            default -> endpoint.replace("get-one", "GET /api/v1/applications/{id}");
        };
    }

    // ------------------------------------------------------------------------------------------------ the soak

    private int soak() throws Exception {
        String loadBefore = loadAverage();
        setUp();
        startService(List.of());
        prepareUsers();
        // the warm-up moves applications of its own: the measured run's start in the saved state
        Path warmup = write("soak-warmup", soakRequests(freshApplications(10)));
        // enough applications that each is moved once in the run (~15 rounds a minute per user at ~450 req/s); on a
        // faster run the list starts over and its moves are skipped (load.lua)
        List<List<UUID>> moved = freshApplications(Math.max(10, options.minutes * 15));
        Path requests = write("soak", soakRequests(moved));
        say("soak: %d min at c=%d after a %d s warm-up", options.minutes, options.soakConcurrency, 60);
        wrk("soak warm-up", warmup, options.soakConcurrency, 60, false);
        long heapStart = heapAfterFullGc();
        List<String> samples = new ArrayList<>();
        List<long[]> series = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(30_000);
                for (int minute = 0; minute < options.minutes; minute++) {
                    long[] s = {service.threads(), service.establishedSockets(), service.rssKb() / 1024, heapUsedMb()};
                    series.add(s);
                    String line = String.format(Locale.ROOT, "| %d.5 | %d | %d | %d | %d | %s |", minute, s[0], s[1],
                            s[2], s[3], loadAverage());
                    samples.add(line);
                    say("soak minute %d.5: threads %d, established sockets %d, RSS %d MB, heap used %d MB", minute,
                            s[0], s[1], s[2], s[3]);
                    Thread.sleep(60_000);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                say("sampler failed: %s", e);
            }
        }, "soak-sampler");
        sampler.start();
        Run run = wrk("soak", requests, options.soakConcurrency, options.minutes * 60, true);
        sampler.interrupt();
        sampler.join();
        long heapEnd = heapAfterFullGc();
        String loadAfter = loadAverage();
        long[] moves = moveOutcome(moved);
        boolean movesConsistent = moves[2] == 0 && moves[0] == moves[3];

        double growth = (heapEnd - heapStart) * 100.0 / heapStart;
        int half = series.size() / 2;
        long threadsFirst = series.subList(0, Math.max(1, half)).stream().mapToLong(s -> s[0]).max().orElse(0);
        long threadsLast = series.subList(half, series.size()).stream().mapToLong(s -> s[0]).max().orElse(0);
        long socketsFirst = series.subList(0, Math.max(1, half)).stream().mapToLong(s -> s[1]).max().orElse(0);
        long socketsLast = series.subList(half, series.size()).stream().mapToLong(s -> s[1]).max().orElse(0);
        long errors = run.non2xx() + run.socketErrors();
        // the worker pool and the connection pools breathe by a few: growth is more than that, half against half
        boolean threadsGrew = threadsLast > threadsFirst + 2;
        boolean socketsGrew = socketsLast > socketsFirst + 2;
        boolean pass = errors == 0 && growth <= 10 && !threadsGrew && !socketsGrew && movesConsistent;

        StringBuilder md = new StringBuilder("# Soak\n\n");
        md.append(String.format(Locale.ROOT, "%s, `%s`. Machine: %d cores, service JVM %s, `-Xms%s -Xmx%s`. Load "
                        + "average before: %s; after: %s.%n%n", DateTimeFormatter.ISO_INSTANT.format(Instant.now()),
                options.command, Runtime.getRuntime().availableProcessors(), service.javaVersion, options.heap, options.heap,
                loadBefore, loadAfter));
        md.append(String.format(Locale.ROOT, "Mixed traffic for %d min at %d connections (after a 60 s warm-up): per "
                        + "user and round 4 × GET one application, 2 × list, 2 × search, 1 × dashboard, 1 × create, 1 × "
                        + "status move (saved → applied, each application once), and every fifth round a multipart upload of a small text resume "
                        + "(POST /api/v1/documents).%n%n", options.minutes, options.soakConcurrency));
        md.append(String.format(Locale.ROOT, "| requests | req/s | p50 ms | p95 ms | p99 ms | max ms | error answers (non-2xx) "
                        + "| socket errors |%n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n| %,d | %,.0f | %.1f | %.1f | "
                        + "%.1f | %.1f | %d%s | %d |%n%n", run.requests(), run.rps(), run.p50(), run.p95(), run.p99(), run.max(),
                run.non2xx(), run.statuses().isEmpty() ? "" : " (" + run.statuses() + ")", run.socketErrors()));
        md.append(String.format(Locale.ROOT, "Status moves, read back from PostgreSQL after the run: %,d applications "
                        + "applied, %,d not reached, %,d in any other status, %,d `applied` history rows: %s.%n%n",
                moves[0], moves[1], moves[2], moves[3], movesConsistent ? "every acknowledged move is there, once"
                        : "**inconsistent**"));
        md.append(String.format(Locale.ROOT, "Heap after a full GC (`jcmd GC.run`, then `GC.heap_info`): %d KB at the "
                + "start, %d KB at the end: %+.1f %% (limit +10 %%).%n%n", heapStart, heapEnd, growth));
        md.append("| minute | threads | established TCP sockets | RSS MB | heap used MB (no GC) | load avg |\n"
                + "| ---: | ---: | ---: | ---: | ---: | --- |\n");
        samples.forEach(s -> md.append(s).append('\n'));
        md.append(String.format(Locale.ROOT, "%nThreads: max %d in the first half, %d in the second; sockets: %d, %d "
                        + "(growth: more than 2 above the first half's maximum).%n%n"
                        + "**%s**: error answers %d, heap growth %+.1f %%, threads %s, connections %s, moves %s.%n%n",
                threadsFirst, threadsLast, socketsFirst, socketsLast, pass ? "PASS" : "FAIL", errors, growth,
                threadsGrew ? "grew" : "no growth", socketsGrew ? "grew" : "no growth",
                movesConsistent ? "consistent" : "inconsistent"));
        md.append("Log of the run:\n\n```\n").append(log).append("```\n");
        Path out = Path.of("target", "soak.md");
        Files.writeString(out, md.toString());
        System.out.println();
        System.out.println(md);
        System.out.println("Report: " + out.toAbsolutePath());
        return pass ? 0 : 2;
    }

    /** Of the soak's moved applications: applied, still saved, anything else, and their {@code applied} history rows. */
    private long[] moveOutcome(List<List<UUID>> moved) throws SQLException {
        UUID[] ids = moved.stream().flatMap(List::stream).toArray(UUID[]::new);
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE a.status = 'applied'),
                       count(*) FILTER (WHERE a.status = 'saved'),
                       count(*) FILTER (WHERE a.status NOT IN ('saved', 'applied')),
                       (SELECT count(*) FROM application_status_history h
                        WHERE h.application_id = ANY(?) AND h.to_status = 'applied')
                FROM applications a WHERE a.id = ANY(?)""")) {
            Array array = c.createArrayOf("uuid", ids);
            st.setArray(1, array);
            st.setArray(2, array);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
    }

    private List<Req> soakRequests(List<List<UUID>> fresh) {
        List<Req> out = new ArrayList<>();
        int perUser = fresh.get(0).size();
        int users = fixture.userIds.size();
        int searchIndex = 0;
        String boundary = "LoadBenchBoundary7MA4YWxkTrZu0gW";
        for (String status : new String[] {"applied"}) {
            for (int k = 0; k < perUser; k++) {
                for (int u = 0; u < users; u++) {
                    int token = u + 1;
                    List<UUID> ids = fixture.applications.get(u);
                    // Every block has an even length, so every status move sits at an even index and one wrk
                    // thread sends them all, in list order: two threads drifting apart over the repetitions could
                    // send "saved" before the other sent the "pending" it undoes (a correct 409, not an error).
                    int blockStart = out.size();
                    out.add(Req.post(token, "/api/v1/applications/" + fresh.get(u).get(k) + "/status",
                            "{\"status\":\"" + status + "\"}"));
                    for (int i = 0; i < 4; i++) {
                        out.add(Req.get(token, "/api/v1/applications/" + ids.get((k * 4 + i) % ids.size())));
                    }
                    out.add(Req.get(token, "/api/v1/applications"));
                    out.add(Req.get(token, "/api/v1/applications?status=applied&page=" + (k % 3)));
                    for (int i = 0; i < 2; i++) {
                        out.add(Req.get(token, fixture.searches.get(searchIndex++ % fixture.searches.size())));
                    }
                    out.add(Req.get(token, k % 2 == 0 ? "/api/v1/analytics/pipeline" : "/api/v1/analytics/weekly"));
                    out.add(Req.post(token, "/api/v1/applications", "{\"company_name\":\"Soak Company " + (k * 13 + u) % 300
                            + "\",\"job_title\":\"Data Engineer\"}"));
                    if ((k + u) % 5 == 0) {
                        String resume = "Bench User " + u + "\nbench" + u + "@bench.test\n\nSUMMARY\nBackend engineer, "
                                + (3 + k % 10) + " years of Java, PostgreSQL and Kubernetes.\n\nEXPERIENCE\nSoftware "
                                + "Engineer, Company " + k + " (2019-2024)\n- Built REST services in Java 17 and Quarkus\n";
                        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nresume\r\n"
                                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"resume-" + u
                                + "-" + k + ".txt\"\r\nContent-Type: text/plain\r\n\r\n" + resume + "\r\n--" + boundary + "--\r\n";
                        out.add(new Req("POST", token, "/api/v1/documents", "multipart/form-data; boundary=" + boundary, body));
                    }
                    if ((out.size() - blockStart) % 2 != 0) {
                        out.add(Req.get(token, "/api/v1/applications/" + ids.get(k % ids.size())));
                    }
                }
            }
        }
        return out;
    }

    private long heapAfterFullGc() throws Exception {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info:\n" + info);
        }
        long used = Long.parseLong(m.group(1));
        say("heap after full GC: %d KB", used);
        return used;
    }

    private long heapUsedMb() throws Exception {
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    // ------------------------------------------------------------------------------------------------ the service

    private void startService(List<String> extra) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xms" + this.options.heap, "-Xmx" + this.options.heap));
        if (!this.options.embeddings) {
            // the catalog was loaded beside the service, so its embedding sweep would spend the run embedding all of
            // it (50,000 postings at ~15 a second: most of an hour, in native threads the profiles do not see);
            // in steady state only new postings are embedded. Keyword search does not need the model.
            options.add("-Datspro.embedding.enabled=false");
        }
        if (extra.stream().noneMatch(o -> o.startsWith("-Datspro.rate-limit.requests-per-minute="))) {
            options.add("-Datspro.rate-limit.requests-per-minute=1000000000");
        }
        options.addAll(extra);
        long started = System.nanoTime();
        Map<String, String> config = new LinkedHashMap<>(stack.config());
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(pgDatabase));
        service = Service.start(this.options.jdk, options, config, FreePort.find());
        String probe = Tokens.user().subject("load-bench-probe").email("load-bench-probe@bench.test").bearer();
        service.awaitOk(probe, Duration.ofSeconds(180));
        say("service (pid %d, %s) answered in %.1f s: %s", service.pid(), service.javaVersion, seconds(started),
                String.join(" ", options));
    }

    private String call(String method, String path, String bearer, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + FreePort.LOOPBACK + ":" + service.port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private int status(String method, String path, String bearer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + FreePort.LOOPBACK + ":" + service.port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).method(method,
                        HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String jcmd(String... command) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(Path.of(service.javaHome, "bin", "jcmd").toString());
        args.add(Long.toString(service.pid()));
        args.addAll(Arrays.asList(command));
        return exec(args, 120);
    }

    /** The packaged service as a child process (as {@code StartupBenchmark} starts it). */
    static final class Service implements AutoCloseable {
        final Process process;
        final int port;
        final String javaHome;
        final String javaVersion;
        final Path log;

        private Service(Process process, int port, String javaHome, String javaVersion, Path log) {
            this.process = process;
            this.port = port;
            this.javaHome = javaHome;
            this.javaVersion = javaVersion;
            this.log = log;
        }

        static Service start(String javaHome, List<String> options, Map<String, String> config, int port) throws Exception {
            Path log = DIR.resolve("service-" + port + ".log");
            String version = exec(List.of(Path.of(javaHome, "bin", "java").toString(), "-version"), 60).lines()
                    .findFirst().orElse("?").replace("\"", "");
            return new Service(PackagedService.launch(javaHome, options, config, port, log), port, javaHome, version, log);
        }

        long pid() {
            return process.pid();
        }

        void awaitOk(String bearer, Duration timeout) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + FreePort.LOOPBACK + ":" + port + "/api/v1/me"))
                    .header("Authorization", bearer).timeout(Duration.ofSeconds(30)).GET().build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The service exited; see " + log);
                }
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    if (response.statusCode() != 503) {
                        throw new IllegalStateException("GET /api/v1/me answered " + response.statusCode() + ": "
                                + response.body());
                    }
                } catch (IOException notYetListening) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("No authenticated 200 within " + timeout + "; see " + log);
        }

        long threads() throws IOException {
            return PackagedService.statusField(pid(), "Threads:");
        }

        long rssKb() throws IOException {
            return PackagedService.statusField(pid(), "VmRSS:");
        }

        /** ESTABLISHED TCP sockets among the process's file descriptors (/proc/PID/fd against /proc/net/tcp). */
        long establishedSockets() throws IOException {
            Set<String> inodes = new java.util.HashSet<>();
            try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closed) {
                        // closed meanwhile
                    }
                }
            }
            long established = 0;
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[3].equals("01") && inodes.contains(f[9])) {
                        established++;
                    }
                }
            }
            return established;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                ChildProcesses.stop(process, Duration.ofSeconds(5));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String exec(List<String> command, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        Process p = builder.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            ChildProcesses.stop(p, Duration.ofSeconds(5));
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    static String loadAverage() {
        return PackagedService.loadAverage();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private synchronized void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, "%tT ", System.currentTimeMillis()) + String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }
}
