package io.vigie.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Vigie service as it is shipped: its {@code quarkus-run.jar} in its own JVM, configured by
 * system properties (the test kit's PostgreSQL database, Kafka broker and token key), on a free
 * port, its output appended to {@code target/<name>.log} of the module running the test. For tests
 * that need services together or a real process to kill (system-tests, the deploy module's live
 * metrics): the repository is {@code -Dvigie.repository} (default {@code ..}).
 */
public final class PackagedService implements AutoCloseable {

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private PackagedService(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code <repository>/<module>/target/quarkus-app/quarkus-run.jar}; does not wait. */
  public static PackagedService start(String module, Map<String, String> config)
      throws IOException {
    Path repository = Path.of(System.getProperty("vigie.repository", "..")).toAbsolutePath();
    Path jar = repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package " + module + " first (./mvnw -pl <this module> -am verify)");
    }
    int port = freePort();
    Path log = Files.createDirectories(Path.of("target")).resolve(module + ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-jar");
    command.add(jar.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(Files.createDirectories(Path.of("target", module)).toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new PackagedService(module, port, log, process);
  }

  /** Waits until {@code /q/health/ready} answers 200, or fails with the service's log. */
  public PackagedService awaitReady(Duration ready) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + ready.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
      }
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        name + " was not ready in " + ready + ":\n" + Files.readString(log));
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /**
   * Kills the JVM at once (SIGKILL): no shutdown hook, no graceful stop, as when the host loses
   * power or the kernel's OOM killer strikes. For crash tests; {@link #close} is the polite stop.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The service's output so far (its log file), for a failing assertion's message. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Stops the JVM (SIGTERM, then SIGKILL after 10 s). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
