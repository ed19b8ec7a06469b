package id.loket.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JDBC connection that keeps its prepared statements, so an append does not parse the same SQL again on
 * every call. Not thread-safe: its owner guards it.
 */
final class CachedConnection implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    CachedConnection(Connection connection) {
        this.connection = connection;
    }

    /**
     * The prepared statement for {@code sql}, reused across calls. Its previous result set is closed when it
     * runs again, so callers close their result sets and never keep one across another use of the same SQL.
     */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Runs a statement without parameters or results (BEGIN, COMMIT, a PRAGMA that sets something). */
    void execute(String sql) throws SQLException {
        prepare(sql).execute();
    }

    Connection raw() {
        return connection;
    }

    /**
     * Drops every cached statement, after a failure. sqlite-jdbc finalizes a statement that fails with most
     * errors (a full disk, an I/O error) yet still reports it open, and the next use then fails with
     * "statement is not executing": so after any failure the statements are prepared afresh.
     */
    void forgetStatements(Exception failure) {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
        statements.clear();
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = chain(failure, e);
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            failure = chain(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static SQLException chain(SQLException first, SQLException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
