package io.vigie.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SQL a service actually sends, seen from PostgreSQL: polls {@code pg_stat_activity} on one
 * connection of its own (every 20 ms, during an unmeasured warm-up) and counts, per distinct
 * statement text, how often a busy connection (running it, or in a transaction after it) showed it;
 * idle connections, whose text is whatever they ran last, are left out. The report shows these
 * beside the pgbench script meant to be the same SQL.
 */
final class StatementSampler implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 20;

  private final Connection connection;
  private final Map<String, Long> seen = new TreeMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile SQLException failure;

  private StatementSampler(Connection connection) {
    this.connection = connection;
    this.thread = Thread.ofPlatform().daemon().name("statement-sampler").start(this::poll);
  }

  static StatementSampler start(String jdbcUrl) throws SQLException {
    return new StatementSampler(
        DriverManager.getConnection(jdbcUrl, Database.USER, Database.PASSWORD));
  }

  private void poll() {
    try (PreparedStatement query =
            connection.prepareStatement(
                "select query from pg_stat_activity where datname = current_database()"
                    + " and backend_type = 'client backend' and pid <> pg_backend_pid()"
                    + " and query_start >= ?::timestamptz and query <> ''");
        Statement clock = connection.createStatement();
        ResultSet now = clock.executeQuery("select clock_timestamp()::text")) {
      now.next();
      query.setString(1, now.getString(1));
      while (running.get()) {
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            seen.merge(rows.getString(1).strip().replaceAll("\\s+", " "), 1L, Long::sum);
          }
        }
        Thread.sleep(INTERVAL_MILLIS);
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops polling; the statements seen, most often first. */
  Map<String, Long> stop() throws InterruptedException, SQLException {
    running.set(false);
    thread.join();
    if (failure != null) {
      throw failure;
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    seen.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  @Override
  public void close() throws SQLException {
    running.set(false);
    connection.close();
  }
}
