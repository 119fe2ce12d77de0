package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.DatacenterRegistered;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.SupportHours;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * backup-service at the issue's scale: 10,000 policies (two copies each, in two datacenters, a cron
 * schedule every minute) created through the API, none of which ever reports a run, so the watcher
 * must find every copy overdue (first due time plus the start grace) and every policy's RPO and
 * each datacenter's copy breached (the policy's start plus the limit). The scheduling lag is the
 * time from that instant until the event is on {@code backup.events} (Kafka's record timestamp),
 * with the part spent before the watcher noticed (its {@code detectedAt}/{@code breachedAt}); each
 * watcher pass's duration comes from the service's log. Then the Healthchecks-style ping endpoint's
 * throughput and latency under wrk, beside the same service's {@code GET /q/health} as the floor.
 * Run by {@code benchmarks/run-backup.sh}.
 */
public final class BackupBenchmark {

  private static final String DATABASE = "backup";
  private static final String TENANT = "bench";
  private static final ObjectMapper JSON = EventJson.newMapper();
  private static final Pattern SWEPT =
      Pattern.compile(
          "swept at \\S+ in (\\d+) ms, (\\d+) events(?:, (\\d+) policies in (\\d+) batches"
              + " \\(longest batch (\\d+) ms, longest judgement (\\d+) ms\\))?");

  private final Path root = Path.of(System.getProperty("vigie.root", ".")).toAbsolutePath();
  private final Path target = root.resolve("benchmarks/target/backup");
  private final int policies = Integer.getInteger("vigie.bench.policies", 10_000);
  private final int creators = Integer.getInteger("vigie.bench.creators", 4);
  private final int targets = Integer.getInteger("vigie.bench.targets", 100);
  private final String interval = System.getProperty("vigie.bench.watchInterval", "1m");
  private final Duration grace =
      Duration.parse(System.getProperty("vigie.bench.startGrace", "PT1M"));
  private final Duration rpo = Duration.parse(System.getProperty("vigie.bench.rpo", "PT5M"));
  private final int connections = Integer.getInteger("vigie.bench.concurrency", 32);
  private final int warmupSeconds = Integer.getInteger("vigie.bench.warmupSeconds", 10);
  private final int durationSeconds = Integer.getInteger("vigie.bench.durationSeconds", 30);
  private final String heap = System.getProperty("vigie.bench.serviceHeap", "512m");
  private final HttpClient http = Bench.httpClient();

  public static void main(String[] args) {
    Bench.main(() -> new BackupBenchmark().run());
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    boolean defaults =
        System.getProperties().stringPropertyNames().stream()
            .noneMatch(
                p ->
                    p.startsWith("vigie.bench.")
                        && !p.equals("vigie.bench.command")
                        && !p.equals("vigie.bench.verbose")
                        // how long to wait for a quiet machine changes nothing measured
                        && !p.startsWith("vigie.bench.calm."));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    Files.createDirectories(target);
    // as a backup tool's hook or curl sends a ping: no bearer token, Accept */* (the ping answers
    // text/plain; inventory.lua's "Accept: application/json" got 406 on every ping)
    WrkLoad wrk =
        new WrkLoad(
            WrkLoad.locate(System.getProperty("vigie.bench.wrk")),
            root.resolve("benchmarks/wrk/ping.lua"),
            target.resolve("wrk-logs"));

    say("starting embedded PostgreSQL and Kafka");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    new Database(pgPort).createDatabase(DATABASE);

    int httpPort = Machine.freePort();
    Map<String, String> env = ServiceProcess.environment(httpPort, pgPort, DATABASE, kafka);
    env.put("VIGIE_BACKUP_WATCH_INTERVAL", interval);
    env.put("QUARKUS_LOG_CATEGORY__IO_VIGIE_BACKUP_WATCH__LEVEL", "DEBUG");
    Path work = target.resolve("backup-service");
    Files.createDirectories(work);
    Path jar = root.resolve("backup-service/target/quarkus-app/quarkus-run.jar");
    Path log = target.resolve("backup-service.log");
    say(
        "starting backup-service on 127.0.0.1:"
            + httpPort
            + " (log: target/backup/backup-service.log)");
    EventTimes events = new EventTimes(kafka);
    StringBuilder md = new StringBuilder();
    try (events;
        ServiceProcess service = ServiceProcess.start(java, heap, jar, work, log, env)) {
      URI base = URI.create("http://127.0.0.1:" + httpPort + "/");
      service.awaitReady(base.resolve("q/health/ready"), Duration.ofMinutes(3));
      URI api = base.resolve("api/v1/");
      Estate estate = estate(api);

      say("creating " + policies + " policies through the API (" + creators + " clients)");
      Map<UUID, Instant> activeSince = new ConcurrentHashMap<>();
      List<String> pingPaths = new ArrayList<>();
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(creators);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < creators; c++) {
        int first = c;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < policies; i += creators) {
                    JsonNode policy = createPolicy(api, estate, i);
                    activeSince.put(
                        UUID.fromString(policy.get("id").asText()),
                        Instant.parse(policy.get("activeSince").asText()));
                    if (i == 0) {
                      synchronized (pingPaths) {
                        pingPaths.add(policy.get("copies").get(0).get("pingPath").asText());
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      double createSeconds = (System.nanoTime() - t0) / 1e9;
      Instant lastCreated = activeSince.values().stream().max(Instant::compareTo).orElseThrow();
      say(String.format("created in %.1f s; waiting for the watcher's events", createSeconds));

      int expected = policies * 5; // 2 copies overdue, the RPO, 2 datacenters' copies
      Duration watchInterval = Duration.parse("PT" + interval.toUpperCase());
      Instant deadline =
          lastCreated.plus(rpo).plus(watchInterval.multipliedBy(3)).plus(Duration.ofMinutes(5));
      // while the watcher publishes: an API read every 100 ms, answered on the event loops the
      // passes run on (a pass holding a loop shows here as a slow answer)
      Probe probe = new Probe(api.resolve("repositories?size=1"));
      try (probe) {
        while (events.count() < expected && Instant.now().isBefore(deadline)) {
          Thread.sleep(1000);
        }
        // two more passes with nothing new to find: the steady cost of a pass
        Thread.sleep(watchInterval.multipliedBy(2).plusSeconds(5).toMillis());
      }
      Lags lags = events.lags(activeSince, grace, rpo);

      say("ping endpoint and /q/health under wrk");
      String token = "";
      String ping = base.resolve(pingPaths.get(0).substring(1)).toString();
      String health = base.resolve("q/health").toString();
      Map<String, WrkLoad.Result> results = new java.util.LinkedHashMap<>();
      // one wait for a calm machine, then both back to back: the ratio is what counts
      Machine.Calm calm = Machine.awaitCalm("ping and /q/health");
      for (String[] scenario :
          new String[][] {{"ping GET /ping/{key}", ping}, {"floor GET /q/health", health}}) {
        String loadAtStart = Machine.loadAverage();
        wrk.run(
            scenario[0] + " warm-up",
            scenario[1],
            connections,
            2,
            Duration.ofSeconds(warmupSeconds),
            token,
            List.of());
        WrkLoad.Result result =
            wrk.run(
                scenario[0],
                scenario[1],
                connections,
                2,
                Duration.ofSeconds(durationSeconds),
                token,
                List.of());
        results.put(
            scenario[0] + " (load " + loadAtStart + " → " + Machine.loadAverage() + ")", result);
      }
      List<double[]> sweeps = sweeps(log);

      md.append("# backup-service: 10,000 policies watched, and the ping endpoint\n\n");
      md.append("Command: `")
          .append(System.getProperty("vigie.bench.command", "benchmarks/run-backup.sh"))
          .append("` (revision ")
          .append(Machine.revision(root))
          .append(", ")
          .append(started)
          .append(")\n\n");
      md.append(
          String.format(
              "%d policies of one client (%d hosted databases), each with two copies in two"
                  + " datacenters (`* * * * *`, start grace %s, RPO and each copy's limit %s),"
                  + " created through `POST /api/v1/policies` by %d concurrent clients in %.1f s"
                  + " (%.0f/s). No run is ever reported, so every copy becomes overdue at its first"
                  + " due time plus the grace, and every policy's RPO and both datacenters' copies"
                  + " break at the policy's start plus the limit: %d events expected. The watcher"
                  + " runs every %s (the production default is 1m). Lag: from that instant to the"
                  + " event's Kafka timestamp (after the outbox relay); *noticed*: to the watcher's"
                  + " `detectedAt`/`breachedAt`.%n%n",
              policies,
              targets,
              grace,
              rpo,
              creators,
              createSeconds,
              policies / createSeconds,
              expected,
              interval));
      md.append("| event | count | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
      row(md, "BackupOverdue: lag to Kafka", lags.overdue());
      row(md, "BackupOverdue: noticed", lags.overdueNoticed());
      row(md, "RpoBreached (policy and sites): lag to Kafka", lags.breach());
      row(md, "RpoBreached: noticed", lags.breachNoticed());
      md.append("\nEvents received: ")
          .append(events.count())
          .append(" of ")
          .append(expected)
          .append(".\n\n");
      md.append(
          "Watcher passes (from the service's DEBUG log; each pass judges the policies in batches"
              + " of 500, one transaction each; the judgement is the in-memory part of a batch,"
              + " the longest the pass holds an event loop at once):\n\n");
      md.append(
          "| pass | duration | events published | policies | batches | longest batch | longest"
              + " judgement |\n|---|---|---|---|---|---|---|\n");
      for (int i = 0; i < sweeps.size(); i++) {
        double[] p = sweeps.get(i);
        md.append("| ")
            .append(i + 1)
            .append(" | ")
            .append(Distribution.ms(p[0]))
            .append(" | ")
            .append((long) p[1])
            .append(" | ")
            .append(p[2] < 0 ? "" : Long.toString((long) p[2]))
            .append(" | ")
            .append(p[3] < 0 ? "" : Long.toString((long) p[3]))
            .append(" | ")
            .append(p[4] < 0 ? "" : Distribution.ms(p[4]))
            .append(" | ")
            .append(p[5] < 0 ? "" : Distribution.ms(p[5]))
            .append(" |\n");
      }
      md.append(
          String.format(
              "%nAn API read (`GET /api/v1/repositories?size=1`, one client, every 100 ms) while"
                  + " the watcher published, answered on the event loops the passes run on: %d"
                  + " requests, %d failed, p50 %s, p99 %s, max %s.%n",
              probe.latencies().count(),
              probe.failures(),
              Distribution.ms(probe.latencies().percentile(50)),
              Distribution.ms(probe.latencies().percentile(99)),
              Distribution.ms(probe.latencies().max())));
      md.append("\n## Ping endpoint beside `GET /q/health`\n\n");
      md.append(
          String.format(
              "wrk, %d connections, 2 threads, %d s warm-up then %d s measured, keep-alive, as"
                  + " curl sends it (no bearer token, `Accept: */*`: `benchmarks/wrk/ping.lua`)."
                  + " The ping is `GET /ping/{key}` of one copy: each records a finished run (a"
                  + " row, its `BackupSucceeded` in the outbox, one transaction); `/q/health`"
                  + " checks the database and answers. Load before the pair: %s.%n%n",
              connections, warmupSeconds, durationSeconds, calm.describe()));
      md.append("| scenario | requests/s | errors | p50 | p90 | p99 | max |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (Map.Entry<String, WrkLoad.Result> e : results.entrySet()) {
        WrkLoad.Result r = e.getValue();
        md.append(
            String.format(
                "| %s | %.0f | %d | %s | %s | %s | %s |%n",
                e.getKey(),
                r.perSecond(),
                r.errors(),
                Distribution.ms(r.percentileMs(50)),
                Distribution.ms(r.percentileMs(90)),
                Distribution.ms(r.percentileMs(99)),
                Distribution.ms(r.maxMs())));
      }
    }
    md.append("\n## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, Machine.loadAverage());
    Bench.writeResults(root, "backup", started, defaults, md.toString());
  }

  private static void row(StringBuilder md, String what, Distribution d) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(d.count())
        .append(" | ")
        .append(d.percentileCells())
        .append(" |\n");
  }

  /** Duration (ms) and events of every watcher pass that looked at policies, in order. */
  private static List<double[]> sweeps(Path log) throws Exception {
    List<double[]> passes = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = SWEPT.matcher(line);
      if (m.find()) {
        double[] pass = new double[6];
        for (int g = 1; g <= 6; g++) {
          pass[g - 1] = m.group(g) == null ? -1 : Double.parseDouble(m.group(g));
        }
        passes.add(pass);
      }
    }
    return passes;
  }

  private record Estate(List<UUID> databases, UUID repoB, UUID repoC) {}

  /**
   * One client promising 2 copies in 2 datacenters, its databases in DC-A, repositories in B, C.
   */
  private Estate estate(URI api) throws Exception {
    UUID[] dc = new UUID[3];
    String[] codes = {"BENCH-A", "BENCH-B", "BENCH-C"};
    for (int i = 0; i < 3; i++) {
      dc[i] = UUID.randomUUID();
      publish(
          new DatacenterRegistered(
              new DatacenterSnapshot(
                  dc[i], codes[i], codes[i], "Scaleway", "Paris", "FR", 3, Set.of(), 0)));
    }
    UUID clientId = UUID.randomUUID();
    ContractTerms contract =
        new ContractTerms(
            new BigDecimal("99.95"),
            new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
            List.of(
                new PriorityTarget(
                    PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
            new BackupTerms(1, 10, 7, 2, 2),
            null);
    publish(
        new ClientRegistered(
            new ClientSnapshot(clientId, TENANT, "Bench SAS", "ops@bench.example", contract, 0)));
    List<UUID> databases = new ArrayList<>();
    for (int i = 0; i < targets; i++) {
      UUID server = UUID.randomUUID();
      publish(
          new ServerRegistered(
              new ServerSnapshot(
                  server,
                  String.format("db%03d.bench-a.example.net", i),
                  dc[0],
                  codes[0],
                  null,
                  null,
                  Set.of(ServerRole.DATABASE),
                  ServerStatus.ACTIVE,
                  null,
                  List.of(),
                  "10.2.0." + (i + 1),
                  List.of(),
                  List.of(),
                  "Dell",
                  "R640",
                  null,
                  null,
                  null,
                  null,
                  0)));
      UUID database = UUID.randomUUID();
      publish(
          new HostedServiceCreated(
              new HostedServiceSnapshot(
                  database,
                  clientId,
                  TENANT,
                  "bench MySQL " + i,
                  HostedServiceKind.DATABASE,
                  null,
                  3306,
                  "MariaDB 10.11",
                  List.of(server),
                  List.of(),
                  0)));
      databases.add(database);
    }
    UUID repoB = awaitCreated(api.resolve("repositories"), repository("restic B", dc[1]));
    UUID repoC = awaitCreated(api.resolve("repositories"), repository("restic C", dc[2]));
    // the last database published is known once a policy on it is accepted
    Estate estate = new Estate(databases, repoB, repoC);
    awaitCreatedPolicy(api, estate, targets - 1);
    return estate;
  }

  private static String repository(String name, UUID datacenter) {
    return "{\"name\":\""
        + name
        + "\",\"kind\":\"RESTIC_SFTP\",\"location\":\"sftp:backup@"
        + name.replace(' ', '-')
        + ".example.net:/srv/restic\",\"datacenterId\":\""
        + datacenter
        + "\",\"tenant\":\""
        + TENANT
        + "\",\"passwordRef\":\"vault:kv/backup/bench#password\"}";
  }

  private String policyBody(Estate estate, int i) {
    return "{\"name\":\"bench policy "
        + i
        + "\",\"tenant\":\""
        + TENANT
        + "\",\"target\":{\"kind\":\"HOSTED_SERVICE\",\"id\":\""
        + estate.databases().get(i % targets)
        + "\"},\"kind\":\"DATABASE\",\"timeZone\":\"Europe/Paris\",\"rpo\":\""
        + rpo
        + "\",\"startGrace\":\""
        + grace
        + "\",\"copies\":[{\"repositoryId\":\""
        + estate.repoB()
        + "\",\"schedule\":\"* * * * *\",\"maxAge\":\""
        + rpo
        + "\"},{\"repositoryId\":\""
        + estate.repoC()
        + "\",\"schedule\":\"* * * * *\",\"maxAge\":\""
        + rpo
        + "\"}]}";
  }

  /** Waits until the coverage report shows every database without a dump policy. */
  private void awaitCreatedPolicy(URI api, Estate estate, int unused) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(api.resolve("coverage/" + TENANT))
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", "Bearer " + TestTokens.engineer())
                  .build());
      int known = 0;
      if (r.statusCode() == 200) {
        for (JsonNode gap : JSON.readTree(r.body()).path("gaps")) {
          if ("DATABASE_WITHOUT_DUMP_POLICY".equals(gap.path("kind").asText())) {
            known++;
          }
        }
      }
      if (known == targets) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "inventory not applied in 120 s: " + r.statusCode() + " " + r.body());
      }
      Thread.sleep(500);
    }
  }

  private JsonNode createPolicy(URI api, Estate estate, int i) throws Exception {
    HttpResponse<String> r = send(post(api.resolve("policies"), policyBody(estate, i)));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("policy " + i + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private UUID awaitCreated(URI uri, String body) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      HttpResponse<String> r = send(post(uri, body));
      if (r.statusCode() == 201) {
        return UUID.fromString(JSON.readTree(r.body()).get("id").asText());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(uri + ": " + r.statusCode() + " " + r.body());
      }
      Thread.sleep(500);
    }
  }

  private static void publish(DomainEvent event) throws Exception {
    KafkaEvents.publish(
        InventoryEvents.TOPIC,
        event.aggregateId(),
        UUID.randomUUID().toString(),
        event.eventType(),
        JSON.writeValueAsString(event));
  }

  private HttpRequest post(URI uri, String body) {
    return HttpRequest.newBuilder(uri)
        // a watcher pass over thousands of policies holds an event loop for seconds on a busy
        // machine (see results/backup-2026-11-30-aborted.md): wait rather than fail the run
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + TestTokens.engineer())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void say(String line) {
    System.out.println("[bench] " + line);
  }

  private record Lags(
      Distribution overdue,
      Distribution overdueNoticed,
      Distribution breach,
      Distribution breachNoticed) {}

  /**
   * One client reading the API every 100 ms (a new request when the previous answered), keeping
   * each answer's latency: how long an HTTP request waits while a watcher pass runs.
   */
  private final class Probe implements AutoCloseable {
    private final List<Double> latencies =
        java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Probe(URI uri) {
      String token = TestTokens.engineer();
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        send(
                            HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer " + token)
                                .build());
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (r.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    failures.incrementAndGet();
                  }
                }
              },
              "bench-backup-probe");
      thread.setDaemon(true);
      thread.start();
    }

    Distribution latencies() {
      synchronized (latencies) {
        return Distribution.of(List.copyOf(latencies));
      }
    }

    int failures() {
      return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.interrupt();
      thread.join(5000);
    }
  }

  /** A plain consumer on backup.events keeping every overdue and breach event with its time. */
  private static final class EventTimes implements AutoCloseable {
    private final List<ConsumerRecord<String, String>> records =
        java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    EventTimes(String kafka) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
      consumer.subscribe(List.of(BackupEvents.TOPIC));
      thread =
          new Thread(
              () -> {
                try (consumer) {
                  while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                      String type = KafkaEvents.header(r, "ce_type");
                      if (BackupEvents.BACKUP_OVERDUE.equals(type)
                          || BackupEvents.RPO_BREACHED.equals(type)) {
                        records.add(r);
                      }
                    }
                  }
                }
              },
              "bench-backup-events");
      thread.setDaemon(true);
      thread.start();
    }

    int count() {
      return records.size();
    }

    Lags lags(Map<UUID, Instant> activeSince, Duration grace, Duration limit) throws Exception {
      List<Double> overdue = new ArrayList<>();
      List<Double> overdueNoticed = new ArrayList<>();
      List<Double> breach = new ArrayList<>();
      List<Double> breachNoticed = new ArrayList<>();
      List<ConsumerRecord<String, String>> all;
      synchronized (records) {
        all = List.copyOf(records);
      }
      for (ConsumerRecord<String, String> r : all) {
        JsonNode event = JSON.readTree(r.value());
        Instant published = Instant.ofEpochMilli(r.timestamp());
        if (BackupEvents.BACKUP_OVERDUE.equals(KafkaEvents.header(r, "ce_type"))) {
          Instant late = Instant.parse(event.get("dueAt").asText()).plus(grace);
          overdue.add(millis(late, published));
          overdueNoticed.add(millis(late, Instant.parse(event.get("detectedAt").asText())));
        } else {
          Instant since = activeSince.get(UUID.fromString(event.get("policyId").asText()));
          if (since == null) {
            continue;
          }
          Instant late = since.plus(limit);
          breach.add(millis(late, published));
          breachNoticed.add(millis(late, Instant.parse(event.get("breachedAt").asText())));
        }
      }
      return new Lags(
          Distribution.of(overdue),
          Distribution.of(overdueNoticed),
          Distribution.of(breach),
          Distribution.of(breachNoticed));
    }

    private static double millis(Instant from, Instant to) {
      return Duration.between(from, to).toNanos() / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(5000);
    }
  }
}
