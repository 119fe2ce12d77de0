package io.vigie.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** JDBC chores on the embedded server: create the database, count rows, vacuum, sample a row. */
final class Database {

  static final String USER = "postgres";
  static final String PASSWORD = "postgres";

  private final int port;

  Database(int port) {
    this.port = port;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  void createDatabase(String name) throws SQLException {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
  }

  /** Version and the settings that matter for these numbers, as the server reports them. */
  String describeServer() throws SQLException {
    Map<String, String> row =
        firstRow(
            "postgres",
            "select current_setting('server_version') as version,"
                + " current_setting('fsync') as fsync,"
                + " current_setting('synchronous_commit') as synchronous_commit,"
                + " current_setting('shared_buffers') as shared_buffers,"
                + " current_setting('max_connections') as max_connections");
    return row.get("version")
        + " (fsync="
        + row.get("fsync")
        + ", synchronous_commit="
        + row.get("synchronous_commit")
        + ", shared_buffers="
        + row.get("shared_buffers")
        + ", max_connections="
        + row.get("max_connections")
        + ")";
  }

  long count(String database, String sql) throws SQLException {
    return Long.parseLong(queryString(database, sql));
  }

  /** Fresh visibility map and statistics, so both sides read the same well-kept table. */
  void vacuumAnalyze(String database) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("vacuum analyze");
    }
  }

  /** The first row of {@code sql}, column name to text value. */
  Map<String, String> firstRow(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new IllegalStateException("No row for " + sql);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        row.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
      }
      return row;
    }
  }

  private String queryString(String database, String sql) throws SQLException {
    return firstRow(database, sql).values().iterator().next();
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
  }
}
