package io.atspro.testing;

import io.atspro.testing.devstack.ChildProcess;
import io.atspro.testing.devstack.HttpProbe;
import io.atspro.testing.devstack.ShutdownSequence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;
import redis.embedded.RedisServer;

/**
 * The local development run, {@code ./mvnw -Pdev-stack}: PostgreSQL, Redis, s3proxy, Keycloak and a local job-board
 * server ({@link LocalBoards}) on free 127.0.0.1 ports, then the packaged application wired to them, with the local
 * boards registered as scrape sources so that the catalog fills without the internet. PostgreSQL and S3 data are
 * kept in {@code .devstack/} at the project root. Ctrl-C stops everything, the application first.
 */
public final class DevStack {

    public static final String DATABASE = "atspro";
    public static final String S3_ACCESS_KEY = "atspro-dev";
    public static final String S3_SECRET_KEY = "atspro-dev-secret";

    private static final Duration APP_READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration S3_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** How long the first scrape runs of the local boards are waited for before the summary. */
    private static final Duration CATALOG_TIMEOUT = Duration.ofSeconds(90);

    private final Path projectDir;
    private final Path stackDir;
    private final Path dataDir;
    private final List<String[]> summary = new ArrayList<>();

    private DevStack(Path projectDir, Path stackDir) {
        this.projectDir = projectDir;
        this.stackDir = stackDir;
        this.dataDir = projectDir.resolve(".devstack");
    }

    public static void main(String[] args) throws InterruptedException {
        Path projectDir = Path.of(System.getProperty("atspro.project.dir", "")).toAbsolutePath();
        Path stackDir = Path.of(System.getProperty("atspro.stack.dir", projectDir.resolve("target/stack").toString()))
                .toAbsolutePath();
        int appPort = Integer.getInteger("atspro.dev.port", 8080);
        ChildProcess app;
        // closed last, after everything registered later
        ShutdownSequence.add("dev stack", () -> System.out.println("[dev-stack] stopped"));
        ShutdownSequence.startupBegins();
        try {
            app = new DevStack(projectDir, stackDir).start(appPort);
        } catch (RuntimeException | Error e) {
            // an Error too: exec:java waits for the children's threads, so nothing else would stop them
            ShutdownSequence.closeAll();
            if (ShutdownSequence.isJvmExiting()) {
                return;
            }
            throw e;
        } finally {
            ShutdownSequence.startupEnded();
        }
        int exitCode = app.waitFor();
        ShutdownSequence.closeAll();
        // Ctrl-C in a terminal reaches the application too (130 = SIGINT, 143 = SIGTERM)
        boolean stoppedForUs = ShutdownSequence.isJvmExiting() || exitCode == 130 || exitCode == 143;
        if (!stoppedForUs) {
            throw new IllegalStateException("The application exited with code " + exitCode);
        }
    }

    private ChildProcess start(int appPort) {
        if (!FreePort.isFree(appPort)) {
            throw new IllegalStateException("Port " + appPort + " on 127.0.0.1 is in use: stop what uses it or choose"
                    + " another with -Datspro.dev.port=PORT");
        }
        long started = System.nanoTime();
        Map<String, String> appConfig = new LinkedHashMap<>();
        appConfig.put("quarkus.http.host", FreePort.LOOPBACK);
        appConfig.put("quarkus.http.port", String.valueOf(appPort));
        // a public development key for the personal fields (production sets its own, see README Privacy)
        appConfig.put("atspro.crypto.keys.devstack", "R1F2K4mS7pXz0c9wQe3tYb6nJh8uLd5vAo2iEg1rTsU=");
        appConfig.put("atspro.crypto.current-key", "devstack");

        int postgresPort = startPostgres();
        appConfig.put("quarkus.datasource.jdbc.url", jdbcUrl(postgresPort, DATABASE));
        appConfig.put("quarkus.datasource.username", "postgres");
        appConfig.put("quarkus.datasource.password", "postgres");

        int redisPort = startRedis();
        appConfig.put("quarkus.redis.hosts", "redis://127.0.0.1:" + redisPort);

        int s3Port = startS3Proxy();
        appConfig.put("quarkus.s3.endpoint-override", "http://127.0.0.1:" + s3Port);
        appConfig.put("quarkus.s3.aws.region", "us-east-1");
        appConfig.put("quarkus.s3.aws.credentials.type", "static");
        appConfig.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3_ACCESS_KEY);
        appConfig.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3_SECRET_KEY);
        appConfig.put("quarkus.s3.path-style-access", "true");

        KeycloakServer keycloak = startKeycloak();
        appConfig.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        appConfig.put("quarkus.oidc.client-id", "atspro-api");
        appConfig.put("quarkus.oidc.token.audience", "atspro-api");

        LocalBoards boards = startBoards();
        for (String platform : LocalBoards.PLATFORMS) {
            appConfig.put("atspro.scraping." + platform + "-base-url", boards.baseUrl());
        }
        // JSON-LD career pages are registered by their path on the board server, resolved against this
        appConfig.put("atspro.scraping.career-page-base-url", boards.baseUrl() + "/");
        appConfig.put("atspro.scraping.http.allow-private-networks", "true");
        appConfig.put("atspro.scraping.http.min-interval", "50ms");
        appConfig.put("atspro.scraping.tick", "5s");

        ChildProcess app = startApp(appPort, appConfig);
        fillCatalog(postgresPort, boards);
        printSummary(keycloak, appPort, Duration.ofNanos(System.nanoTime() - started));
        return app;
    }

    private int startPostgres() {
        long started = System.nanoTime();
        int port = FreePort.find();
        Path data = dataDir.resolve("postgres");
        try {
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(stackDir.resolve("devstack-postgres").toFile())
                    .setServerConfig("listen_addresses", FreePort.LOOPBACK)
                    // stopped by the ShutdownSequence, in order, rather than by a hook of its own
                    .setRegisterShutdownHook(false)
                    .start();
            ShutdownSequence.add("PostgreSQL", postgres);
            createDatabaseIfAbsent(port);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start with data in " + data, e);
        }
        row("PostgreSQL 17", started, jdbcUrl(port, DATABASE) + "  (user postgres, data " + rel(data) + ")");
        return port;
    }

    private static void createDatabaseIfAbsent(int port) {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(jdbcUrl(port, "postgres"));
        admin.setUser("postgres");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private int startRedis() {
        long started = System.nanoTime();
        int port = FreePort.find();
        RedisServer redis = RedisServer.builder()
                .port(port)
                .bind(FreePort.LOOPBACK)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        redis.start();
        ShutdownSequence.add("Redis", redis::stop);
        row("Redis", started, "redis://127.0.0.1:" + port);
        return port;
    }

    private int startS3Proxy() {
        long started = System.nanoTime();
        Path jar = stackDir.resolve("s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it there in process-test-resources");
        }
        int port = FreePort.find();
        Path store = dataDir.resolve("s3");
        Path properties = dataDir.resolve("s3proxy.properties");
        try {
            Files.createDirectories(store);
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + S3_ACCESS_KEY,
                    "s3proxy.credential=" + S3_SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + store.toAbsolutePath(),
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare s3proxy's store in " + store, e);
        }
        ProcessBuilder command = new ProcessBuilder(javaExecutable(), "-jar", jar.toString(),
                "--properties", properties.toString());
        ChildProcess s3proxy = ChildProcess.start("s3proxy", command, stackDir.resolve("logs/s3proxy-dev.log"),
                STOP_TIMEOUT);
        s3proxy.awaitReady(S3_READY_TIMEOUT, () -> FreePort.isListening(port));
        row("S3 (s3proxy)", started, "http://127.0.0.1:" + port + "  (keys " + S3_ACCESS_KEY + " / "
                + S3_SECRET_KEY + ", data " + rel(store) + ")");
        return port;
    }

    private KeycloakServer startKeycloak() {
        long started = System.nanoTime();
        System.out.println("[dev-stack] starting Keycloak (about 30 s, the first time about a minute more)");
        int port = Integer.getInteger("atspro.dev.keycloak-port", 8180);
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("Port " + port + " is taken; choose another with -Datspro.dev.keycloak-port=PORT");
        }
        KeycloakServer keycloak = KeycloakServer.start(stackDir,
                projectDir.resolve("src/main/resources/keycloak/atspro-realm.json"), port);
        row("Keycloak", started, keycloak.issuer() + "  (users alice/alice, bob/bob)");
        summary.add(new String[] {"  admin console", "", "http://127.0.0.1:" + keycloak.port() + "/admin  ("
                + KeycloakServer.ADMIN_USERNAME + "/" + KeycloakServer.ADMIN_PASSWORD + ")"});
        return keycloak;
    }

    private LocalBoards startBoards() {
        long started = System.nanoTime();
        LocalBoards boards = LocalBoards.start(sharedDir(), projectDir);
        ShutdownSequence.add("job boards", boards);
        boards.skipped().forEach(file -> System.out.println("[dev-stack] job boards: " + file
                + " is missing from the shared corpus; its board is not served"));
        row("Job boards", started, boards.baseUrl() + "  (" + boards.describe() + ")");
        return boards;
    }

    /**
     * The shared corpus, {@code ../shared} beside the checkout: where {@link SharedFixtures} finds it, else beside
     * the project directory (exec:java may run in another working directory); null when there is none.
     */
    private Path sharedDir() {
        if (SharedFixtures.available()) {
            return SharedFixtures.dir();
        }
        Path parent = projectDir.getParent();
        Path beside = parent == null ? null : parent.resolve("shared");
        return beside != null && Files.isDirectory(beside) ? beside : null;
    }

    /**
     * Registers the local boards as scrape sources (those already there, from an earlier run, are kept as they are)
     * and waits until each has been read once and the catalog has postings, or {@link #CATALOG_TIMEOUT}. The
     * application's scheduler queues their first runs: {@code next_run_at} is now.
     */
    private void fillCatalog(int postgresPort, LocalBoards boards) {
        long started = System.nanoTime();
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(jdbcUrl(postgresPort, DATABASE));
        db.setUser("postgres");
        int added = 0;
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO scrape_sources (id, platform, board, company_name, enabled, next_run_at, created_at,
                    updated_at)
                VALUES (gen_random_uuid(), ?, ?, ?, true, now(), now(), now())
                ON CONFLICT (platform, board) DO NOTHING""")) {
            for (LocalBoards.Source source : boards.sources()) {
                insert.setString(1, source.platform());
                insert.setString(2, source.board());
                insert.setString(3, source.companyName());
                added += insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot register the local job boards: " + e.getMessage(), e);
        }
        if (added > 0) {
            System.out.println("[dev-stack] registered " + added + " local job board(s) as scrape sources; waiting"
                    + " for their first runs (at most " + CATALOG_TIMEOUT.toSeconds() + " s)");
        }

        Set<String> ours = new HashSet<>();
        boards.sources().forEach(s -> ours.add(s.platform() + " " + s.board()));
        long deadline = started + CATALOG_TIMEOUT.toNanos();
        CatalogState state;
        while (true) {
            state = catalogState(db, ours);
            if ((state.postings() > 0 && state.unread() == 0) || System.nanoTime() > deadline
                    || ShutdownSequence.isJvmExiting()) {
                break;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for the first scrape runs", e);
            }
        }
        StringBuilder where = new StringBuilder(state.postings() + " active postings");
        if (state.unread() > 0) {
            where.append(", ").append(state.unread()).append(" board(s) not read yet");
        }
        if (!state.failed().isEmpty()) {
            where.append(", last run failed: ").append(String.join(", ", state.failed()))
                    .append(" (see GET /api/v1/admin/scrape-sources)");
        }
        row("Catalog", started, where.toString());
        if (state.postings() == 0) {
            System.out.println("[dev-stack] the catalog is still empty after " + CATALOG_TIMEOUT.toSeconds()
                    + " s: see the application's log for the scrape runs");
        }
    }

    /** Active postings, how many of our boards have never been read, and those whose last run failed. */
    private record CatalogState(long postings, int unread, List<String> failed) {
    }

    private static CatalogState catalogState(PGSimpleDataSource db, Set<String> ours) {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            long postings;
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM job_postings WHERE is_active")) {
                rs.next();
                postings = rs.getLong(1);
            }
            int unread = 0;
            List<String> failed = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT platform, board, last_run_at, last_status FROM scrape_sources ORDER BY platform, board")) {
                while (rs.next()) {
                    if (!ours.contains(rs.getString(1) + " " + rs.getString(2))) {
                        continue;
                    }
                    if (rs.getObject(3) == null) {
                        unread++;
                    } else if ("failed".equals(rs.getString(4))) {
                        failed.add(rs.getString(1) + "/" + rs.getString(2));
                    }
                }
            }
            return new CatalogState(postings, unread, failed);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private ChildProcess startApp(int port, Map<String, String> config) {
        long started = System.nanoTime();
        Path jar = projectDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -Pdev-stack packages the application first");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess app = ChildProcess.startOnConsole("ATSPro", new ProcessBuilder(command), STOP_TIMEOUT);
        app.awaitReady(APP_READY_TIMEOUT,
                () -> HttpProbe.isOk(URI.create("http://127.0.0.1:" + port + "/q/health/ready")));
        row("ATSPro", started, "http://127.0.0.1:" + port + "  (health /q/health/ready)");
        return app;
    }

    private void printSummary(KeycloakServer keycloak, int appPort, Duration startup) {
        StringBuilder out = new StringBuilder("\n[dev-stack] ready in " + startup.toSeconds() + " s\n\n");
        for (String[] row : summary) {
            out.append(String.format("  %-16s %6s  %s%n", (Object[]) row));
        }
        out.append("\nTry it:\n")
                .append("  TOKEN=$(curl -s -d grant_type=password -d client_id=").append(KeycloakServer.WEB_CLIENT_ID)
                .append(" -d username=alice -d password=alice ").append(keycloak.tokenEndpoint())
                .append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:").append(appPort)
                .append("/api/v1/me\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" 'http://127.0.0.1:").append(appPort)
                .append("/api/v1/postings?q=engineer'\n\nCtrl-C stops everything.\n");
        System.out.println(out);
    }

    private void row(String what, long startedNanos, String where) {
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        summary.add(new String[] {what, String.format("%.1f s", millis / 1000.0), where});
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String rel(Path path) {
        return projectDir.relativize(path.toAbsolutePath()).toString();
    }
}
