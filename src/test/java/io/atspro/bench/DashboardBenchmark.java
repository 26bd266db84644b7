package io.atspro.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.atspro.analytics.BenchDashboards;
import io.atspro.analytics.DashboardQueries;
import io.atspro.analytics.DashboardService;
import io.atspro.shared.RedisGuard;
import io.atspro.testing.BetterAuthFixture;
import io.atspro.testing.PostgresServer;
import io.atspro.testing.RedisProcess;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.io.BufferedWriter;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The #6 dashboard benchmark: 10,000 users with 500,000 applications and their status histories (see
 * {@link ApplicationGenerator}) loaded with COPY into a real PostgreSQL 17 migrated by Flyway, then every dashboard
 * timed for 2,000 random users and for the 100 heaviest users:
 * <ul>
 * <li>uncached: {@link DashboardQueries} (the service's SQL) on one open connection, as a pooled connection is;</li>
 * <li>cached: {@link DashboardService} (the service's class, its Redis cache code) answering from a real
 * redis-server on loopback: HGET + JSON read.</li>
 * </ul>
 * Run: {@code ./mvnw -o -Panalytics-bench} (data kept in target/analytics-bench; {@code -Danalytics-bench.args=reload}
 * generates it again).
 */
public final class DashboardBenchmark {

    static final int USERS = 10_000;
    static final int APPLICATIONS = 500_000;
    static final int SAMPLE = 2_000;
    static final int HEAVIEST = 100;
    static final String DATABASE = "atspro_bench";

    interface Dashboard {
        Object run(Connection c, String userId) throws SQLException;
    }

    interface Cached {
        Object run(String userId);
    }

    public static void main(String[] args) throws Exception {
        boolean reload = Arrays.asList(args).contains("reload");
        Path dir = Path.of("target/analytics-bench");
        Files.createDirectories(dir);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        System.out.printf("Machine: %d cores, JVM max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (PostgresServer pg = PostgresServer.start(Path.of("target/stack/pg-work"), dir.resolve("pg-data"), true);
             RedisProcess redisServer = RedisProcess.start()) {
            pg.createDatabase(DATABASE);
            DataSource ds = pg.dataSource(DATABASE);
            boolean loaded;
            try (Connection c = ds.getConnection()) {
                loaded = loaded(c);
            }
            if (reload || !loaded) {
                load(pg, ds, dir);
            } else {
                System.out.println("Reusing the loaded data (-Danalytics-bench.args=reload to generate again)");
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
                print(c, "SELECT count(*) FROM \"user\" WHERE id LIKE 'bench_user_%'", "users");
                print(c, "SELECT count(*) FROM applications", "applications");
                print(c, "SELECT count(*) FROM application_status_history", "status history rows");
                print(c, "SELECT percentile_cont(array[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY n)::text || ' max ' || max(n) "
                        + "FROM (SELECT count(*) AS n FROM applications GROUP BY user_id) x", "applications per user p50/p95/p99");
                List<String> sample = sample(c);
                List<String> heaviest = heaviest(c);
                DashboardQueries q = new DashboardQueries();
                Map<String, Dashboard> dashboards = new LinkedHashMap<>();
                dashboards.put("pipeline", q::pipeline);
                dashboards.put("weekly (12 weeks)", (conn, u) -> q.weekly(conn, u, 12, today));
                dashboards.put("response-rate", (conn, u) -> q.responseRate(conn, u, null));
                dashboards.put("by-source", q::bySource);
                dashboards.put("by-company (20)", (conn, u) -> q.byCompany(conn, u, 20));
                dashboards.put("resume-versions", q::resumeVersions);

                System.out.println();
                System.out.println("Uncached: the service's SQL (DashboardQueries) on one open connection, in ms");
                header();
                for (Map.Entry<String, Dashboard> d : dashboards.entrySet()) {
                    for (String u : sample.subList(0, 300)) {
                        d.getValue().run(c, u); // warm-up
                    }
                    report(d.getKey(), time(sample, u -> d.getValue().run(c, u)));
                    report("  100 heaviest users", time(heaviest, u -> d.getValue().run(c, u)));
                }

                Vertx vertx = Vertx.vertx();
                Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisServer.url())
                        .setMaxPoolSize(8));
                BlockingRedisDataSourceImpl redis = new BlockingRedisDataSourceImpl(vertx, client, RedisAPI.api(client),
                        Duration.ofSeconds(5));
                Constructor<RedisGuard> guardOf = RedisGuard.class.getDeclaredConstructor(Duration.class);
                guardOf.setAccessible(true);
                DashboardService service = BenchDashboards.service(ds, redis, guardOf.newInstance(Duration.ofSeconds(2)),
                        quarkusLikeJson(), Duration.ofMinutes(30));
                Map<String, Cached> cached = new LinkedHashMap<>();
                cached.put("pipeline", service::pipeline);
                cached.put("weekly (12 weeks)", u -> service.weekly(u, 12));
                cached.put("response-rate", u -> service.responseRate(u, null));
                cached.put("by-source", service::bySource);
                cached.put("by-company (20)", u -> service.byCompany(u, 20));
                cached.put("resume-versions", service::resumeVersions);
                System.out.println();
                System.out.println("Cached: DashboardService answering from redis-server on 127.0.0.1 (HGET + JSON read), in ms");
                header();
                for (Map.Entry<String, Cached> d : cached.entrySet()) {
                    for (String u : sample) {
                        d.getValue().run(u); // fills the cache
                    }
                    for (String u : heaviest) {
                        d.getValue().run(u);
                    }
                    report(d.getKey(), time(sample, u -> d.getValue().run(u)));
                    report("  100 heaviest users", time(heaviest, u -> d.getValue().run(u)));
                }
                client.close();
                vertx.closeAndAwait();
            }
        }
    }

    private static ObjectMapper quarkusLikeJson() {
        return new ObjectMapper().findAndRegisterModules()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static boolean loaded(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('applications') IS NOT NULL "
                     + "AND (SELECT count(*) FROM applications) = " + APPLICATIONS)) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void load(PostgresServer pg, DataSource ds, Path dir) throws Exception {
        long started = System.nanoTime();
        try (Connection c = pg.dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE);
        }
        BetterAuthFixture.createIn(ds);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        ApplicationGenerator generator = new ApplicationGenerator(6, Instant.now(), USERS, APPLICATIONS);
        int[] perUser = generator.applicationsPerUser();
        String[] tables = {"users", "resumes", "jobs", "applications", "history"};
        Writer[] out = new Writer[tables.length];
        for (int i = 0; i < tables.length; i++) {
            out[i] = new BufferedWriter(Files.newBufferedWriter(dir.resolve(tables[i] + ".csv"), StandardCharsets.UTF_8), 1 << 20);
        }
        long history = 0;
        long jobs = 0;
        for (int u = 0; u < USERS; u++) {
            ApplicationGenerator.Counts n = generator.user(u, perUser[u], out[0], out[1], out[2], out[3], out[4]);
            history += n.history();
            jobs += n.jobs();
        }
        for (Writer w : out) {
            w.close();
        }
        System.out.printf("Generated %d users, %d applications, %d jobs, %d history rows in %.1f s%n", USERS,
                APPLICATIONS, jobs, history, (System.nanoTime() - started) / 1e9);
        long copyStarted = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            copy(c, "\"user\" (" + ApplicationGenerator.USER_COLUMNS + ")", dir.resolve("users.csv"));
            copy(c, "resumes (" + ApplicationGenerator.RESUME_COLUMNS + ")", dir.resolve("resumes.csv"));
            copy(c, "jobs (" + ApplicationGenerator.JOB_COLUMNS + ")", dir.resolve("jobs.csv"));
            copy(c, "applications (" + ApplicationGenerator.APPLICATION_COLUMNS + ")", dir.resolve("applications.csv"));
            copy(c, "application_status_history (" + ApplicationGenerator.HISTORY_COLUMNS + ")", dir.resolve("history.csv"));
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
                st.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY user_application_stats");
            }
        }
        System.out.printf("COPY of everything (indexes in place) + VACUUM ANALYZE in %.1f s%n",
                (System.nanoTime() - copyStarted) / 1e9);
        for (String t : tables) {
            Files.deleteIfExists(dir.resolve(t + ".csv"));
        }
    }

    private static void copy(Connection c, String target, Path file) throws Exception {
        long started = System.nanoTime();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", in);
            System.out.printf("  COPY %-30s %,10d rows in %.1f s%n", target.substring(0, target.indexOf(' ')), rows,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static List<String> sample(Connection c) throws SQLException {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            all.add(ApplicationGenerator.userId(i));
        }
        Collections.shuffle(all, new Random(42));
        return all.subList(0, SAMPLE);
    }

    private static List<String> heaviest(Connection c) throws SQLException {
        List<String> users = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT user_id FROM applications GROUP BY user_id ORDER BY count(*) DESC LIMIT " + HEAVIEST)) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        return users;
    }

    interface Timed {
        Object run(String userId) throws Exception;
    }

    private static long[] time(List<String> users, Timed action) throws Exception {
        long[] nanos = new long[users.size()];
        for (int i = 0; i < users.size(); i++) {
            long t0 = System.nanoTime();
            Object result = action.run(users.get(i));
            nanos[i] = System.nanoTime() - t0;
            if (result == null) {
                throw new IllegalStateException("no answer");
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void header() {
        System.out.printf("  %-22s %6s %7s %7s %7s %7s%n", "dashboard", "n", "p50", "p95", "p99", "max");
    }

    private static void report(String name, long[] sorted) {
        System.out.printf("  %-22s %6d %7.2f %7.2f %7.2f %7.2f%n", name, sorted.length, pct(sorted, 0.50),
                pct(sorted, 0.95), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void print(Connection c, String sql, String label) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            System.out.printf("%-36s %s%n", label + ":", rs.getString(1));
        }
    }
}
