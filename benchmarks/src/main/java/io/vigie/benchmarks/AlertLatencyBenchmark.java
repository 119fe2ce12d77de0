package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alert latency: from the 204 of the remote_write request carrying a breaching sample to the {@code
 * AlertFired} on Kafka, under a background remote_write load, for each rule evaluation interval
 * asked for (one service start each). See benchmarks/README.md.
 */
public final class AlertLatencyBenchmark {

  static final String PROBE_METRIC = "vigie_bench_probe";
  static final String RULE_NAME = "bench-probe";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlertLatencySettings settings;
  private final HttpClient probeClient = Bench.httpClient();
  private final HttpClient loadClient = Bench.httpClient();

  /** Probe requests answered 429 (then retried) in the current interval's run. */
  private final AtomicInteger overloaded = new AtomicInteger();

  private AlertLatencyBenchmark(AlertLatencySettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    Bench.main(() -> new AlertLatencyBenchmark(AlertLatencySettings.fromSystemProperties()).run());
  }

  /**
   * One round: a breaching sample, its alert, the clearing sample, the resolution; instants on this
   * machine's clock.
   *
   * @param accepted when the 204 of the breaching sample's request came back
   * @param fired the AlertFired as received
   * @param clearAccepted when the 204 of the clearing sample's request came back
   * @param resolved the AlertResolved as received
   */
  record Round(
      UUID server,
      Instant accepted,
      AlertFeed.Event fired,
      Instant clearAccepted,
      AlertFeed.Event resolved) {

    boolean complete() {
      return fired != null && resolved != null;
    }

    /** The measure: 204 of the breaching sample → AlertFired received. */
    double latencyMs() {
      return millis(accepted, fired.received());
    }

    /** From the 204 to the evaluation that saw the sample (negative: it began just before). */
    double waitMs() {
      return millis(accepted, fired.evaluatedAt());
    }

    /** From the evaluation's start to the outbox row, inside the evaluation's transaction. */
    double evaluationMs() {
      return millis(fired.evaluatedAt(), fired.recordedAt());
    }

    /** From the outbox row to the relay's send: the rest of the transaction, commit, relay. */
    double relayMs() {
      return millis(fired.recordedAt(), fired.sentAt());
    }

    /** From the relay's send to this consumer: broker acknowledgement and fetch. */
    double deliveryMs() {
      return millis(fired.sentAt(), fired.received());
    }

    /** 204 of the clearing sample → AlertResolved received. */
    double resolveMs() {
      return millis(clearAccepted, resolved.received());
    }

    private static double millis(Instant from, Instant to) {
      return Duration.between(from, to).toNanos() / 1e6;
    }
  }

  /**
   * One evaluation interval's run.
   *
   * @param intervalSet whether the interval was passed to the service (else its default applied)
   * @param missed rounds whose AlertFired or AlertResolved did not come in time
   * @param probeRetries probe requests answered 429 and sent again (the latency starts at the 204)
   * @param evaluationsDuringRounds rule evaluations completed while the rounds ran
   * @param background the background load over the rounds
   * @param rules the rule engine's work during the run
   * @param outboxLag the relay's {@code vigie.outbox.publish.lag} timer (commit to broker ack)
   * @param headSeries series in the metric head at the end
   * @param logProblems the service log's ERROR and WARN lines
   */
  record IntervalRun(
      Duration interval,
      boolean intervalSet,
      List<String> command,
      Machine.Calm calm,
      List<Round> rounds,
      int missed,
      int probeRetries,
      double roundsSeconds,
      long evaluationsDuringRounds,
      RemoteWriteLoad.Result background,
      CpuMeter.Usage cpu,
      MonitoringService.RuleWork rules,
      ScrapedMetrics.Timer outboxLag,
      double headSeries,
      List<String> logProblems) {

    List<Round> complete() {
      return rounds.stream().filter(Round::complete).toList();
    }
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    RemoteWriteLoad.checkCompressible();
    MonitoringService.checkBrokerCompression();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    String revision = Machine.revision(settings.root());
    NodeExporterFleet fleet = new NodeExporterFleet(settings.hosts(), settings.seed());
    say(
        String.format(
            Locale.ROOT,
            "background: %d hosts x %d series = %d series at %.0f samples/s; %d rounds per"
                + " interval over %d target servers; intervals %s",
            fleet.hostCount(),
            fleet.seriesPerHost(),
            fleet.seriesCount(),
            settings.samplesPerSecond(),
            settings.rounds(),
            settings.targets(),
            settings.intervals().stream().map(AlertLatencySettings::text).toList()));

    say("starting embedded PostgreSQL and Kafka");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    String postgres = new Database(pgPort).describeServer();
    CpuMeter cpu = CpuMeter.forPostgresOnPort(pgPort);

    List<IntervalRun> runs = new ArrayList<>();
    try (AlertFeed feed = AlertFeed.start(kafka)) {
      for (int i = 0; i < settings.intervals().size(); i++) {
        runs.add(measure(settings.intervals().get(i), i, pgPort, kafka, fleet, feed, cpu));
      }
      if (feed.others() > 0) {
        say(feed.others() + " alert events for servers not probed (expected none)");
      }
    }

    String markdown =
        new AlertLatencyReport(
                settings,
                machine,
                loadBefore,
                Machine.loadAverage(),
                started,
                revision,
                postgres,
                fleet,
                runs)
            .markdown();
    Bench.writeResults(settings.root(), "alert-latency", started, settings.isDefault(), markdown);
  }

  private IntervalRun measure(
      Duration interval,
      int index,
      int pgPort,
      String kafka,
      NodeExporterFleet fleet,
      AlertFeed feed,
      CpuMeter cpu)
      throws Exception {
    String label = AlertLatencySettings.text(interval);
    boolean set = !interval.equals(settings.serviceDefault());
    Map<String, String> env = new LinkedHashMap<>(settings.serviceEnv());
    if (set) {
      env.put("VIGIE_MONITORING_RULES_EVALUATION_INTERVAL", label);
    }
    // a samples topic of the run's own: the broker is shared by the runs, and a service given the
    // previous run's partitions would first replay its 15 minutes of background samples
    env.putIfAbsent("VIGIE_MONITORING_INGEST_TOPIC", "monitoring.samples." + index);
    Machine.Calm calm = Machine.awaitCalm("the " + label + " run");
    overloaded.set(0);
    say(
        "evaluation interval "
            + label
            + (set ? " (VIGIE_MONITORING_RULES_EVALUATION_INTERVAL=" + label + ")" : " (default)"));
    try (MonitoringService service =
        MonitoringService.start(
            settings.root(),
            settings.serviceHeap(),
            pgPort,
            "monitoring_" + index,
            kafka,
            settings.root().resolve("benchmarks/target/monitoring-service-" + label),
            settings.root().resolve("benchmarks/target/monitoring-service-" + label + ".log"),
            env)) {
      String staff = TestTokens.engineer();
      List<Probe> probes = new ArrayList<>();
      for (int t = 0; t < settings.targets(); t++) {
        String hostname = String.format(Locale.ROOT, "web-probe-%02d.example.net", t + 1);
        UUID server = InventoryFeed.registerServer(probeClient, service.uri("/"), staff, hostname);
        feed.watch(server);
        probes.add(new Probe(server, hostname, service.uri("/api/v1/write")));
      }
      createRule(service, staff);
      say(probes.size() + " target servers registered, rule " + RULE_NAME + " created");

      RemoteWriteLoad.Running load =
          RemoteWriteLoad.start(
              loadClient,
              service.uri("/api/v1/write"),
              TestTokens.agent(),
              fleet,
              settings.senders(),
              AlertLatencySettings.MIN_BATCH,
              AlertLatencySettings.MAX_BATCH,
              settings.samplesPerSecond(),
              settings.warmup(),
              null,
              settings.seed());
      List<Round> rounds;
      CpuMeter.Usage usage;
      double roundsSeconds;
      long evaluationsBefore;
      long evaluationsDuring;
      try {
        for (Probe probe : probes) {
          probe.send(0); // the series exists, all well, before the first round
        }
        say("background load running; " + settings.warmup().toSeconds() + " s warm-up");
        Thread.sleep(settings.warmup());
        say("measuring " + settings.rounds() + " rounds");
        CpuMeter.Sample from = cpu.sample();
        evaluationsBefore = evaluations(service);
        long t0 = System.nanoTime();
        rounds = rounds(probes, interval, feed);
        roundsSeconds = (System.nanoTime() - t0) / 1e9;
        usage = CpuMeter.between(from, cpu.sample());
        evaluationsDuring = evaluations(service) - evaluationsBefore;
      } catch (Exception | Error e) {
        load.stop(); // the senders stop before the service does
        throw e;
      }
      RemoteWriteLoad.Result background = load.stop();
      MonitoringService.RuleWork rules = service.ruleWork(probeClient, staff);
      ScrapedMetrics metrics = ScrapedMetrics.scrape(probeClient, service.uri("/q/metrics"));
      int missed = (int) rounds.stream().filter(r -> !r.complete()).count();
      IntervalRun run =
          new IntervalRun(
              interval,
              set,
              service.command(),
              calm,
              rounds,
              missed,
              overloaded.get(),
              roundsSeconds,
              evaluationsDuring,
              background,
              usage,
              rules,
              metrics.timer("vigie_outbox_publish_lag_seconds"),
              metrics.sum("vigie_monitoring_metric_head_series"),
              service.logLines("ERROR", "WARN"));
      summarize(run);
      return run;
    }
  }

  /** Rule evaluations the service has completed so far. */
  private long evaluations(MonitoringService service) throws Exception {
    return (long)
        ScrapedMetrics.scrape(probeClient, service.uri("/q/metrics"))
            .sum("vigie_monitoring_rules_evaluation_seconds_count");
  }

  /** Runs the rounds, each target server its share, concurrently; returns them in order. */
  private List<Round> rounds(List<Probe> probes, Duration interval, AlertFeed feed)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Round> rounds = Collections.synchronizedList(new ArrayList<>());
    // an alert takes at most an interval plus the evaluation and the relay; allow far more
    Duration timeout = interval.multipliedBy(3).plusSeconds(30);
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < probes.size(); t++) {
        Probe probe = probes.get(t);
        SplittableRandom random = new SplittableRandom(settings.seed() + 1000 + t);
        running.add(
            workers.submit(
                () -> {
                  while (next.getAndIncrement() < settings.rounds()) {
                    Round round = probe.round(interval, timeout, random, feed);
                    rounds.add(round);
                    if (round.complete()) {
                      say(
                          String.format(
                              Locale.ROOT,
                              "  round %d/%d (%s): alert after %s, resolved after %s",
                              rounds.size(),
                              settings.rounds(),
                              probe.hostname,
                              Distribution.ms(round.latencyMs()),
                              Distribution.ms(round.resolveMs())));
                    } else {
                      say("  round " + rounds.size() + " (" + probe.hostname + "): MISSED");
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    return List.copyOf(rounds);
  }

  /** The probe series of one target server, and the rounds run on it. */
  private final class Probe {
    final UUID server;
    final String hostname;
    final URI write;
    final byte[] labels;
    long lastTimestamp;

    Probe(UUID server, String hostname, URI write) {
      this.server = server;
      this.hostname = hostname;
      this.write = write;
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("instance", hostname + ":9100");
      labels.put("job", "bench");
      labels.put("server_id", server.toString());
      this.labels = NodeExporterFleet.encode(labels, PROBE_METRIC);
    }

    /**
     * Waits a random part of the interval (so the sample lands at a uniformly random point of the
     * evaluation cycle, whatever the previous round left), sends 1, awaits the AlertFired, sends 0,
     * awaits the AlertResolved.
     */
    Round round(Duration interval, Duration timeout, SplittableRandom random, AlertFeed feed)
        throws Exception {
      Thread.sleep(Duration.ofNanos(random.nextLong(Math.max(1, interval.toNanos()))));
      Instant accepted = send(1);
      AlertFeed.Event fired = await(feed, true, timeout);
      Instant clearAccepted = send(0);
      AlertFeed.Event resolved = await(feed, false, timeout);
      if (fired != null
          && resolved != null
          && !fired.fingerprint().equals(resolved.fingerprint())) {
        throw new IllegalStateException(
            "AlertResolved " + resolved.fingerprint() + " closes another alert than " + fired);
      }
      return new Round(server, accepted, fired, clearAccepted, resolved);
    }

    private AlertFeed.Event await(AlertFeed feed, boolean fired, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        AlertFeed.Event event =
            feed.next(server, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (event == null) {
          return null;
        }
        if (event.fired() == fired) {
          return event;
        }
        say("  unexpected " + (event.fired() ? "AlertFired" : "AlertResolved") + ": " + event);
      }
    }

    /**
     * Posts one sample of the probe series; returns when the 204 came back. A 429 is retried after
     * its Retry-After, as Prometheus does: the sample is accepted only at the 204.
     */
    Instant send(double value) throws Exception {
      long timestamp;
      synchronized (this) {
        timestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
        lastTimestamp = timestamp;
      }
      byte[] body = RemoteWriteLoad.singleSample(labels, value, timestamp);
      HttpRequest request = RemoteWriteLoad.request(write, TestTokens.agent(), body, body.length);
      while (true) {
        HttpResponse<String> answer =
            probeClient.send(request, HttpResponse.BodyHandlers.ofString());
        Instant accepted = Instant.now();
        if (answer.statusCode() == 204) {
          return accepted;
        }
        if (answer.statusCode() != 429) {
          throw new IllegalStateException(
              "remote_write answered " + answer.statusCode() + ": " + answer.body());
        }
        overloaded.incrementAndGet();
        long seconds = answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
      }
    }
  }

  /** {@code vigie_bench_probe > 0}, for 0s, no clearFor: fires at the first evaluation. */
  private void createRule(MonitoringService service, String token) throws Exception {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", RULE_NAME);
    rule.put("kind", "METRIC");
    rule.put("expr", Map.of("selector", Map.of("metric", PROBE_METRIC, "function", "VALUE")));
    rule.put("comparison", ">");
    rule.put("threshold", 0);
    rule.put("for", "0s");
    rule.put("severity", "warning");
    rule.put("annotations", Map.of("summary", "Probe on {{ $labels.instance }} is {{ $value }}"));
    HttpResponse<String> answer =
        probeClient.send(
            HttpRequest.newBuilder(service.uri("/api/v1/alert-rules"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(rule)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /api/v1/alert-rules answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static void summarize(IntervalRun run) {
    Distribution latency = Distribution.of(run.complete().stream().map(Round::latencyMs).toList());
    say(
        String.format(
            Locale.ROOT,
            "interval %s: %d rounds (%d missed), p50 %s, p90 %s, p99 %s, max %s; background %.0f"
                + " samples/s (%d x 429, %d errors); rules: %s",
            AlertLatencySettings.text(run.interval()),
            latency.count(),
            run.missed(),
            Distribution.ms(latency.percentile(50)),
            Distribution.ms(latency.percentile(90)),
            Distribution.ms(latency.percentile(99)),
            Distribution.ms(latency.max()),
            run.background().samplesPerSecond(),
            run.background().overloaded(),
            run.background().errors(),
            run.rules().describe()));
  }

  static void say(String message) {
    System.out.println("[bench] " + message);
  }
}
