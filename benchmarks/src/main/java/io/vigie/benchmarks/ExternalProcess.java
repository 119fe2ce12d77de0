package io.vigie.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer program (VictoriaMetrics, Prometheus) in its own process, its output in a log file.
 * Stopped by {@link #close()} and, should the benchmark die first, by a shutdown hook.
 */
final class ExternalProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final List<String> command;
  private final Thread shutdownHook;

  private ExternalProcess(Process process, Path log, List<String> command) {
    this.process = process;
    this.log = log;
    this.command = command;
    this.shutdownHook = new Thread(this::stop, "stop-peer-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static ExternalProcess start(List<String> command, Path workDir, Path log) throws IOException {
    if (!Files.isExecutable(Path.of(command.get(0)))) {
      throw new IllegalStateException(command.get(0) + " is missing (see benchmarks/README.md)");
    }
    Files.createDirectories(workDir);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new ExternalProcess(process, log, command);
  }

  List<String> command() {
    return command;
  }

  /** Polls {@code ready} until it answers 200; fails if the process exits first. */
  void awaitReady(URI ready, Duration timeout) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            command.get(0) + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(command.get(0) + " was not ready within " + timeout);
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
