package io.atspro.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/** A real PostgreSQL 17 from zonky's binaries on a loopback port (it runs as root here through unshare). */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
            return new PostgresServer(builder.start());
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
