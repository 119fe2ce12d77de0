package io.vigie.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What every benchmark's {@code main} does around its run, and the HTTP client they share. */
final class Bench {

  /** A benchmark's run. */
  interface Body {
    void run() throws Exception;
  }

  private Bench() {}

  /** Quiets the embedded servers' logs, runs, reports a failure, and exits with its status. */
  static void main(Body body) {
    if (!Boolean.getBoolean("vigie.bench.verbose")) {
      // the embedded broker and PostgreSQL log every step at INFO: keep the console for results
      Logger.getLogger("").setLevel(Level.WARNING);
    }
    int status = 0;
    try {
      body.run();
    } catch (Exception | Error e) {
      System.err.println("[bench] FAILED: " + e);
      e.printStackTrace();
      status = 1;
    }
    // the embedded Kafka broker leaves non-daemon threads: exit explicitly (hooks stop everything)
    System.exit(status);
  }

  /**
   * Prints the report and writes it to {@code benchmarks/results/<name>-<UTC date of the
   * start>.md}; a run with any non-default parameter writes {@code <name>-<date>-custom.md}
   * instead, which is not meant to be committed.
   */
  static void writeResults(
      Path root, String name, Instant started, boolean defaults, String markdown)
      throws IOException {
    System.out.println();
    System.out.println(markdown);
    Path results = root.resolve("benchmarks/results");
    Files.createDirectories(results);
    Path file =
        results.resolve(
            name
                + "-"
                + LocalDate.ofInstant(started, ZoneOffset.UTC)
                + (defaults ? "" : "-custom")
                + ".md");
    Files.writeString(file, markdown);
    System.out.println("[bench] report written to " + root.relativize(file));
  }

  /** HTTP/1.1 (as Prometheus and most agents speak it), keep-alive, 5 s to connect. */
  static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
