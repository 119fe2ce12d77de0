package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code wrk} as the HTTP load generator: a C program on epoll, N connections over a few
 * threads, closed loop (each connection sends its next request when the answer is in), HTTP/1.1
 * keep-alive, no pipelining. The requests come from {@code benchmarks/wrk/inventory.lua}, whose
 * {@code done()} hook prints the totals and latency percentiles on one line this class parses.
 */
final class WrkLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "vigie-wrk ";

  private final Path executable;
  private final Path script;
  private final Path logDir;

  WrkLoad(Path executable, Path script, Path logDir) {
    this.executable = executable;
    this.script = script;
    this.logDir = logDir;
  }

  /** {@code /usr/bin/wrk} or the one named by {@code override}; fails with how to install it. */
  static Path locate(String override) {
    Path path = Path.of(override == null || override.isBlank() ? "/usr/bin/wrk" : override);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          path
              + " not found: install Debian's wrk (apt-get install wrk), or pass"
              + " -Dvigie.bench.wrk=/path/to/wrk");
    }
    return path;
  }

  String version() {
    // wrk has no --version: its usage banner names it ("wrk debian/4.1.0-3+b2 [epoll] ...")
    try {
      Process process =
          new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
      String first =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElse("wrk");
      process.waitFor(10, TimeUnit.SECONDS);
      return first.replaceAll(" Copyright.*", "").trim();
    } catch (IOException e) {
      return "wrk (version unknown: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "wrk";
    }
  }

  /** What one wrk run measured; latencies in microseconds, as wrk records them. */
  record Result(
      String scenario,
      List<String> command,
      long requests,
      double seconds,
      long statusErrors,
      long socketErrors,
      double meanMicros,
      long p50Micros,
      long p90Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros) {

    /** Answers with a status below 400 (wrk counts 4xx and 5xx apart, inside the requests). */
    long ok() {
      return requests - statusErrors;
    }

    long errors() {
      return statusErrors + socketErrors;
    }

    double perSecond() {
      return ok() / seconds;
    }

    double percentileMs(double percentile) {
      long micros =
          percentile == 50
              ? p50Micros
              : percentile == 90
                  ? p90Micros
                  : percentile == 99 ? p99Micros : percentile == 99.9 ? p999Micros : -1;
      if (micros < 0) {
        throw new IllegalArgumentException("wrk's done() prints p50, p90, p99 and p99.9 only");
      }
      return requests == 0 ? Double.NaN : micros / 1000.0;
    }

    double meanMs() {
      return requests == 0 ? Double.NaN : meanMicros / 1000.0;
    }

    double maxMs() {
      return requests == 0 ? Double.NaN : maxMicros / 1000.0;
    }
  }

  /**
   * Runs wrk for {@code duration} against {@code url} with the script's {@code args} (after {@code
   * --}); the token goes through the environment. Its output is kept in {@code
   * <logDir>/<scenario>.log}.
   */
  Result run(
      String scenario,
      String url,
      int connections,
      int threads,
      Duration duration,
      String token,
      List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "-t",
            Integer.toString(threads),
            "-c",
            Integer.toString(connections),
            "-d",
            duration.toSeconds() + "s",
            "--timeout",
            "30s",
            "--latency",
            "-s",
            script.toString(),
            url,
            "--"));
    command.addAll(args);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(scenario.replaceAll("[^A-Za-z0-9-]+", "-") + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("VIGIE_BENCH_TOKEN", token);
    Process process = builder.start();
    try {
      if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("wrk did not finish: " + command + "; see " + log);
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    String output = Files.readString(log);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "wrk exited with status " + process.exitValue() + ": " + command + "\n" + output);
    }
    return parse(scenario, command, output);
  }

  static Result parse(String scenario, List<String> command, String output) throws IOException {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith(MARKER))
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "wrk printed no '" + MARKER + "' line (done() hook):\n" + output));
    JsonNode r = JSON.readTree(line.substring(MARKER.length()));
    return new Result(
        scenario,
        command,
        r.get("requests").asLong(),
        r.get("durationMicros").asLong() / 1e6,
        r.get("statusErrors").asLong(),
        r.get("connectErrors").asLong()
            + r.get("readErrors").asLong()
            + r.get("writeErrors").asLong()
            + r.get("timeouts").asLong(),
        r.get("meanMicros").asDouble(),
        r.get("p50Micros").asLong(),
        r.get("p90Micros").asLong(),
        r.get("p99Micros").asLong(),
        r.get("p999Micros").asLong(),
        r.get("maxMicros").asLong());
  }

  /** The command as a person would type it (the token is in the environment, not here). */
  static String shown(List<String> command, Map<String, String> replacements) {
    String joined = String.join(" ", command.stream().map(WrkLoad::quoted).toList());
    for (Map.Entry<String, String> e : replacements.entrySet()) {
      joined = joined.replace(e.getKey(), e.getValue());
    }
    return joined;
  }

  private static String quoted(String arg) {
    return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg + "'";
  }
}
