package io.vigie.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * PostgreSQL's own load generator, the raw-SQL peer: runs a custom script with N clients over
 * prepared statements, and reads every transaction's latency back from its {@code --log} files.
 */
final class PgBench {

  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
  private static final Pattern PROCESSED =
      Pattern.compile("number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

  private final Path executable;
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;

  PgBench(Path executable, String host, int port, String database, String user, String password) {
    this.executable = executable;
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** What one pgbench run measured. */
  record Result(
      String scenario,
      List<String> command,
      double tps,
      double averageLatencyMs,
      long transactions,
      long failed,
      Histogram latencyMicros) {

    double percentileMs(double percentile) {
      return latencyMicros.getTotalCount() == 0
          ? Double.NaN
          : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
      return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }
  }

  /**
   * The pgbench of the newest PostgreSQL under /usr/lib/postgresql (Debian's layout), or the one
   * named by {@code override}.
   */
  static Path locate(String override) throws IOException {
    if (override != null && !override.isBlank()) {
      Path path = Path.of(override);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException("pgbench not executable: " + path);
      }
      return path;
    }
    Path root = Path.of("/usr/lib/postgresql");
    Optional<Path> found = Optional.empty();
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        found =
            versions
                .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                .sorted(
                    Comparator.comparingInt(
                            (Path dir) -> Integer.parseInt(dir.getFileName().toString()))
                        .reversed())
                .map(dir -> dir.resolve("bin/pgbench"))
                .filter(Files::isExecutable)
                .findFirst();
      }
    }
    return found.orElseThrow(
        () ->
            new IllegalStateException(
                "pgbench not found under /usr/lib/postgresql/*/bin: install it with"
                    + " `apt-get install postgresql-client` (Debian ships pgbench in"
                    + " postgresql-client-<version>), or pass -Dvigie.bench.pgbench=/path/to/pgbench"));
  }

  String version() throws IOException, InterruptedException {
    return exec(List.of(executable.toString(), "--version")).trim();
  }

  /**
   * Runs {@code script} for {@code duration}.
   *
   * @param logDir where pgbench writes its per-transaction logs; null for no log (warm-up). Read
   *     them with {@link #withLoggedLatencies}; until then the result has no percentiles.
   */
  Result run(
      String scenario,
      Path script,
      int clients,
      int threads,
      Duration duration,
      Map<String, String> variables,
      Path logDir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "-h",
            host,
            "-p",
            Integer.toString(port),
            "-U",
            user,
            "-n",
            "-M",
            "prepared",
            "-c",
            Integer.toString(clients),
            "-j",
            Integer.toString(threads),
            "-T",
            Long.toString(duration.toSeconds()),
            "-f",
            script.toString()));
    variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
    if (logDir != null) {
      Files.createDirectories(logDir);
      try (Stream<Path> old = Files.list(logDir)) {
        for (Path file :
            old.filter(f -> f.getFileName().toString().startsWith(scenario + ".")).toList()) {
          Files.delete(file);
        }
      }
      command.addAll(List.of("--log", "--log-prefix=" + logDir.resolve(scenario)));
    }
    command.add(database);

    String output = exec(command);
    double tps = parseDouble(TPS, output, scenario);
    double latency = parseDouble(LATENCY, output, scenario);
    long processed = (long) parseDouble(PROCESSED, output, scenario);
    Matcher failedMatch = FAILED.matcher(output);
    long failed = failedMatch.find() ? Long.parseLong(failedMatch.group(1)) : 0;
    return new Result(
        scenario,
        shown(command),
        tps,
        latency,
        processed,
        failed,
        new Histogram(MAX_LATENCY_MICROS, 3));
  }

  /** Every transaction's latency, from the logs {@code run(..., logDir)} left; in place. */
  Result withLoggedLatencies(Result result, Path logDir) throws IOException {
    readLogs(logDir, result.scenario(), result.latencyMicros());
    return result;
  }

  /**
   * One line per transaction: {@code client_id transaction_no time script_no time_epoch time_us}
   * where {@code time} is the latency in microseconds ({@code failed} for a failed one).
   */
  private static void readLogs(Path logDir, String scenario, Histogram latencies)
      throws IOException {
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith(scenario + ".")).toList()) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
          lines.forEach(
              line -> {
                String[] fields = line.split(" ");
                if (fields.length >= 3 && fields[2].chars().allMatch(Character::isDigit)) {
                  latencies.recordValue(Math.min(Long.parseLong(fields[2]), MAX_LATENCY_MICROS));
                }
              });
        }
      }
    }
  }

  private String exec(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    if (status != 0) {
      throw new IllegalStateException(
          "pgbench exited with status " + status + ": " + shown(command) + "\n" + output);
    }
    return output;
  }

  private static double parseDouble(Pattern pattern, String output, String scenario) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException(
          "pgbench output of " + scenario + " has no " + pattern + ":\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }

  /** The command as a person would type it, long -D values elided. */
  private static List<String> shown(List<String> command) {
    return command.stream()
        .map(arg -> arg.length() > 80 ? arg.substring(0, 40) + "…" : arg)
        .toList();
  }
}
