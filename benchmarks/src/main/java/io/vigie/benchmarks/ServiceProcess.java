package io.vigie.benchmarks;

import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Quarkus service in its own JVM, as in production: {@code java -Xmx.. -jar quarkus-run.jar},
 * configured only through the environment, its output in a log file. Stopped by {@link #close()}
 * and, should the benchmark die first, by a shutdown hook.
 */
final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final List<String> command;
  private final Thread shutdownHook;

  private ServiceProcess(Process process, Path log, List<String> command) {
    this.process = process;
    this.log = log;
    this.command = command;
    this.shutdownHook = new Thread(this::stop, "stop-service-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static ServiceProcess start(
      Path java, String heap, Path jar, Path workDir, Path log, Map<String, String> env)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: build it with ./mvnw -q package -pl <service> -DskipTests"
              + " (the benchmark's run script does)");
    }
    Files.createDirectories(workDir);
    Files.createDirectories(log.getParent());
    List<String> command = List.of(java.toString(), "-Xmx" + heap, "-jar", jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new ServiceProcess(builder.start(), log, command);
  }

  /**
   * A Vigie service's environment as in production, pointed at the test kit's embedded servers:
   * HTTP on 127.0.0.1:{@code httpPort}, its database on the embedded PostgreSQL, the embedded Kafka
   * broker, and OIDC with the test kit's public key (no auth server), so its signed tokens pass.
   */
  static Map<String, String> environment(
      int httpPort, int postgresPort, String database, String kafka) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put(
        "QUARKUS_DATASOURCE_REACTIVE_URL",
        "postgresql://127.0.0.1:" + postgresPort + "/" + database);
    env.put("QUARKUS_DATASOURCE_JDBC_URL", new Database(postgresPort).jdbcUrl(database));
    env.put("QUARKUS_DATASOURCE_USERNAME", Database.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", Database.PASSWORD);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
    env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKeyBase64());
    env.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
    return env;
  }

  List<String> command() {
    return command;
  }

  long pid() {
    return process.pid();
  }

  /** Polls the readiness endpoint until it answers 200; fails if the process exits first. */
  void awaitReady(URI ready, Duration timeout) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The service exited with status " + process.exitValue() + ":\n" + tail(40));
      }
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "The service was not ready within " + timeout + " (" + last + "):\n" + tail(40));
  }

  /** The last lines of the service's log, for error messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing to remove
    }
  }

  /** SIGTERM (graceful Quarkus shutdown), then SIGKILL after 20 s; children included. */
  private void stop() {
    List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
