package io.vigie.kit.sql;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/** Recognises PostgreSQL errors by SQLSTATE anywhere in a cause chain. */
public final class SqlErrors {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";

  private SqlErrors() {}

  public static boolean isUniqueViolation(Throwable failure) {
    return hasState(failure, UNIQUE_VIOLATION);
  }

  /**
   * Whether {@code failure} says the database could not be reached or asked to be tried again: no
   * connection (refused, closed, timed out), SQLSTATE class 08 (connection exception) or 57P (shut
   * down, starting up), too many connections (53300), a serialization failure (40001) or a deadlock
   * (40P01). Such a failure is about the database's state, not the request: the same work succeeds
   * once it answers again.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof java.nio.channels.ClosedChannelException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
      String state =
          t instanceof PgException pg
              ? pg.getSqlState()
              : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
      if (state != null
          && (state.startsWith("08")
              || state.startsWith("57P")
              || state.equals("53300")
              || state.equals("40001")
              || state.equals("40P01"))) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isUnavailable(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  public static boolean hasState(Throwable failure, String sqlState) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
        return true;
      }
      // Hibernate Reactive reports constraint failures as JDBCExceptions carrying the SQLSTATE
      if (t instanceof JDBCException jdbc && sqlState.equals(jdbc.getSQLState())) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (hasState(suppressed, sqlState)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
