package io.vigie.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky embedded binaries), started once per test JVM and stopped when
 * the JVM exits. Use with {@code @QuarkusTestResource(value = PostgresResource.class,
 * restrictToAnnotatedClass = false)} or through {@link WithVigieInfrastructure}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedPostgres postgres;
  private static File dataDirectory;
  private static int port;

  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      File workDir = new File("target/embedded-pg");
      workDir.mkdirs();
      dataDirectory = new File(workDir, "data-" + java.util.UUID.randomUUID());
      postgres = launch(0);
      port = postgres.getPort();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      synchronized (PostgresResource.class) {
                        if (postgres != null) {
                          postgres.close();
                        }
                      }
                      deleteTree(dataDirectory.toPath());
                    } catch (IOException ignored) {
                      // the JVM is exiting; nothing left to tell
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return postgres;
  }

  /**
   * Stops the server, as a failover or a restart of the database does: every connection is closed
   * and new ones are refused until {@link #restart()}. The data stays.
   */
  public static synchronized void stopServer() {
    server();
    try {
      postgres.close();
      postgres = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
    }
  }

  /** Starts the server stopped by {@link #stopServer()} again, on the same port and data. */
  public static synchronized void restart() {
    if (postgres == null) {
      postgres = launch(port);
    }
  }

  private static EmbeddedPostgres launch(int onPort) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(dataDirectory.getParentFile())
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "off");
      if (onPort > 0) {
        builder.setPort(onPort);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  private static void deleteTree(java.nio.file.Path root) throws IOException {
    if (!java.nio.file.Files.exists(root)) {
      return;
    }
    try (var paths = java.nio.file.Files.walk(root)) {
      for (java.nio.file.Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(path);
      }
    }
  }

  @Override
  public Map<String, String> start() {
    int port = server().getPort();
    return Map.of(
        "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres",
        "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "postgres",
        "quarkus.flyway.migrate-at-start", "true");
  }

  @Override
  public void stop() {
    // shared by every test class of the JVM; the shutdown hook stops it
  }
}
