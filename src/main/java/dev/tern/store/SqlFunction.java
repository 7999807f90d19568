package dev.tern.store;

import java.sql.SQLException;

/**
 * Work done with a JDBC connection inside {@link Database#transaction} or {@link Database#read}.
 *
 * @param <A> what the work takes (a {@link java.sql.Connection})
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlFunction<A, T> {

    T apply(A argument) throws SQLException;
}
