package io.atspro.privacy;

import io.atspro.identity.AccountEraser;
import io.atspro.identity.UserErased;
import io.atspro.shared.RedisGuard;
import io.atspro.storage.ObjectStorage;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The right to be forgotten: every row the user owns in every table (found from the live schema), every S3
 * object under the user's prefix, every Redis key naming the user or their identity, and the account link.
 * The next request with the same token starts a fresh, empty user.
 */
@ApplicationScoped
public class ErasureService implements AccountEraser {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final DataSource dataSource;
    private final ObjectStorage storage;
    private final RedisDataSource redis;
    private final RedisGuard guard;
    private final Event<UserErased> erased;

    ErasureService(DataSource dataSource, ObjectStorage storage, RedisDataSource redis, RedisGuard guard,
            Event<UserErased> erased) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.redis = redis;
        this.guard = guard;
        this.erased = erased;
    }

    /** Deletes the rows in one transaction; files and cache keys after it commits (a retry finds them again). */
    @Override
    public Report erase(String userId) {
        Rows rows = deleteRows(userId);
        int objects = 0;
        for (String key : storage.keys(ObjectStorage.userPrefix(userId))) {
            storage.delete(key);
            objects++;
        }
        int keys = 0;
        for (String pattern : rows.redisPatterns()) {
            keys += guard.call(() -> deleteKeys(pattern), 0);
        }
        LOG.infof("Erased user %s: %d rows in %d tables, %d objects, %d Redis keys", userId,
                rows.counts().values().stream().mapToInt(Integer::intValue).sum(), rows.counts().size(), objects, keys);
        return new Report(rows.counts(), objects, keys);
    }

    record Rows(Map<String, Integer> counts, List<String> redisPatterns) {
    }

    @Transactional
    Rows deleteRows(String userId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        patterns.add("*" + glob(userId) + "*");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT \"accountId\", \"providerId\" FROM account WHERE \"userId\" = ?")) {
                st.setString(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        // the rate limiter and other per-identity keys name the provider's subject
                        patterns.add("*" + glob(rs.getString(2)) + ":" + glob(rs.getString(1)) + "*");
                    }
                }
            }
            String email = null;
            try (PreparedStatement st = c.prepareStatement("SELECT email FROM \"user\" WHERE id = ?")) {
                st.setString(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        email = rs.getString(1);
                    }
                }
            }
            List<UserTables.OwnedTable> tables = UserTables.of(c);
            // children first: "user" last, so tables that reference it without a cascade go before it
            for (int i = tables.size() - 1; i >= 0; i--) {
                UserTables.OwnedTable t = tables.get(i);
                try (PreparedStatement st = c.prepareStatement(
                        "DELETE FROM " + t.quotedTable() + " WHERE " + t.quotedColumn() + " = ?")) {
                    st.setString(1, userId);
                    int n = st.executeUpdate();
                    if (n > 0) {
                        counts.merge(t.table(), n, Integer::sum);
                    }
                }
            }
            if (email != null) {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM verification WHERE identifier = ?")) {
                    st.setString(1, email);
                    int n = st.executeUpdate();
                    if (n > 0) {
                        counts.put("verification", n);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase user " + userId + ": " + e.getMessage(), e);
        }
        erased.fire(new UserErased(userId));
        return new Rows(counts, patterns);
    }

    private int deleteKeys(String pattern) {
        var keys = redis.key();
        var cursor = keys.scan(new KeyScanArgs().match(pattern).count(500));
        int deleted = 0;
        while (cursor.hasNext()) {
            List<String> batch = new ArrayList<>(cursor.next());
            if (!batch.isEmpty()) {
                deleted += keys.del(batch.toArray(String[]::new));
            }
        }
        return deleted;
    }

    private static String glob(String s) {
        return s.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
