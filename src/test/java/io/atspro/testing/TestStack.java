package io.atspro.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The real servers of one test run: PostgreSQL, Redis, s3proxy and an OIDC provider, each on a free
 * loopback port. Started once per JVM, whatever the number of Quarkus restarts, and stopped by a
 * shutdown hook when the JVM ends, passed or failed.
 */
public final class TestStack {

    private static final Logger LOG = Logger.getLogger(TestStack.class);
    public static final String DATABASE = "atspro";
    public static final String BUCKET = "atspro-test";
    /** Public test keys of field encryption (also in application.properties, %test): never use them elsewhere. */
    public static final String TEST_KEY_1 = "ON1mzgH+Fpd+viKlOadIBbglyp8PZuq5A8wZfu5WmfQ=";
    public static final String TEST_KEY_2 = "8Qz/jpZszM0ANKiq6eTm9MX7ecGHDBhsuyZzQaduV4M=";

    private static TestStack instance;

    private final PostgresServer postgres;
    private final RedisProcess redis;
    private final S3ProxyServer s3;
    private final TestOidcServer oidc;
    private final KeycloakServer keycloak;
    private final JobBoardServer boards;

    private TestStack(PostgresServer postgres, RedisProcess redis, S3ProxyServer s3, TestOidcServer oidc,
                      KeycloakServer keycloak, JobBoardServer boards) {
        this.boards = boards;
        this.postgres = postgres;
        this.redis = redis;
        this.s3 = s3;
        this.oidc = oidc;
        this.keycloak = keycloak;
    }

    /** The end-to-end tests (failsafe sets {@code atspro.test.oidc=keycloak}) log in at a real Keycloak. */
    public static boolean withKeycloak() {
        return "keycloak".equals(System.getProperty("atspro.test.oidc"));
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public static Path stackDir() {
        return Path.of(System.getProperty("atspro.stack.dir", "target/stack"));
    }

    private static TestStack start() {
        long started = System.nanoTime();
        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running), "test-stack-stop"));
        Path dir = stackDir();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Keycloak takes longest: it starts beside the others.
        CompletableFuture<KeycloakServer> keycloakStart = withKeycloak()
                ? CompletableFuture.supplyAsync(() -> KeycloakServer.start(dir, Path.of("src/main/resources/keycloak/atspro-realm.json")))
                : CompletableFuture.completedFuture(null);
        PostgresServer postgres = PostgresServer.start(dir.resolve("pg-work"), dir.resolve("pg-data-" + run), false,
                postgresSettings());
        running.add(postgres);
        postgres.createDatabase(DATABASE);
        BetterAuthFixture.createIn(postgres.dataSource(DATABASE));
        RedisProcess redis = RedisProcess.start();
        running.add(redis);
        S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3proxy.jar"), dir.resolve("s3proxy-work"), null);
        running.add(s3);
        JobBoardServer boards = JobBoardServer.start();
        running.add(boards);
        TestOidcServer oidc = null;
        KeycloakServer keycloak = keycloakStart.join();
        if (keycloak != null) {
            running.add(keycloak);
        } else {
            oidc = TestOidcServer.start();
            running.add(oidc);
        }
        LOG.infof("Test stack up in %d ms: PostgreSQL :%d, Redis :%d, s3proxy :%d, OIDC %s",
                (System.nanoTime() - started) / 1_000_000, postgres.port(), redis.port(), s3.port(),
                keycloak != null ? keycloak.issuer() : oidc.issuer());
        return new TestStack(postgres, redis, s3, oidc, keycloak, boards);
    }

    /**
     * Further PostgreSQL settings for this JVM's stack, from {@code atspro.stack.postgres-settings}
     * ({@code name=value;name=value}): the load benchmark preloads {@code pg_stat_statements} with it.
     */
    public static Map<String, String> postgresSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        String raw = System.getProperty("atspro.stack.postgres-settings", "");
        for (String pair : raw.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return settings;
    }

    private static void stopAll(List<AutoCloseable> running) {
        List<AutoCloseable> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        for (AutoCloseable server : reversed) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warnf("Could not stop %s: %s", server.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** The Quarkus configuration that points the application at these servers. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        // the application under test listens on loopback only (production binds 0.0.0.0 for Kubernetes)
        config.put("quarkus.http.host", FreePort.LOOPBACK);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("quarkus.redis.hosts", redis.url());
        config.put("quarkus.s3.endpoint-override", s3.endpoint());
        config.put("quarkus.s3.aws.region", "us-east-1");
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3ProxyServer.ACCESS_KEY);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3ProxyServer.SECRET_KEY);
        config.put("atspro.storage.bucket", BUCKET);
        config.put("quarkus.oidc.auth-server-url", keycloak != null ? keycloak.issuer() : oidc.issuer());
        config.put("quarkus.oidc.connection-delay", "5S");
        config.put("atspro.scraping.greenhouse-base-url", boards.url(""));
        config.put("atspro.scraping.lever-base-url", boards.url(""));
        config.put("atspro.scraping.ashby-base-url", boards.url(""));
        config.put("atspro.scraping.career-page-base-url", boards.url("/"));
        for (String platform : new String[] {"workday", "smartrecruiters", "workable", "recruitee", "personio",
            "teamtailor"}) {
            config.put("atspro.scraping." + platform + "-base-url", boards.url(""));
        }
        // the packaged service (prod profile) refuses to start without a field-encryption key: the public test keys
        config.put("atspro.crypto.keys.test1", TEST_KEY_1);
        config.put("atspro.crypto.keys.test2", TEST_KEY_2);
        config.put("atspro.crypto.current-key", "test2");
        config.put("atspro.retention.cron", "off");
        return config;
    }

    /** WireMock standing in for the job boards the scrape sources read (Greenhouse, Lever, Ashby, career pages). */
    public JobBoardServer boards() {
        return boards;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisProcess redis() {
        return redis;
    }

    public S3ProxyServer s3() {
        return s3;
    }

    public TestOidcServer oidc() {
        if (oidc == null) {
            throw new IllegalStateException("This run logs in at Keycloak: use keycloak()");
        }
        return oidc;
    }

    public KeycloakServer keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("This run uses the test OIDC server: use oidc()");
        }
        return keycloak;
    }
}
