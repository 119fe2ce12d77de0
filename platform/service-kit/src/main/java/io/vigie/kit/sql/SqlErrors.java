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
