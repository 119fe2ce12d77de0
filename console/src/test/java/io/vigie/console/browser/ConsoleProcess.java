package io.vigie.console.browser;

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
 * The console's packaged jar in its own JVM, on a port chosen before it starts: Keycloak must know
 * the console's address (its redirect URI) before anyone signs in. Like the test kit's
 * PackagedService otherwise (which picks its port itself).
 */
final class ConsoleProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private ConsoleProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static ConsoleProcess start(int port, Map<String, String> config) throws IOException {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: package the console first");
    }
    Path log = Path.of("target", "console.log").toAbsolutePath();
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
            .directory(Files.createDirectories(Path.of("target", "console-run")).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new ConsoleProcess(process, port, log);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void awaitReady(Duration within) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the console exited:\n" + Files.readString(log));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the console was not ready in " + within + ":\n" + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
