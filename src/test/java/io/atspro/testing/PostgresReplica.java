package io.atspro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real streaming replica (hot standby) of a running {@link PostgresServer}, from the same binaries, taken the way
 * pg_basebackup takes one (the zonky binaries have none): a physical replication slot keeps the primary's WAL,
 * {@code pg_backup_start}, a copy of the data directory while the primary keeps running, {@code pg_backup_stop}'s
 * backup label written into the copy, {@code standby.signal} and {@code primary_conninfo}, then the copy starts on a
 * port of its own and streams from the primary. The primary is never stopped.
 */
public final class PostgresReplica implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresReplica.class);
    /** Left empty in the copy (pg_basebackup leaves them out): WAL streams from the slot, the rest is per server. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
            "backup_label", "tablespace_map", "standby.signal", "recovery.signal");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final PostgresServer primary;
    private final Path dataDir;
    private final int port;
    private final String slot;
    private final String options;
    private boolean stopped;
    private boolean closed;

    private PostgresReplica(PostgresServer primary, Path dataDir, int port, String slot, String options) {
        this.primary = primary;
        this.dataDir = dataDir;
        this.port = port;
        this.slot = slot;
        this.options = options;
    }

    /** Starts a replica of {@code primary} with its data in {@code dataDir}, and waits until it streams. */
    public static PostgresReplica start(PostgresServer primary, Path dataDir) {
        long started = System.nanoTime();
        int port = FreePort.find();
        String slot = "replica_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = primary.dataSource("postgres").getConnection(); Statement sql = db.createStatement()) {
            // the slot keeps every WAL segment from now until the replica has streamed it: the copy needs none
            sql.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            sql.execute("SELECT pg_backup_start('" + slot + "', true)");
            copyDataDirectory(primary.dataDir(), dataDir);
            try (ResultSet rs = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(dataDir.resolve("backup_label"), rs.getString(1));
                if (rs.getString(2) != null && !rs.getString(2).isEmpty()) {
                    Files.writeString(dataDir.resolve("tablespace_map"), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a base backup of the primary", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the primary's data directory", e);
        }
        try {
            Files.createFile(dataDir.resolve("standby.signal"));
            Files.writeString(dataDir.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port="
                    + primary.port() + " user=" + PostgresServer.USER + " application_name=" + slot + "'\n"
                    + "primary_slot_name = '" + slot + "'\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresReplica replica = new PostgresReplica(primary, dataDir, port, slot,
                replicaOptions(primary.options(), dataDir, port));
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "postgres-replica-stop"));
        replica.pgCtl("-D", dataDir.toString(), "-o", replica.options, "-w", "-t", "60", "start");
        replica.awaitStreaming(Duration.ofSeconds(60));
        LOG.infof("PostgreSQL replica :%d of :%d streaming in %d ms", port, primary.port(),
                (System.nanoTime() - started) / 1_000_000);
        return replica;
    }

    /** The primary's postmaster arguments with this data directory and port; a hot standby with feedback. */
    private static String replicaOptions(String primaryOptions, Path dataDir, int port) {
        List<String> args = new ArrayList<>();
        Matcher m = QUOTED.matcher(primaryOptions);
        while (m.find()) {
            args.add(m.group(1));
        }
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("-D")) {
                args.set(i + 1, dataDir.toString());
            } else if (args.get(i).equals("-p")) {
                args.set(i + 1, String.valueOf(port));
            }
        }
        args.addAll(List.of("-c", "hot_standby=on", "-c", "hot_standby_feedback=on"));
        return String.join(" ", args.stream().map(a -> "\"" + a + "\"").toList());
    }

    /** The data directory as pg_basebackup copies it: without the running server's own files, WAL left to stream. */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                if (!dir.equals(from) && EMPTIED.contains(dir.getFileName().toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                        Files.createDirectories(target.resolve("summaries"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!LEFT_OUT.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException e) {
                        // dropped while we copied: the WAL replay drops it too
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** Stops applying the primary's changes (it keeps receiving them): reads show the catalog as it was. */
    public void pauseReplay() {
        run("SELECT pg_wal_replay_pause()");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"paused".equals(value("SELECT pg_get_wal_replay_pause_state()"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Replay did not pause");
            }
            sleep(20);
        }
    }

    public void resumeReplay() {
        run("SELECT pg_wal_replay_resume()");
    }

    /**
     * Waits until the replica has replayed everything the primary had written when this was called (asynchronous
     * commits too: the test server runs with synchronous_commit off).
     */
    public void awaitCaughtUp(Duration timeout) {
        String target;
        try (Connection db = primary.dataSource("postgres").getConnection(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            target = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"t".equals(value("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replica did not replay up to " + target + " in " + timeout);
            }
            sleep(20);
        }
    }

    /** Stops the replica (fast shutdown); {@link #startAgain()} brings it back. For outage tests. */
    public synchronized void stop() {
        if (!stopped && !closed) {
            pgCtl("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop");
            stopped = true;
        }
    }

    public synchronized void startAgain() {
        if (stopped && !closed) {
            pgCtl("-D", dataDir.toString(), "-o", options, "-w", "-t", "60", "start");
            stopped = false;
            awaitStreaming(Duration.ofSeconds(60));
        }
    }

    private void awaitStreaming(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection db = primary.dataSource("postgres").getConnection(); PreparedStatement st =
                    db.prepareStatement("SELECT count(*) FROM pg_stat_replication WHERE application_name = ? "
                            + "AND state = 'streaming'")) {
                st.setString(1, slot);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1 && "t".equals(value("SELECT pg_is_in_recovery()"))) {
                        return;
                    }
                }
            } catch (SQLException e) {
                // the replica is still starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replica on :" + port + " does not stream, see "
                        + log());
            }
            sleep(100);
        }
    }

    private String value(String sql) {
        try (Connection db = connect("postgres"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on the replica failed", e);
        }
    }

    private void run(String sql) {
        value(sql);
    }

    private Path log() {
        return primary.workDir().resolve("pg_ctl-" + port + ".log");
    }

    private void pgCtl(String... args) {
        PostgresServer.pgCtl(primary.workDir(), log(), args);
    }

    /** Stops the replica, drops its slot (the primary would keep WAL for it forever) and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (!stopped) {
                pgCtl("-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not stop the replica on :%d: %s", port, e.getMessage());
        }
        closed = true;
        dropSlot();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", dataDir, e.getMessage());
        }
    }

    private void dropSlot() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection db = primary.dataSource("postgres").getConnection();
                 PreparedStatement st = db.prepareStatement("SELECT pg_drop_replication_slot(slot_name) "
                         + "FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
                st.setString(1, slot);
                st.execute();
                try (PreparedStatement left = db.prepareStatement(
                        "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?")) {
                    left.setString(1, slot);
                    try (ResultSet rs = left.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            return;
                        }
                    }
                }
            } catch (SQLException e) {
                LOG.debugf("Dropping slot %s: %s", slot, e.getMessage());
                return; // the primary is gone (the JVM is ending)
            }
            if (System.nanoTime() > deadline) {
                LOG.warnf("Replication slot %s is still active: left on the primary", slot);
                return;
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
