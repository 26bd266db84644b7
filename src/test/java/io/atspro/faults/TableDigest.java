package io.atspro.faults;

import io.atspro.testing.Db;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An md5 of every row of every table of the schema, table by table, to show that requests changed nothing. */
final class TableDigest {

    private TableDigest() {
    }

    /** Digests of every table (partitions are read through their parent) except {@code excluded}. */
    static Map<String, String> of(Set<String> excluded) {
        Map<String, String> digests = new TreeMap<>();
        try (Connection db = Db.connection(); Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    SELECT cls.relname FROM pg_class cls JOIN pg_namespace ns ON ns.oid = cls.relnamespace
                    WHERE ns.nspname = current_schema() AND cls.relkind IN ('r', 'p') AND NOT cls.relispartition
                    ORDER BY cls.relname""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (excluded.contains(table)) {
                    continue;
                }
                String quoted = '"' + table.replace("\"", "\"\"") + '"';
                try (ResultSet rs = sql.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "ORDER BY t::text)), '') FROM " + quoted + " t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }
}
