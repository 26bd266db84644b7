package io.atspro.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables that hold a user's rows, read from the live schema: every table with a {@code user_id} (or
 * better-auth's {@code "userId"}) column, plus {@code "user"} itself. A table added later is covered without
 * anyone remembering to list it.
 */
final class UserTables {

    /** A table and the column naming the owner. Partitions are left out: their parent covers them. */
    record OwnedTable(String table, String column) {

        String quotedTable() {
            return '"' + table.replace("\"", "\"\"") + '"';
        }

        String quotedColumn() {
            return '"' + column.replace("\"", "\"\"") + '"';
        }
    }

    private UserTables() {
    }

    static List<OwnedTable> of(Connection c) throws SQLException {
        List<OwnedTable> out = new ArrayList<>();
        out.add(new OwnedTable("user", "id"));
        try (PreparedStatement st = c.prepareStatement("""
                SELECT cls.relname, att.attname
                FROM pg_class cls
                JOIN pg_namespace ns ON ns.oid = cls.relnamespace
                JOIN pg_attribute att ON att.attrelid = cls.oid AND att.attnum > 0 AND NOT att.attisdropped
                WHERE ns.nspname = current_schema() AND cls.relkind IN ('r', 'p') AND NOT cls.relispartition
                  AND att.attname IN ('user_id', 'userId')
                ORDER BY cls.relname""")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new OwnedTable(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
