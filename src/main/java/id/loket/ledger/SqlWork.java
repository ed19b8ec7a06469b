package id.loket.ledger;

import java.sql.SQLException;

/** A piece of JDBC work on one connection; lets the connection holders translate SQL failures in one place. */
@FunctionalInterface
interface SqlWork<T> {

    T run(CachedConnection connection) throws SQLException;
}
