package io.atspro.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Where the catalog's read-only queries go (the search box, recommendation candidates): the read replica
 * ({@code ATSPRO_DB_READ_URL}, datasource {@code read}) when one is configured, gives a connection and replays at most
 * {@code atspro.catalog.reads.max-lag} behind the primary; else the primary. A replica that is down or behind never
 * fails a read: the read runs on the primary, and a warning is logged at most once a minute. Writes, and reads that
 * must see what their caller has just written, never come here: they use the primary datasource.
 *
 * <p>Lag is looked at in the background every {@code atspro.catalog.reads.check-interval}, never per request.
 */
@ApplicationScoped
class CatalogReads {

    private static final Logger LOG = Logger.getLogger(CatalogReads.class);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    /** Where reads go now, and why; what the last look at the replica found. */
    record Status(boolean configured, boolean onReplica, String reason, Boolean inRecovery, Double lagSeconds,
            Long lagBytes, Instant checkedAt) {

        /** "replica", or "primary" and why (the health check's {@code reads}). */
        String reads() {
            return onReplica ? "replica" : reason == null ? "primary" : "primary (" + reason + ")";
        }
    }

    /** A read on a connection. */
    @FunctionalInterface
    interface Read<T> {
        T on(Connection c) throws SQLException;
    }

    private final DataSource primary;
    /** Null when no read URL is configured. */
    private final DataSource replica;
    private final Duration maxLag;
    private final Duration checkInterval;
    private final Clock clock;
    private final AtomicReference<Status> status;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);
    private final ExecutorService checker;

    @Inject
    CatalogReads(DataSource primary, @io.quarkus.agroal.DataSource("read") InjectableInstance<AgroalDataSource> read,
            CatalogReadConfig config, Clock clock) {
        this(primary, firstActive(read.listActive()), config.maxLag(), config.checkInterval(), clock);
    }

    CatalogReads(DataSource primary, DataSource replica, Duration maxLag, Duration checkInterval, Clock clock) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = maxLag;
        this.checkInterval = checkInterval;
        this.clock = clock;
        // not looked at yet: reads try the replica, and the first of them asks for a look
        this.status = new AtomicReference<>(new Status(replica != null, replica != null, null, null, null, null,
                Instant.EPOCH));
        this.checker = replica == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "catalog-reads-check");
            t.setDaemon(true);
            return t;
        });
    }

    private static DataSource firstActive(List<AgroalDataSource> active) {
        return active.isEmpty() ? null : active.get(0);
    }

    @PreDestroy
    void stop() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    /**
     * Runs a read on the replica when reads go there now, else on the primary. A replica that cannot give a
     * connection, or whose connection breaks, or that cancels the read for a conflict with its replay: the read runs
     * again on the primary.
     */
    <T> T read(Read<T> read) throws SQLException {
        if (replica == null || !current().onReplica()) {
            return onPrimary(read);
        }
        Connection connection;
        try {
            connection = replica.getConnection();
        } catch (SQLException e) {
            unreachable(e);
            return onPrimary(read);
        }
        try (Connection c = connection) {
            return read.on(c);
        } catch (SQLException e) {
            if (isBroken(e)) {
                unreachable(e);
            } else if (!isRecoveryConflict(e)) {
                throw e;
            }
        }
        return onPrimary(read);
    }

    private <T> T onPrimary(Read<T> read) throws SQLException {
        try (Connection c = primary.getConnection()) {
            return read.on(c);
        }
    }

    /** Where reads go now; asks for a look at the replica in the background when the last one is old. */
    Status current() {
        Status now = status.get();
        if (now.configured() && !Duration.between(now.checkedAt(), clock.instant()).minus(checkInterval).isNegative()
                && checking.compareAndSet(false, true)) {
            try {
                checker.execute(() -> {
                    try {
                        check();
                    } finally {
                        checking.set(false);
                    }
                });
            } catch (RuntimeException e) {
                checking.set(false); // shutting down
            }
        }
        return now;
    }

    /**
     * Looks at the replica now (reachable? in recovery? how far behind the primary?) and routes reads by what it
     * finds. The lag is 0 when the replica has replayed all the WAL the primary had written a moment before
     * ({@code pg_current_wal_insert_lsn()}: asynchronous commits included), else the age of the last transaction it replayed (which overstates the lag
     * when the primary was idle before its latest write: reads then go to the primary until the replica has replayed
     * it, milliseconds later).
     */
    Status check() {
        if (replica == null) {
            return status.get();
        }
        String primaryLsn = null;
        try (Connection c = primary.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT pg_current_wal_insert_lsn()::text");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            primaryLsn = rs.getString(1);
        } catch (SQLException e) {
            LOG.debugf("The primary's WAL position is unknown: %s", e.getMessage());
        }
        Status next;
        try (Connection c = replica.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT r, extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8,
                       CASE WHEN r THEN pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn())::int8 END
                FROM pg_is_in_recovery() r""")) {
            st.setString(1, primaryLsn);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                boolean inRecovery = rs.getBoolean(1);
                Double lastReplayAge = rs.getObject(2) == null ? null : rs.getDouble(2);
                // the replica may have replayed past the position the primary had a moment before: caught up
                Long bytes = !inRecovery ? Long.valueOf(0) : rs.getObject(3) == null ? null
                        : Long.valueOf(Math.max(0, rs.getLong(3)));
                Double seconds = !inRecovery || bytes != null && bytes == 0 ? Double.valueOf(0) : lastReplayAge;
                boolean behind = seconds == null || seconds > maxLag.toMillis() / 1000.0;
                next = new Status(true, !behind, behind ? "replica lagging" : null, inRecovery, seconds, bytes,
                        clock.instant());
            }
        } catch (SQLException e) {
            next = failed(e);
            LOG.debugf("The read replica did not answer: %s", e.getMessage());
        }
        route(next, null);
        return next;
    }

    /** The read replica failed a read: reads go to the primary until the next look finds it answering. */
    private void unreachable(SQLException cause) {
        route(failed(cause), cause);
    }

    /**
     * Where reads go after the replica failed: a broken or refused connection empties its pool (every pooled
     * connection of a replica that went away is broken); a pool with no free connection in time (Agroal's timeout has
     * no SQLState) is left as it is.
     */
    private Status failed(SQLException e) {
        boolean noConnectionInTime = e.getSQLState() == null;
        if (!noConnectionInTime) {
            flushReplica();
        }
        return new Status(true, false, noConnectionInTime ? "no replica connection in time" : "replica unreachable",
                null, null, null, clock.instant());
    }

    private void route(Status next, SQLException cause) {
        Status before = status.getAndSet(next);
        if (!next.onReplica()) {
            warn(next, cause);
        } else if (!before.onReplica()) {
            LOG.infof("Catalog reads are back on the read replica (%.1f s behind the primary)", next.lagSeconds());
        }
    }

    private void warn(Status next, SQLException cause) {
        Instant now = clock.instant();
        Instant last = lastWarning.get();
        if (Duration.between(last, now).compareTo(WARNING_INTERVAL) >= 0 && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Catalog reads go to the primary: %s%s", next.reason(), cause != null ? " (" + cause.getMessage()
                    + ")" : next.lagSeconds() != null ? String.format(java.util.Locale.ROOT,
                    " (%.1f s behind, at most %.1f s)", next.lagSeconds(), maxLag.toMillis() / 1000.0) : "");
        }
    }

    /** Connections of a replica that went away are broken: closed now (those in use when they come back). */
    private void flushReplica() {
        if (replica instanceof AgroalDataSource pool) {
            pool.flush(AgroalDataSource.FlushMode.ALL);
        }
    }

    /** A connection that broke (08) or whose server is shutting down (57P). */
    private static boolean isBroken(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** A hot standby cancels a query whose rows its replay must remove or lock ("conflict with recovery"). */
    private static boolean isRecoveryConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
}
