package io.atspro.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** A real PostgreSQL 17 from zonky's binaries on a loopback port (it runs as root here through unshare). */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path workDir;
    private final Path dataDir;
    /** The postmaster's own command line (postmaster.opts) while it is stopped by {@link #stop()}. */
    private String stoppedOptions;

    private PostgresServer(EmbeddedPostgres postgres, Path workDir, Path dataDir) {
        this.postgres = postgres;
        this.workDir = workDir;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL with its data in {@code dataDir}. A throwaway server ({@code keepData} false) trades
     * durability for speed; the dev run keeps its data between starts.
     */
    public static PostgresServer start(Path workDir, Path dataDir, boolean keepData) {
        return start(workDir, dataDir, keepData, Map.of());
    }

    /** As {@link #start(Path, Path, boolean)}, with further server settings (the benchmark's memory settings). */
    public static PostgresServer start(Path workDir, Path dataDir, boolean keepData, Map<String, String> settings) {
        try {
            Files.createDirectories(workDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(FreePort.find())
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            settings.forEach(builder::setServerConfig);
            if (!settings.isEmpty()) {
                builder.setPGStartupWait(Duration.ofSeconds(120));
            }
            if (!keepData) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return new PostgresServer(builder.start(), workDir, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String database) {
        try (Connection db = postgres.getPostgresDatabase().getConnection();
             Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            sql.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /**
     * Stops the server (fast shutdown: sessions are cut, committed data stays) without forgetting it:
     * {@link #startAgain()} brings it back on the same port and data directory. For outage tests.
     */
    public synchronized void stop() {
        if (stoppedOptions != null) {
            return;
        }
        try {
            String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
            // "<bin>/postgres" "-D" "<data>" "-p" "<port>" "-c" "k=v" ...: everything after the binary
            int firstArg = opts.indexOf(" \"");
            pgCtl("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop");
            stoppedOptions = opts.substring(firstArg + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("postmaster.opts of " + dataDir + " could not be read", e);
        }
    }

    /** Where the server keeps its data. */
    Path dataDir() {
        return dataDir;
    }

    /** Where the binaries are unpacked (pg_ctl, postgres). */
    Path workDir() {
        return workDir;
    }

    /** The postmaster's arguments after the binary, as it was started (postmaster.opts): its -D, -p and -c settings. */
    String options() {
        try {
            String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
            return opts.substring(opts.indexOf(" \"") + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("postmaster.opts of " + dataDir + " could not be read", e);
        }
    }

    /** Starts the server stopped by {@link #stop()} again, with its former options; a no-op when running. */
    public synchronized void startAgain() {
        if (stoppedOptions == null) {
            return;
        }
        pgCtl("-D", dataDir.toString(), "-o", stoppedOptions, "-w", "-t", "60", "start");
        stoppedOptions = null;
    }

    private void pgCtl(String... args) {
        pgCtl(workDir, workDir.resolve("pg_ctl-" + port() + ".log"), args);
    }

    /** Runs pg_ctl of the unpacked binaries as zonky does (in a user namespace when unshare is there: root here). */
    static void pgCtl(Path workDir, Path log, String... args) {
        try (var dirs = Files.list(workDir)) {
            Path pgCtl = dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .map(d -> d.resolve("bin/pg_ctl")).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No pg_ctl under " + workDir));
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.add(pgCtl.toString());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed, see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
