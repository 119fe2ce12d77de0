package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * monitoring-service's built jar started as in production, in its own JVM and configured through
 * the environment only: HTTP on 127.0.0.1, a database of its own on the test kit's embedded
 * PostgreSQL, the embedded Kafka broker, OIDC with the test kit's public key. Ready once {@code
 * /q/health/ready} answers 200; stopped by {@link #close()}.
 */
final class MonitoringService implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEFAULT_PACK =
      Pattern.compile("Installed (\\d+) rules of the default rule pack");

  private final ServiceProcess process;
  private final URI base;
  private final Path log;

  private MonitoringService(ServiceProcess process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Creates {@code database} on the embedded server, starts the service against it and waits until
   * it is ready; {@code extraEnv} comes last, so it may override any setting.
   */
  static MonitoringService start(
      Path root,
      String heap,
      int postgresPort,
      String database,
      String kafka,
      Path workDir,
      Path log,
      Map<String, String> extraEnv)
      throws Exception {
    new Database(postgresPort).createDatabase(database);
    int port = Machine.freePort();
    Map<String, String> env = ServiceProcess.environment(port, postgresPort, database, kafka);
    env.putAll(extraEnv);
    System.out.println(
        "[bench] starting monitoring-service on 127.0.0.1:"
            + port
            + " (log: "
            + root.relativize(log)
            + ")");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ServiceProcess process = ServiceProcess.start(java, heap, jar(root), workDir, log, env);
    URI base = URI.create("http://127.0.0.1:" + port);
    try {
      process.awaitReady(base.resolve("/q/health/ready"), Duration.ofMinutes(3));
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
    return new MonitoringService(process, base, log);
  }

  /**
   * Fails unless this JVM, which hosts the embedded Kafka broker, can read lz4 record batches: the
   * service's producer compresses the samples with lz4 by default, and a broker without lz4-java
   * answers every such write with an error (the service's 503).
   */
  static void checkBrokerCompression() {
    try {
      Class.forName("net.jpountz.lz4.LZ4Factory");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "lz4-java is not on the benchmark's classpath: the embedded broker could not read the"
              + " service's lz4-compressed samples (rebuild without --no-build)",
          e);
    }
  }

  static Path jar(Path root) {
    return root.resolve("monitoring-service/target/quarkus-app/quarkus-run.jar");
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  List<String> command() {
    return process.command();
  }

  /** How many rules the default rule pack installed at startup, as the service logged it. */
  Optional<Integer> defaultPackInstalled() throws IOException {
    Matcher m = DEFAULT_PACK.matcher(Files.readString(log));
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The log's lines at any of {@code levels} ({@code ERROR}, {@code WARN}...), for the report. */
  List<String> logLines(String... levels) throws IOException {
    return Files.readAllLines(log).stream()
        .filter(
            line -> List.of(levels).stream().anyMatch(level -> line.contains(" " + level + " ")))
        .toList();
  }

  /**
   * What the rule engine did since the service started: the default rule pack it installed, the
   * METRIC rules enabled now, its evaluation timer, and how many rule results named no monitored
   * server (series of hosts the inventory does not know).
   */
  record RuleWork(
      Integer packInstalled,
      long enabledMetricRules,
      ScrapedMetrics.Timer evaluation,
      double unattributed) {

    /** One line for a report. */
    String describe() {
      return (packInstalled == null
              ? "no default-pack installation in the log"
              : "default rule pack installed at startup (" + packInstalled + " rules)")
          + "; "
          + enabledMetricRules
          + " METRIC rules enabled; evaluations: "
          + evaluation.describe("evaluations")
          + String.format(Locale.ROOT, "; %.0f results on unknown hosts", unattributed);
    }
  }

  /** Reads {@link RuleWork} from the log, the rules API and /q/metrics. */
  RuleWork ruleWork(HttpClient http, String staffToken) throws Exception {
    HttpResponse<String> rules =
        http.send(
            HttpRequest.newBuilder(
                    uri("/api/v1/alert-rules?kind=METRIC&enabled=true&size=1&total=true"))
                .header("Authorization", "Bearer " + staffToken)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (rules.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /api/v1/alert-rules answered " + rules.statusCode() + ": " + rules.body());
    }
    ScrapedMetrics metrics = ScrapedMetrics.scrape(http, uri("/q/metrics"));
    return new RuleWork(
        defaultPackInstalled().orElse(null),
        JSON.readTree(rules.body()).path("total").asLong(),
        metrics.timer("vigie_monitoring_rules_evaluation_seconds"),
        metrics.sum("vigie_monitoring_rules_unattributed_total"));
  }

  @Override
  public void close() {
    process.close();
  }
}
