package io.atspro.privacy;

import io.atspro.shared.FieldCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Rewrites every encrypted column under the current key: values under an older key id, and plaintext left from
 * before encryption. Batches of rows keyed by id, each its own transaction with the rows locked
 * ({@code SKIP LOCKED}: a row in use is left for the next run); safe to run again, and on several replicas.
 */
@ApplicationScoped
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class);

    /** Every column that holds FieldCipher values (table, column), keyed by UUID id. Add new ones here. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"user_profiles", "phone"},
            new String[] {"browser_sessions", "cookies"},
            new String[] {"browser_sessions", "session_data"});

    private static final int BATCH = 200;

    private final DataSource dataSource;
    private final FieldCipher cipher;

    Reencryption(DataSource dataSource, FieldCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** Counts of rewritten values by {@code table.column}, plus the key id they are now under. */
    public Map<String, Object> reencryptAll() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("key_id", cipher.currentKeyId());
        int total = 0;
        for (String[] column : COLUMNS) {
            int count = reencrypt(column[0], column[1]);
            result.put(column[0] + "." + column[1], count);
            total += count;
        }
        result.put("total", total);
        LOG.infof("Re-encrypted %d values under key id %s", total, cipher.currentKeyId());
        return result;
    }

    private int reencrypt(String table, String column) {
        String notCurrent = FieldCipher.PREFIX + cipher.currentKeyId() + ":%";
        String select = "SELECT id, " + column + " FROM " + table + " WHERE id > ? AND " + column + " IS NOT NULL AND "
                + column + " NOT LIKE ? ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";
        String update = "UPDATE " + table + " SET " + column + " = ? WHERE id = ?";
        int total = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders UUIDs as unsigned bytes: this is the smallest
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> rewrite(select, update, from, notCurrent));
            total += batch.rewritten;
            if (batch.last == null) {
                return total;
            }
            after = batch.last;
        }
    }

    private record Batch(int rewritten, UUID last) {
    }

    private Batch rewrite(String select, String update, UUID after, String notCurrent) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement(select);
             PreparedStatement write = db.prepareStatement(update)) {
            query.setObject(1, after);
            query.setString(2, notCurrent);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    ids.add(id);
                    write.setString(1, cipher.reencrypt(rs.getString(2)));
                    write.setObject(2, id);
                    write.addBatch();
                }
            }
            if (ids.isEmpty()) {
                return new Batch(0, null);
            }
            write.executeBatch();
            return new Batch(ids.size(), ids.get(ids.size() - 1));
        } catch (SQLException e) {
            throw new IllegalStateException("Re-encryption of a batch failed", e);
        }
    }
}
