package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active checks scheduler under load: N HTTP checks every T seconds against a local HTTP
 * target, run by monitoring-service in its own JVM; measures the achieved run rate against the
 * planned N/T and the scheduling lag percentiles from the service's own meters. See
 * benchmarks/README.md.
 */
public final class ActiveChecksBenchmark {

  static final String DATABASE = "monitoring";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "vigie.bench.";

  private final Settings settings;
  private final int checks = Integer.getInteger(PREFIX + "checks", 10_000);
  private final int intervalSeconds = Integer.getInteger(PREFIX + "checkIntervalSeconds", 30);
  private final int settleSeconds = Integer.getInteger(PREFIX + "settleSeconds", 40);
  private final int measureSeconds = Integer.getInteger(PREFIX + "measureSeconds", 120);
  private final int createConcurrency = Integer.getInteger(PREFIX + "createConcurrency", 16);
  private final Path target;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

  private ActiveChecksBenchmark(Settings settings) {
    this.settings = settings;
    this.target = settings.root().resolve("benchmarks/target");
  }

  public static void main(String[] args) {
    Bench.main(() -> new ActiveChecksBenchmark(Settings.fromSystemProperties()).run());
  }

  private boolean isDefault() {
    return checks == 10_000
        && intervalSeconds == 30
        && settleSeconds == 40
        && measureSeconds == 120
        && settings.serviceHeap().equals("512m")
        && settings.serviceEnv().isEmpty();
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();

    say("starting embedded PostgreSQL and Kafka");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    Database db = new Database(pgPort);
    String postgresVersion = db.describeServer();
    CpuMeter cpu = CpuMeter.forPostgresOnPort(pgPort);

    // the target: a small site in this JVM, one answer per request, connections closed by the
    // checks (as check_http does)
    AtomicLong hits = new AtomicLong();
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    byte[] page = "<html><body><h1>Welcome</h1></body></html>".getBytes(StandardCharsets.UTF_8);
    site.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    ExecutorService siteThreads = Executors.newFixedThreadPool(8);
    site.setExecutor(siteThreads);
    site.start();
    String siteUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/health";

    ScrapedMetrics before;
    ScrapedMetrics after;
    CpuMeter.Usage usage;
    long rowsBefore;
    long rowsAfter;
    long hitsBefore;
    long hitsAfter;
    double createSeconds;
    double measuredSeconds;
    List<String> serviceCommand;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("VIGIE_MONITORING_PROBES_REPLICA_ID", "bench-0");
    env.putAll(settings.serviceEnv());
    try (MonitoringService service =
        MonitoringService.start(
            settings.root(),
            settings.serviceHeap(),
            pgPort,
            DATABASE,
            kafka,
            target.resolve("monitoring-service"),
            target.resolve("monitoring-service.log"),
            env)) {
      serviceCommand = service.command();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String token = TestTokens.engineer();

      UUID server =
          InventoryFeed.registerServer(http, service.uri("/"), token, "web-bench.example.net");
      say("target server " + server + " known to monitoring; creating " + checks + " HTTP checks");
      long t0 = System.nanoTime();
      createChecks(http, service.uri("/api/v1/active-checks"), token, server, siteUrl);
      createSeconds = (System.nanoTime() - t0) / 1e9;
      say(
          String.format(
              Locale.ROOT, "created in %.1f s; settling %d s", createSeconds, settleSeconds));
      Thread.sleep(settleSeconds * 1000L);

      say("measuring " + measureSeconds + " s");
      before = ScrapedMetrics.scrape(http, service.uri("/q/metrics"));
      rowsBefore = db.count(DATABASE, "select count(*) from check_result");
      hitsBefore = hits.get();
      CpuMeter.Sample cpuStart = cpu.sample();
      long m0 = System.nanoTime();
      Thread.sleep(measureSeconds * 1000L);
      measuredSeconds = (System.nanoTime() - m0) / 1e9;
      CpuMeter.Sample cpuEnd = cpu.sample();
      after = ScrapedMetrics.scrape(http, service.uri("/q/metrics"));
      rowsAfter = db.count(DATABASE, "select count(*) from check_result");
      hitsAfter = hits.get();
      usage = CpuMeter.between(cpuStart, cpuEnd);
    } finally {
      site.stop(0);
      siteThreads.shutdownNow();
    }

    double planned = (double) checks / intervalSeconds;
    double runs = delta(before, after, "runs_total");
    double ok = delta(before, after, "runs_total", "status=\"OK\"");
    double recorded = delta(before, after, "results_recorded_total");
    double lagCount = delta(before, after, "lag_seconds_count");
    double lagSum = delta(before, after, "lag_seconds_sum");
    String md =
        report(
            machine,
            loadBefore,
            Machine.loadAverage(),
            postgresVersion,
            serviceCommand,
            started,
            createSeconds,
            measuredSeconds,
            planned,
            runs,
            ok,
            recorded,
            lagCount == 0 ? Double.NaN : lagSum / lagCount,
            after,
            rowsAfter - rowsBefore,
            hitsAfter - hitsBefore,
            usage);
    Bench.writeResults(settings.root(), "active-checks", started, isDefault(), md);
  }

  private void createChecks(HttpClient http, URI uri, String token, UUID server, String url)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < createConcurrency; w++) {
        running.add(
            workers.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < checks; i = next.getAndIncrement()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("name", String.format(Locale.ROOT, "site %05d", i));
                    body.put("kind", "HTTP");
                    body.put("serverId", server.toString());
                    body.put("intervalSeconds", intervalSeconds);
                    body.put("timeoutSeconds", 10);
                    body.put(
                        "settings", Map.of("url", url + "?site=" + i, "maxLatencyMillis", 1000));
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(body)))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201 && failures.incrementAndGet() <= 3) {
                      System.err.println(
                          "[bench] create answered " + r.statusCode() + ": " + r.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " checks were not created");
    }
  }

  private static final String METERS = "vigie_monitoring_probes_";

  /** The change of a probe meter, summed over its series whose labels contain every fragment. */
  private static double delta(
      ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
    return after.sum(METERS + name, labels) - before.sum(METERS + name, labels);
  }

  /** A probe meter's value summed over its matching series; NaN when it has none. */
  private static double value(ScrapedMetrics m, String name, String... labels) {
    return m.value(METERS + name, labels);
  }

  private String report(
      Machine machine,
      String loadBefore,
      String loadAfter,
      String postgres,
      List<String> serviceCommand,
      Instant started,
      double createSeconds,
      double measuredSeconds,
      double planned,
      double runs,
      double ok,
      double recorded,
      double lagMeanSeconds,
      ScrapedMetrics after,
      long rows,
      long hits,
      CpuMeter.Usage usage) {
    StringBuilder md = new StringBuilder();
    md.append("# Active checks scheduler: ")
        .append(checks)
        .append(" HTTP checks every ")
        .append(intervalSeconds)
        .append(" s\n\n");
    md.append("Run ")
        .append(started)
        .append(" with:\n\n    ")
        .append(settings.command())
        .append("\n\n");
    if (!isDefault()) {
      md.append("**Not the default parameters: do not compare with committed results.**\n\n");
    }
    md.append("## Result\n\n");
    md.append("| measure | value |\n|---|---:|\n");
    row(md, "planned rate (checks / interval)", f1(planned) + " runs/s");
    row(md, "achieved rate (runs started, service meter)", f1(runs / measuredSeconds) + " runs/s");
    row(md, "  of which OK", f1(ok / measuredSeconds) + " runs/s");
    row(md, "requests the target answered", f1(hits / measuredSeconds) + " req/s");
    row(md, "results recorded (meter)", f1(recorded / measuredSeconds) + " /s");
    row(md, "check_result rows written", f1(rows / measuredSeconds) + " /s");
    row(md, "scheduling lag p50", ms(value(after, "lag_seconds", "quantile=\"0.5\"")));
    row(md, "scheduling lag p90", ms(value(after, "lag_seconds", "quantile=\"0.9\"")));
    row(md, "scheduling lag **p99**", ms(value(after, "lag_seconds", "quantile=\"0.99\"")));
    row(md, "scheduling lag p99.9", ms(value(after, "lag_seconds", "quantile=\"0.999\"")));
    row(md, "scheduling lag mean (window)", ms(lagMeanSeconds));
    row(md, "scheduling lag max (last 2 min)", ms(value(after, "lag_seconds_max")));
    row(md, "runs skipped (previous still running)", f0(orZero(value(after, "skipped_total"))));
    row(md, "results dropped", f0(orZero(value(after, "results_dropped_total"))));
    row(md, "failed result batches (retried)", f0(orZero(value(after, "record_failures_total"))));
    row(md, "results buffered at the end", f0(orZero(value(after, "results_buffered"))));
    row(md, "checks owned by the replica", f0(orZero(value(after, "owned"))));
    row(
        md,
        "CPU % of the machine (busy: service + postgres + bench JVM + others)",
        usage.summary());
    md.append("\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Measured over %.1f s, after the %d checks were created through the API (%.1f s, %d"
                + " concurrent POSTs) and %d s of settling. Lag = a run's actual start minus its"
                + " planned start (`phase + k × interval` plus the deliberate random jitter of up to"
                + " 500 ms, which is not counted as lag); percentiles from the service's"
                + " `vigie.monitoring.probes.lag` timer (Micrometer, decaying over about 2"
                + " minutes, so they cover the measured window).\n\n",
            measuredSeconds,
            checks,
            createSeconds,
            createConcurrency,
            settleSeconds));
    md.append("## Parameters\n\n");
    md.append("- `").append(PREFIX).append("checks` = ").append(checks).append('\n');
    md.append("- `")
        .append(PREFIX)
        .append("checkIntervalSeconds` = ")
        .append(intervalSeconds)
        .append('\n');
    md.append("- `").append(PREFIX).append("settleSeconds` = ").append(settleSeconds).append('\n');
    md.append("- `")
        .append(PREFIX)
        .append("measureSeconds` = ")
        .append(measureSeconds)
        .append('\n');
    md.append("- `")
        .append(PREFIX)
        .append("createConcurrency` = ")
        .append(createConcurrency)
        .append('\n');
    md.append("- `")
        .append(PREFIX)
        .append("serviceHeap` = ")
        .append(settings.serviceHeap())
        .append('\n');
    settings
        .serviceEnv()
        .forEach(
            (k, v) ->
                md.append("- `")
                    .append(PREFIX)
                    .append("env.")
                    .append(k)
                    .append("` = ")
                    .append(v)
                    .append('\n'));
    md.append("- Service: `")
        .append(String.join(" ", serviceCommand))
        .append(
            "`, configured through the environment only (embedded PostgreSQL and Kafka, OIDC with a local key,")
        .append(
            " replica id `bench-0`), probe defaults otherwise: max-concurrency 500, batches of 500 results")
        .append(" every second.\n");
    md.append(
        "- Checks: HTTP GET of `http://127.0.0.1:<port>/health?site=N` (a distinct URL each),"
            + " timeout 10 s, `maxLatencyMillis` 1000, all on one target server registered with a"
            + " real `server-registered` event on Kafka.\n");
    md.append(
        "- Target: the JDK's `com.sun.net.httpserver` in the benchmark JVM (8 threads), a 45-byte"
            + " page; a fresh connection per run, as `check_http` does.\n\n");
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    md.append("- PostgreSQL ").append(postgres).append(", the test kit's embedded server\n");
    md.append("- Kafka: the test kit's embedded KRaft broker, in the benchmark's JVM\n");
    md.append("- Java:\n\n```\n").append(machine.javaVersion()).append("\n```\n\n");
    md.append(
        "The service, PostgreSQL, the target site, Kafka and the benchmark share this machine's"
            + " CPUs (and, on a build machine, other people's builds: see `others` in the CPU"
            + " line and the load average).\n");
    return md.toString();
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String ms(double seconds) {
    return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
  }

  private static void say(String message) {
    System.out.println("[bench] " + message);
  }
}
