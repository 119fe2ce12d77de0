package io.vigie.benchmarks;

import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * remote_write ingest throughput: the same node_exporter-like load, one target after the other in
 * one run, against monitoring-service's /api/v1/write (its built jar, with the embedded PostgreSQL
 * and Kafka it needs to start), VictoriaMetrics and Prometheus with its remote-write receiver. See
 * benchmarks/README.md.
 */
public final class RemoteWriteBenchmark {

  /** How often the head's progress is read while the load runs. */
  static final Duration HEAD_WATCH_STEP = Duration.ofSeconds(5);

  /** How long, after the load, the head may take to hold every answered sample. */
  static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

  private final RemoteWriteSettings settings;
  private final Path target;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final HttpClient client = Bench.httpClient();
  private CpuMeter cpu;

  private RemoteWriteBenchmark(RemoteWriteSettings settings) {
    this.settings = settings;
    this.target = settings.root().resolve("benchmarks/target");
  }

  public static void main(String[] args) {
    Bench.main(() -> new RemoteWriteBenchmark(RemoteWriteSettings.fromSystemProperties()).run());
  }

  /**
   * One target's run.
   *
   * @param calm how quiet the machine was when the target started
   * @param rules monitoring-service only: what its rule engine did during the run (else null)
   * @param head monitoring-service only: its metric head behind the 204s, through Kafka (else null)
   */
  record TargetRun(
      String name,
      String version,
      List<String> command,
      RemoteWriteLoad.Result result,
      CpuMeter.Usage cpu,
      double ownSamples,
      double ownSeries,
      Machine.Calm calm,
      MonitoringService.RuleWork rules,
      HeadWatch.Progress head) {}

  private void run() throws Exception {
    Instant started = Instant.now();
    RemoteWriteLoad.checkCompressible();
    MonitoringService.checkBrokerCompression();
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
                Machine.revision(settings.root()))
            .markdown();
    Bench.writeResults(settings.root(), "remote-write", started, settings.isDefault(), markdown);
  }

  private TargetRun monitoringService(NodeExporterFleet fleet) throws Exception {
    say("starting embedded PostgreSQL and Kafka for monitoring-service");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    cpu = CpuMeter.forPostgresOnPort(pgPort);
    Machine.Calm calm = Machine.awaitCalm(RemoteWriteSettings.MONITORING);
    try (MonitoringService service =
        MonitoringService.start(
            settings.root(),
            settings.serviceHeap(),
            pgPort,
            "monitoring",
            kafka,
            target.resolve("monitoring-service"),
            target.resolve("monitoring-service.log"),
            settings.serviceEnv())) {
      TargetRun run =
          measure(
              RemoteWriteSettings.MONITORING,
              Machine.revision(settings.root()),
              service.command(),
              service.uri("/api/v1/write"),
              service.uri("/q/metrics"),
              "vigie_monitoring_remote_write_samples_accepted_total",
              "vigie_monitoring_metric_head_series",
              fleet,
              calm,
              true);
      MonitoringService.RuleWork rules = service.ruleWork(client, TestTokens.engineer());
      say("  rules: " + rules.describe());
      if (settings.isDefault()
          && (rules.packInstalled() == null || rules.evaluation().count() == 0)) {
        // a result to commit must show the service as in production: the rule pack on
        throw new IllegalStateException(
            "The default rule pack was not installed or never evaluated: " + rules.describe());
      }
      return new TargetRun(
          run.name(),
          run.version(),
          run.command(),
          run.result(),
          run.cpu(),
          run.ownSamples(),
          run.ownSeries(),
          calm,
          rules,
          run.head());
    }
  }

  private TargetRun victoriaMetrics(NodeExporterFleet fleet) throws Exception {
    int port = Machine.freePort();
    Path data = Files.createTempDirectory(target, "victoria-metrics-");
    List<String> command =
        List.of(
            "/usr/bin/victoria-metrics",
            "-storageDataPath",
            data.toString(),
            "-httpListenAddr",
            "127.0.0.1:" + port);
    Machine.Calm calm = Machine.awaitCalm(RemoteWriteSettings.VICTORIA_METRICS);
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
          fleet,
          calm,
          false);
    }
  }

  private TargetRun prometheus(NodeExporterFleet fleet) throws Exception {
    int port = Machine.freePort();
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
    Machine.Calm calm = Machine.awaitCalm(RemoteWriteSettings.PROMETHEUS);
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
          fleet,
          calm,
          false);
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
      NodeExporterFleet fleet,
      Machine.Calm calm,
      boolean watchHead)
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
    RemoteWriteLoad.Running load =
        RemoteWriteLoad.start(
            client,
            write,
            TestTokens.agent(),
            fleet,
            settings.senders(),
            settings.minBatch(),
            settings.maxBatch(),
            0, // closed loop: as fast as the target answers
            settings.warmup(),
            settings.duration(),
            settings.seed());
    HeadWatch watch =
        watchHead ? HeadWatch.start(client, metrics, load::answered, HEAD_WATCH_STEP) : null;
    RemoteWriteLoad.Result result = load.await();
    HeadWatch.Progress head = watch == null ? null : watch.finish(DRAIN_LIMIT);
    meter.join();
    CpuMeter.Usage usage = CpuMeter.between(from.get(), until.get());
    ScrapedMetrics own = ScrapedMetrics.scrape(client, metrics);
    double ownSamples = own.sum(samplesMetric);
    double ownSeries = own.sum(seriesMetric);
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
    if (head != null) {
      say("  " + head.describe());
    }
    return new TargetRun(
        name, version, command, result, usage, ownSamples, ownSeries, calm, null, head);
  }

  private static void say(String message) {
    System.out.println("[bench] " + message);
  }
}
