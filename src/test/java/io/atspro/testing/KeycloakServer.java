package io.atspro.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.testing.devstack.ChildProcess;
import io.atspro.testing.devstack.HttpProbe;
import io.atspro.testing.devstack.ShutdownSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak in development mode (in-memory database) on free 127.0.0.1 ports, with one realm imported at
 * start. The distribution is unpacked into the stack directory by the build; its first start builds (augments)
 * it for the options below, later starts with the same options reuse that build.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String WEB_CLIENT_ID = "atspro-web";
    public static final String CRON_CLIENT_ID = "atspro-cron";
    public static final String CRON_CLIENT_SECRET = "atspro-cron-secret";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int MIN_JAVA_VERSION = 21;
    private static final ObjectMapper JSON = new ObjectMapper();
    // Starts are serialized: two first starts would both rebuild the distribution's lib/quarkus in place.
    private static final ReentrantLock START_LOCK = new ReentrantLock();

    private final ChildProcess process;
    private final String realm;
    private final int port;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(ChildProcess process, String realm, int port, int managementPort) {
        this.process = process;
        this.realm = realm;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts Keycloak from {@code stackDir/keycloak-26.7.3} with {@code realmJson} imported and waits until the realm
     * serves its discovery document. The server log goes to {@code stackDir/logs/keycloak-<port>.log}.
     */
    public static KeycloakServer start(Path stackDir, Path realmJson) {
        return start(stackDir, realmJson, FreePort.find());
    }

    /** As {@link #start(Path, Path)}, on a given HTTP port (the dev run's fixed, documented one). */
    public static KeycloakServer start(Path stackDir, Path realmJson, int port) {
        Path home = stackDir.resolve("keycloak-" + VERSION).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak " + VERSION + " is not unpacked at " + home
                    + ". The build unpacks org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz there in the"
                    + " process-test-resources phase: run ./mvnw process-test-resources (or any later phase).");
        }
        String realm = realmName(realmJson);
        int managementPort = FreePort.find();
        Path logFile = stackDir.resolve("logs").resolve("keycloak-" + port + ".log").toAbsolutePath();

        ProcessBuilder command = new ProcessBuilder(
                "/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                // build options: changing them makes the next start rebuild the distribution (~30 s)
                "--db=dev-mem",
                "--health-enabled=true",
                // runtime options
                "--import-realm",
                "--http-host=" + FreePort.LOOPBACK,
                "--http-port=" + port,
                "--http-management-host=" + FreePort.LOOPBACK,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false")
                .directory(home.toFile());
        command.environment().put("JAVA_HOME", javaHome().toString());
        command.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        command.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);

        START_LOCK.lock();
        try (FileChannel lockFile = FileChannel.open(stackDir.resolve("keycloak-" + VERSION + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            copyIntoImportDir(realmJson, home, realm);
            ChildProcess child = ChildProcess.start("Keycloak", command, logFile, STOP_TIMEOUT);
            KeycloakServer server = new KeycloakServer(child, realm, port, managementPort);
            child.awaitReady(READY_TIMEOUT, () -> HttpProbe.isOk(server.discoveryUri()));
            // replaces the child's own entry, so that close() here also unregisters it
            ShutdownSequence.remove(child);
            ShutdownSequence.add("Keycloak", server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak in " + home, e);
        } finally {
            START_LOCK.unlock();
        }
    }

    /** http://127.0.0.1:PORT/realms/REALM, the {@code iss} of the tokens. */
    public String issuer() {
        return "http://" + FreePort.LOOPBACK + ":" + port + "/realms/" + realm;
    }

    public int port() {
        return port;
    }

    /** The port of /health/ready and /metrics. */
    public int managementPort() {
        return managementPort;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The access token of a password grant through the public web client. */
    public String tokenFor(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", WEB_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        return requestToken(form, "user " + username);
    }

    /** The access token of the confidential scheduled-jobs client (its service account). */
    public String clientCredentialsToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", CRON_CLIENT_ID);
        form.put("client_secret", CRON_CLIENT_SECRET);
        return requestToken(form, "client " + CRON_CLIENT_ID);
    }

    /** Stops Keycloak and the script that launched it. Idempotent. */
    @Override
    public void close() {
        ShutdownSequence.remove(this);
        process.close();
    }

    private URI discoveryUri() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    private String requestToken(Map<String, String> form, String subject) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + subject + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Token request for " + subject + " to " + tokenEndpoint() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting a token for " + subject);
        }
    }

    private static String realmName(Path realmJson) {
        try {
            JsonNode realm = JSON.readTree(realmJson.toFile()).path("realm");
            if (!realm.isTextual()) {
                throw new IllegalArgumentException(realmJson + " has no \"realm\" name");
            }
            return realm.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmJson, e);
        }
    }

    /** Keycloak imports every *-realm.json in data/import when started with --import-realm. */
    private static void copyIntoImportDir(Path realmJson, Path home, String realm) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Path partial = importDir.resolve(realm + "-realm.json.part");
        Files.copy(realmJson, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, importDir.resolve(realm + "-realm.json"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Keycloak 26 wants Java 21 or later: $KEYCLOAK_JAVA_HOME, else this JVM if recent enough, else a Temurin 25,
     * else any JDK 21+ under /usr/lib/jvm. Falls back to this JVM (Keycloak 26.7.3 still starts on 17).
     */
    static Path javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= MIN_JAVA_VERSION) {
            return current;
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java"))).forEach(candidates::add);
        } catch (IOException e) {
            return current;
        }
        Optional<Path> temurin25 = candidates.stream()
                .filter(jdk -> jdk.getFileName().toString().contains("temurin-25"))
                .findFirst();
        if (temurin25.isPresent()) {
            return temurin25.get();
        }
        return candidates.stream()
                .filter(jdk -> featureVersion(jdk) >= MIN_JAVA_VERSION)
                .max(Comparator.comparingInt(KeycloakServer::featureVersion))
                .orElse(current);
    }

    /** The feature version in a JDK's {@code release} file (JAVA_VERSION="21.0.5"), or 0. */
    private static int featureVersion(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
