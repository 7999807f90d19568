package dev.tern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of Tern's tables from one migrated database into another, empty one ({@code tern migrate-h2}),
 * in one transaction of the target: all of it arrives or none. Tables and columns are read from the schema, so
 * tables that later migrations add are copied too; parents come before the tables that refer to them, ids are kept,
 * and each identity column then continues after the highest id copied.
 */
public final class StoreCopy {

    private static final int BATCH = 500;

    private StoreCopy() {}

    /**
     * Copies {@code from} into {@code to}, which must hold no row in any of Tern's tables.
     *
     * @return the rows copied per table, in the order they were copied
     * @throws StoreException when the target is not empty (naming what it holds) or a statement fails
     */
    public static Map<String, Long> copy(Database from, Database to) {
        return to.transaction(target -> from.read(source -> {
            List<String> tables = Schema.copyOrder(target);
            Map<String, Long> already = counts(target, tables);
            already.values().removeIf(count -> count == 0);
            if (!already.isEmpty()) {
                throw new StoreException(
                        "the target database is not empty (" + describe(already) + "): migrate-h2 copies into an"
                                + " empty database only; point --to at a new database",
                        null);
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : tables) {
                copied.put(table, copyTable(source, target, table));
            }
            for (String table : tables) {
                continueIdentities(target, table);
            }
            return copied;
        }));
    }

    /** Rows per table of Tern's tables in {@code db}, in copy order. */
    public static Map<String, Long> counts(Database db) {
        return db.read(c -> counts(c, Schema.copyOrder(c)));
    }

    /** "postings: 7, deliveries: 2" for a map of counts. */
    public static String describe(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((table, count) -> parts.add(table + ": " + count));
        return String.join(", ", parts);
    }

    private static Map<String, Long> counts(Connection c, List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(
                    table,
                    Jdbc.first(c, "counting " + table, "SELECT COUNT(*) FROM " + quoted(table), row -> row.getLong(1))
                            .orElse(0L));
        }
        return counts;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        List<String> columns = Schema.columns(target, table);
        String names = String.join(", ", columns.stream().map(StoreCopy::quoted).toList());
        String select = "SELECT " + names + " FROM " + quoted(table);
        String insert =
                "INSERT INTO " + quoted(table) + " (" + names + ") VALUES (" + Jdbc.placeholders(columns.size()) + ")";
        long rows = 0;
        try (Statement reader = source.createStatement();
                PreparedStatement writer = target.prepareStatement(insert)) {
            reader.setFetchSize(BATCH);
            try (ResultSet row = reader.executeQuery(select)) {
                ResultSetMetaData meta = row.getMetaData();
                while (row.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = row.getObject(i);
                        if (value == null) {
                            writer.setNull(i, meta.getColumnType(i));
                        } else {
                            writer.setObject(i, value);
                        }
                    }
                    writer.addBatch();
                    if (++rows % BATCH == 0) {
                        writer.executeBatch();
                    }
                }
            }
            writer.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("copying table " + table + " failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Makes each identity column of the table hand out ids after the highest one copied. */
    private static void continueIdentities(Connection target, String table) throws SQLException {
        for (String column : Schema.identityColumns(target, table)) {
            long next = Jdbc.first(
                            target,
                            "reading the highest " + table + "." + column,
                            "SELECT COALESCE(MAX(" + quoted(column) + "), 0) + 1 FROM " + quoted(table),
                            row -> row.getLong(1))
                    .orElse(1L);
            try (Statement statement = target.createStatement()) {
                statement.execute(
                        "ALTER TABLE " + quoted(table) + " ALTER COLUMN " + quoted(column) + " RESTART WITH " + next);
            }
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
