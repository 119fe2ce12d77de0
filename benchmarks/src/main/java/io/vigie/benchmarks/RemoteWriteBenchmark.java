package io.vigie.benchmarks;

import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * remote_write ingest throughput: the same node_exporter-like load, one target after the other in
 * one run, against monitoring-service's /api/v1/write (its built jar, with the embedded PostgreSQL
 * and Kafka it needs to start), VictoriaMetrics and Prometheus with its remote-write receiver. See
 * benchmarks/README.md.
 */
public final class RemoteWriteBenchmark {

  private final RemoteWriteSettings settings;
  private final Path target;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private CpuMeter cpu;

  private RemoteWriteBenchmark(RemoteWriteSettings settings) {
    this.settings = settings;
    this.target = settings.root().resolve("benchmarks/target");
  }

  public static void main(String[] args) throws Exception {
    if (!Boolean.getBoolean("vigie.bench.verbose")) {
      Logger.getLogger("").setLevel(Level.WARNING);
    }
    int status = 0;
    try {
      new RemoteWriteBenchmark(RemoteWriteSettings.fromSystemProperties()).run();
    } catch (Exception | Error e) {
      System.err.println("[bench] FAILED: " + e);
      e.printStackTrace();
      status = 1;
    }
    // the embedded Kafka broker leaves non-daemon threads: exit explicitly (hooks stop everything)
    System.exit(status);
  }

  /** One target's run. */
  record TargetRun(
      String name,
      String version,
      List<String> command,
      RemoteWriteLoad.Result result,
      CpuMeter.Usage cpu,
      double ownSamples,
      double ownSeries) {}

  private void run() throws Exception {
    Instant started = Instant.now();
    RemoteWriteLoad.checkCompressible();
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    NodeExporterFleet fleet = new NodeExporterFleet(settings.hosts(), settings.seed());
    say(
        fleet.hostCount()
            + " hosts x "
            + fleet.seriesPerHost()
            + " series = "
            + fleet.seriesCount()
            + " series; "
            + settings.senders()
            + " senders, "
            + settings.minBatch()
            + "-"
            + settings.maxBatch()
            + " samples per request");
    cpu = CpuMeter.forPostgresOnPort(-1);
    List<TargetRun> runs = new ArrayList<>();
    for (String name : settings.targets()) {
      runs.add(
          switch (name.trim()) {
            case RemoteWriteSettings.MONITORING -> monitoringService(fleet);
            case RemoteWriteSettings.VICTORIA_METRICS -> victoriaMetrics(fleet);
            case RemoteWriteSettings.PROMETHEUS -> prometheus(fleet);
            default -> throw new IllegalArgumentException("unknown target " + name);
          });
    }

    String markdown =
        new RemoteWriteReport(
                settings,
                machine,
                loadBefore,
                Machine.loadAverage(),
                started,
                fleet,
                runs,
                gitRevision(settings.root()))
            .markdown();
    System.out.println();
    System.out.println(markdown);
    Path results = settings.root().resolve("benchmarks/results");
    Files.createDirectories(results);
    Path file =
        results.resolve(
            "remote-write-"
                + LocalDate.ofInstant(started, ZoneOffset.UTC)
                + (settings.isDefault() ? "" : "-custom")
                + ".md");
    Files.writeString(file, markdown);
    say("report written to " + settings.root().relativize(file));
  }

  private TargetRun monitoringService(NodeExporterFleet fleet) throws Exception {
    Path jar = settings.root().resolve("monitoring-service/target/quarkus-app/quarkus-run.jar");
    say("starting embedded PostgreSQL and Kafka for monitoring-service");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    new Database(pgPort).createDatabase("monitoring");
    cpu = CpuMeter.forPostgresOnPort(pgPort);
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + pgPort + "/monitoring");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/monitoring");
    env.put("QUARKUS_DATASOURCE_USERNAME", Database.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", Database.PASSWORD);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
    env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKeyBase64());
    env.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
    env.putAll(settings.serviceEnv());
    say(
        "starting monitoring-service on 127.0.0.1:"
            + port
            + " (log: target/monitoring-service.log)");
    try (ServiceProcess service =
        ServiceProcess.start(
            java,
            settings.serviceHeap(),
            jar,
            target.resolve("monitoring-service"),
            target.resolve("monitoring-service.log"),
            env)) {
      URI base = URI.create("http://127.0.0.1:" + port);
      service.awaitReady(base.resolve("/q/health/ready"), Duration.ofMinutes(3));
      return measure(
          RemoteWriteSettings.MONITORING,
          gitRevision(settings.root()),
          service.command(),
          base.resolve("/api/v1/write"),
          base.resolve("/q/metrics"),
          "vigie_monitoring_remote_write_samples_accepted_total",
          "vigie_monitoring_metric_head_series",
          fleet);
    }
  }

  private TargetRun victoriaMetrics(NodeExporterFleet fleet) throws Exception {
    int port = freePort();
    Path data = Files.createTempDirectory(target, "victoria-metrics-");
    List<String> command =
        List.of(
            "/usr/bin/victoria-metrics",
            "-storageDataPath",
            data.toString(),
            "-httpListenAddr",
            "127.0.0.1:" + port);
    say("starting VictoriaMetrics on 127.0.0.1:" + port);
    try (ExternalProcess vm =
        ExternalProcess.start(command, data, target.resolve("victoria-metrics.log"))) {
      URI base = URI.create("http://127.0.0.1:" + port);
      vm.awaitReady(base.resolve("/health"), Duration.ofMinutes(1));
      return measure(
          RemoteWriteSettings.VICTORIA_METRICS,
          // Debian's build prints no -version: ask the package manager
          Machine.exec(List.of("dpkg-query", "-W", "-f=${Version}", "victoria-metrics"))
              .map(v -> "Debian package " + v)
              .orElse("unknown"),
          command,
          base.resolve("/api/v1/write"),
          base.resolve("/metrics"),
          "vm_rows_inserted_total",
          "vm_new_timeseries_created_total",
          fleet);
    }
  }

  private TargetRun prometheus(NodeExporterFleet fleet) throws Exception {
    int port = freePort();
    Path dir = Files.createTempDirectory(target, "prometheus-");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1h\n");
    List<String> command =
        List.of(
            "/usr/bin/prometheus",
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--web.enable-remote-write-receiver");
    say("starting Prometheus (remote-write receiver) on 127.0.0.1:" + port);
    try (ExternalProcess prometheus =
        ExternalProcess.start(command, dir, target.resolve("prometheus.log"))) {
      URI base = URI.create("http://127.0.0.1:" + port);
      prometheus.awaitReady(base.resolve("/-/ready"), Duration.ofMinutes(1));
      return measure(
          RemoteWriteSettings.PROMETHEUS,
          Machine.exec(List.of("/usr/bin/prometheus", "--version"))
              .map(v -> v.lines().findFirst().orElse(v))
              .orElse("unknown"),
          command,
          base.resolve("/api/v1/write"),
          base.resolve("/metrics"),
          "prometheus_tsdb_head_samples_appended_total",
          "prometheus_tsdb_head_series",
          fleet);
    }
  }

  private TargetRun measure(
      String name,
      String version,
      List<String> command,
      URI write,
      URI metrics,
      String samplesMetric,
      String seriesMetric,
      NodeExporterFleet fleet)
      throws Exception {
    say(
        name
            + ": "
            + settings.warmup().toSeconds()
            + " s warm-up, then "
            + settings.duration().toSeconds()
            + " s measured");
    AtomicReference<CpuMeter.Sample> from = new AtomicReference<>();
    AtomicReference<CpuMeter.Sample> until = new AtomicReference<>();
    Thread meter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(settings.warmup());
                    from.set(cpu.sample());
                    Thread.sleep(settings.duration());
                    until.set(cpu.sample());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    RemoteWriteLoad.Result result =
        RemoteWriteLoad.run(
            client,
            write,
            TestTokens.agent(),
            fleet,
            settings.senders(),
            settings.minBatch(),
            settings.maxBatch(),
            settings.warmup(),
            settings.duration(),
            settings.seed());
    meter.join();
    CpuMeter.Usage usage = CpuMeter.between(from.get(), until.get());
    double ownSamples = scrape(metrics, samplesMetric);
    double ownSeries = scrape(metrics, seriesMetric);
    say(
        String.format(
            "  %.0f samples/s, %.1f req/s, p50 %.2f ms, p99 %.2f ms, %d x 429, %d errors %s;"
                + " target counted %.0f samples (sender: %d), %.0f series; CPU %% %s",
            result.samplesPerSecond(),
            result.requestsPerSecond(),
            result.percentileMs(50),
            result.percentileMs(99),
            result.overloaded(),
            result.errors(),
            result.statuses(),
            ownSamples,
            result.allSamples(),
            ownSeries,
            usage.summary()));
    if (result.sampleError() != null) {
      say("  first error: " + result.sampleError());
    }
    return new TargetRun(name, version, command, result, usage, ownSamples, ownSeries);
  }

  private static String gitRevision(Path root) {
    String head =
        Machine.exec(List.of("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"))
            .orElse("unknown");
    boolean dirty =
        Machine.exec(List.of("git", "-C", root.toString(), "status", "--porcelain"))
            .map(s -> !s.isBlank())
            .orElse(false);
    return dirty ? head + " with uncommitted changes" : head;
  }

  /** Sums one metric over its label sets in a Prometheus text exposition. */
  private double scrape(URI metrics, String name) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
    double sum = 0;
    for (String line : answer.body().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void say(String message) {
    System.out.println("[bench] " + message);
  }
}
