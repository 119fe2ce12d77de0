package io.vigie.kit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is not there right now" rather than "this work is wrong". */
class SqlErrorsTest {

  private static PgException state(String sqlState) {
    return new PgException("from the server", "FATAL", sqlState, null);
  }

  @Test
  void anUnreachableOrRestartingDatabaseIsUnavailable() {
    assertThat(SqlErrors.isUnavailable(new CompletionException(new ConnectException("refused"))))
        .isTrue();
    assertThat(SqlErrors.isUnavailable(io.vertx.sqlclient.ClosedConnectionException.INSTANCE))
        .isTrue();
    // terminating connection due to administrator command; the database system is starting up
    assertThat(SqlErrors.isUnavailable(new RuntimeException(state("57P01")))).isTrue();
    assertThat(SqlErrors.isUnavailable(state("57P03"))).isTrue();
    assertThat(SqlErrors.isUnavailable(state("08006"))).isTrue();
    assertThat(SqlErrors.isUnavailable(state("53300"))).isTrue();
    assertThat(SqlErrors.isUnavailable(state("40001"))).isTrue();
    assertThat(SqlErrors.isUnavailable(state("40P01"))).isTrue();
  }

  @Test
  void aFailureOfTheWorkItselfIsNot() {
    assertThat(SqlErrors.isUnavailable(state(SqlErrors.UNIQUE_VIOLATION))).isFalse();
    assertThat(SqlErrors.isUnavailable(state("42P01"))).isFalse(); // undefined table
    assertThat(SqlErrors.isUnavailable(new IllegalStateException("no ce_id header"))).isFalse();
    assertThat(SqlErrors.isUnavailable(null)).isFalse();
  }
}
