package io.atspro.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One runner at a time across every replica, for periodic jobs: a PostgreSQL transaction-level advisory lock
 * named by the job. Take it inside the job's transaction; it is released when that transaction ends.
 */
public final class ClusterLock {

    private ClusterLock() {
    }

    /** True when this transaction now holds the job's lock; false when another replica is running the job. */
    public static boolean tryLock(Connection connection, String jobName) {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
            st.setString(1, "atspro.job." + jobName);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the cluster lock of " + jobName, e);
        }
    }
}
