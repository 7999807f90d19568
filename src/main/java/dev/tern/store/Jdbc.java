package dev.tern.store;

import dev.tern.config.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The few JDBC moves the stores make, each wrapping {@link SQLException} in a {@link StoreException} that names
 * the operation. Instants are written as UTC {@link OffsetDateTime}s, which H2 and PostgreSQL drivers both take.
 */
final class Jdbc {

    private static final int FETCH_SIZE = 500;

    private Jdbc() {}

    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static int update(Connection connection, String operation, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Runs one statement once per parameter list, as a JDBC batch. */
    static void batch(Connection connection, String operation, String sql, List<Object[]> parameterLists) {
        if (parameterLists.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : parameterLists) {
                bind(statement, parameters);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    static <T> List<T> list(
            Connection connection, String operation, String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Runs an INSERT and returns the generated {@code id}. */
    static long insert(Connection connection, String operation, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id was generated");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Hands each row to {@code action} as it is read, without holding them all. */
    static <T> void forEach(
            Connection connection,
            String operation,
            String sql,
            RowMapper<T> mapper,
            Consumer<T> action,
            Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(mapper.map(rows));
                }
            }
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    static <T> Optional<T> first(
            Connection connection, String operation, String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(connection, operation, sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static int count(Connection connection, String operation, String sql, Object... parameters) {
        return first(connection, operation, sql, row -> row.getInt(1), parameters)
                .orElse(0);
    }

    /** {@code " AND column NOT IN (?, ...)"} with one placeholder per value, or "" when there are none. */
    static String andNotIn(String column, Collection<?> values) {
        return values.isEmpty() ? "" : " AND " + column + " NOT IN (" + placeholders(values.size()) + ")";
    }

    /** {@code "?, ?, ?"}: {@code count} placeholders for an IN list or a VALUES row. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static Boolean nullableBoolean(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    /**
     * The failure of {@code operation}, its text with any URL cut to scheme and host: a statement about a webhook
     * target names its URL, and the database may quote it back, while the URL's path is its secret.
     */
    static StoreException failed(String operation, SQLException e) {
        String message = Target.hideUrls(operation + " failed: " + e.getMessage());
        if (e.getMessage() == null || !e.getMessage().contains("://")) {
            return new StoreException(message, e);
        }
        // a logged stack trace prints its causes' messages too
        SQLException hidden = new SQLException(Target.hideUrls(e.getMessage()), e.getSQLState(), e.getErrorCode());
        hidden.setStackTrace(e.getStackTrace());
        return new StoreException(message, hidden);
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
