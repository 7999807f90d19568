package dev.tern.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Flyway made of Tern's schema, read from the standard {@code information_schema} and JDBC metadata that H2
 * and PostgreSQL both offer: its tables, their columns and identity columns, and the order that keeps foreign keys
 * satisfied while rows are copied.
 */
final class Schema {

    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    /** The prefix of Quartz's job store tables. */
    private static final String QUARTZ_PREFIX = "qrtz_";

    private Schema() {}

    /** Tern's tables of the connection's schema, each after the tables it refers to (then by name). */
    static List<String> copyOrder(Connection c) throws SQLException {
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' AND table_name <> ? ORDER BY table_name";
        // Quartz's tables (PostgreSQL only) hold the running cluster's schedule, not Tern's data: never copied
        List<String> tables =
                Jdbc.list(c, "listing tables", sql, row -> row.getString(1), c.getSchema(), FLYWAY_HISTORY).stream()
                        .filter(t -> !t.startsWith(QUARTZ_PREFIX))
                        .toList();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String table : tables) {
            Set<String> referenced = new LinkedHashSet<>();
            try (ResultSet keys = meta.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
                while (keys.next()) {
                    referenced.add(keys.getString("PKTABLE_NAME"));
                }
            }
            referenced.remove(table);
            referenced.retainAll(tables);
            parents.put(table, referenced);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            String next = tables.stream()
                    .filter(t -> !ordered.contains(t) && ordered.containsAll(parents.get(t)))
                    .findFirst()
                    .orElseThrow(() -> new StoreException("the tables' foreign keys form a cycle: " + parents, null));
            ordered.add(next);
        }
        return ordered;
    }

    /** The table's columns, in their order. */
    static List<String> columns(Connection c, String table) throws SQLException {
        String sql = "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " ORDER BY ordinal_position";
        return Jdbc.list(c, "listing columns of " + table, sql, row -> row.getString(1), c.getSchema(), table);
    }

    /** The table's identity columns ({@code GENERATED ... AS IDENTITY}). */
    static List<String> identityColumns(Connection c, String table) throws SQLException {
        String sql = "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " AND is_identity = 'YES' ORDER BY ordinal_position";
        return Jdbc.list(c, "listing identity columns of " + table, sql, row -> row.getString(1), c.getSchema(), table);
    }
}
