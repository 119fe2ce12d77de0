package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Inventory throughput: the inventory API (HTTP + JSON + bearer token + validation + Hibernate
 * Reactive + outbox) against pgbench running the same SQL on the same PostgreSQL server, in one
 * run, with the same concurrency. See benchmarks/README.md.
 */
public final class InventoryBenchmark {

  static final String DATABASE = "inventory";
  static final String DATACENTER_CODE = "PAR-DC2";

  // The scenarios' requests and SQL. When the service's API or SQL changes, switch them here and
  // in the files under benchmarks/sql/ (read at run time, no rebuild needed for the SQL).
  static final String CREATE_PATH = "/api/v1/servers";
  static final String LIST_PATH = "/api/v1/servers?size=50";
  static final String LIST_FILTERED_PATH =
      "/api/v1/servers?role=WEB&datacenter=" + DATACENTER_CODE + "&size=50";
  static final String SQL_DIR = "benchmarks/sql";
  static final String CREATE_SQL = "inventory-create.sql";
  static final String LIST_SQL = "inventory-list.sql";
  static final String LIST_FILTERED_SQL = "inventory-list-filtered.sql";
  static final String WRK_SCRIPT = "benchmarks/wrk/inventory.lua";
  static final int PAGE_SIZE = 50;

  /** Role sets cycled through the created servers: a quarter of them are WEB. */
  private static final List<List<String>> ROLES =
      List.of(
          List.of("WEB"),
          List.of("APPLICATION"),
          List.of("DATABASE"),
          List.of("HYPERVISOR", "STORAGE"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Settings settings;
  private final Path target;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private CpuMeter cpu;
  private long ticksPerSecond = 100;

  private InventoryBenchmark(Settings settings) {
    this.settings = settings;
    this.target = settings.root().resolve("benchmarks/target");
  }

  public static void main(String[] args) {
    Bench.main(() -> new InventoryBenchmark(Settings.fromSystemProperties()).run());
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    Path pgbenchPath = PgBench.locate(settings.pgbench());
    Path wrkPath = WrkLoad.locate(settings.wrk());
    Path jar = settings.root().resolve("inventory-service/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run benchmarks/run-inventory.sh, which builds it first");
    }
    Path sqlDir = settings.root().resolve(SQL_DIR);
    for (String script : List.of(CREATE_SQL, LIST_SQL, LIST_FILTERED_SQL)) {
      if (!Files.isRegularFile(sqlDir.resolve(script))) {
        throw new IllegalStateException("pgbench script missing: " + sqlDir.resolve(script));
      }
    }
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    ticksPerSecond = CpuMeter.ticksPerSecond();
    WrkLoad wrk =
        new WrkLoad(wrkPath, settings.root().resolve(WRK_SCRIPT), target.resolve("wrk-logs"));

    say("starting embedded PostgreSQL and Kafka");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    Database db = new Database(pgPort);
    db.createDatabase(DATABASE);
    String postgresVersion = db.describeServer();
    cpu = CpuMeter.forPostgresOnPort(pgPort);
    PgBench pgbench =
        new PgBench(pgbenchPath, "127.0.0.1", pgPort, DATABASE, Database.USER, Database.PASSWORD);

    int httpPort = Machine.freePort();
    Map<String, String> env = ServiceProcess.environment(httpPort, pgPort, DATABASE, kafka);
    // the service's own profile of each measured run (Flight Recorder, written when it stops)
    Path recording = target.resolve("inventory-service/inventory.jfr").toAbsolutePath();
    Files.deleteIfExists(recording);
    env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + recording);
    env.putAll(settings.serviceEnv());

    List<Scenario> scenarios = new ArrayList<>();
    long serversAtListTime;
    Duration outboxDrain;
    long outboxPendingAfterCreate;
    Map<String, String> sample;
    List<String> serviceCommand;

    say(
        "starting inventory-service on 127.0.0.1:"
            + httpPort
            + " (log: target/inventory-service.log)");
    try (ServiceProcess service =
        ServiceProcess.start(
            java,
            settings.serviceHeap(),
            jar,
            target.resolve("inventory-service"),
            target.resolve("inventory-service.log"),
            env)) {
      serviceCommand = service.command();
      long booting = System.nanoTime();
      service.awaitReady(
          URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"), Duration.ofMinutes(3));
      say(String.format("service ready in %.1f s", (System.nanoTime() - booting) / 1e9));

      Api api = new Api(httpPort);
      String datacenterId = api.createDatacenter();
      Path bodies =
          api.writeServerBodies(datacenterId, target.resolve("wrk-logs/server-bodies.tsv"));
      ApiSide side = new ApiSide(wrk, api, service.pid(), db);

      // 1. creates, on an empty table
      api.checkCreate(datacenterId);
      Measured<WrkLoad.Result> create = side.measure("create", CREATE_PATH, bodies);
      outboxPendingAfterCreate =
          db.count(DATABASE, "select count(*) from outbox_event where published_at is null");
      outboxDrain = awaitOutboxDrained(db);
      say(
          "outbox: "
              + outboxPendingAfterCreate
              + " events pending at the end of the create run, published "
              + outboxDrain.toMillis()
              + " ms later");
      // wrk counts answers; the rows show they were creates (in-flight ones commit after the end)
      long created = db.count(DATABASE, "select count(*) from server") - side.serversBefore;
      if (created < create.result().ok()
          || created
              > create.result().requests()
                  + create.result().errors()
                  + 2L * settings.concurrency()) {
        throw new IllegalStateException(
            "The measured create run answered "
                + create.result().ok()
                + " times without an error but "
                + created
                + " servers were added: see target/wrk-logs/create.log");
      }

      // 2. enough servers for the lists to mean something (unmeasured, through the API)
      long servers = db.count(DATABASE, "select count(*) from server");
      if (servers < settings.listMinServers()) {
        long missing = settings.listMinServers() - servers;
        say("topping up to " + settings.listMinServers() + " servers through the API");
        HttpLoad.Result topUp =
            HttpLoad.run(
                api.client,
                "top-up",
                settings.concurrency(),
                Duration.ofMinutes(10),
                missing,
                api.creates(datacenterId));
        if (topUp.errors() > 0) {
          throw new IllegalStateException("Top-up failed: " + topUp.sampleError());
        }
        awaitOutboxDrained(db);
      }
      db.vacuumAnalyze(DATABASE);
      serversAtListTime = db.count(DATABASE, "select count(*) from server");

      // 3. lists, on the same rows as pgbench's lists below
      api.checkList(LIST_PATH, serversAtListTime);
      Measured<WrkLoad.Result> listed = side.measure("list", LIST_PATH, null);
      api.checkList(LIST_FILTERED_PATH, -1);
      Measured<WrkLoad.Result> listedFiltered =
          side.measure("list-filtered", LIST_FILTERED_PATH, null);

      sample = pgbenchVariables(db, datacenterId);
      scenarios.add(new Scenario("create server", "POST " + CREATE_PATH, CREATE_SQL, create));
      scenarios.add(new Scenario("list servers", "GET " + LIST_PATH, LIST_SQL, listed));
      scenarios.add(
          new Scenario(
              "list servers, filtered",
              "GET " + LIST_FILTERED_PATH,
              LIST_FILTERED_SQL,
              listedFiltered));
      say("stopping inventory-service: pgbench gets the machine to itself, as the API did");
    }

    if (Files.isRegularFile(recording)) {
      for (Scenario scenario : scenarios) {
        scenario.profile =
            JfrProfile.of(recording, scenario.api().startedAt(), scenario.api().endedAt());
      }
    } else {
      say("no Flight Recorder file at " + recording + ": the report has no profile");
    }

    // 4. the peer: the same SQL straight from pgbench; lists first, on the same rows as the API's
    Path logs = target.resolve("pgbench-logs");
    List<Scenario> ordered =
        List.of(
            scenarios.get(1), scenarios.get(2), scenarios.get(0)); // creates last: they add rows
    int run = 0;
    for (Scenario scenario : ordered) {
      String name = scenario.script().replace(".sql", "");
      Path script = sqlDir.resolve(scenario.script());
      Machine.Calm calm = Machine.awaitCalm("pgbench " + name);
      Map<String, String> warmVars = new LinkedHashMap<>(sample);
      warmVars.put("run", Integer.toString(++run));
      say("pgbench " + name + " (warm-up, " + settings.warmup().toSeconds() + " s)");
      pgbench.run(
          name,
          script,
          settings.concurrency(),
          settings.pgbenchThreads(),
          settings.warmup(),
          warmVars,
          null);
      Map<String, String> vars = new LinkedHashMap<>(sample);
      vars.put("run", Integer.toString(++run));
      say("pgbench " + name + " (" + settings.duration().toSeconds() + " s)");
      String loadAtStart = Machine.loadAverage();
      CpuMeter.Sample before = cpu.sample();
      PgBench.Result result =
          pgbench.run(
              name,
              script,
              settings.concurrency(),
              settings.pgbenchThreads(),
              settings.duration(),
              vars,
              logs);
      CpuMeter.Usage usage = CpuMeter.between(before, cpu.sample());
      result = pgbench.withLoggedLatencies(result, logs);
      Measured<PgBench.Result> peer =
          new Measured<>(
              result,
              usage,
              calm,
              loadAtStart,
              Machine.loadAverage(),
              result.transactions(),
              Map.of(),
              null,
              null);
      say(
          String.format(
              Locale.ROOT,
              "  %.0f tps, average %.2f ms, p99 %.2f ms, %d failed; CPU %% %s;"
                  + " PostgreSQL %.3f ms CPU per transaction",
              result.tps(),
              result.averageLatencyMs(),
              result.percentileMs(99),
              result.failed(),
              usage.summary(),
              peer.postgresCpuMsPerRequest(ticksPerSecond)));
      scenario.peer = peer;
    }

    Report report =
        new Report(
            settings,
            machine,
            loadBefore,
            Machine.loadAverage(),
            started,
            postgresVersion,
            pgbench.version(),
            wrk.version(),
            ticksPerSecond,
            serviceCommand,
            serversAtListTime,
            outboxPendingAfterCreate,
            outboxDrain,
            scenarios,
            sqlDir,
            Machine.revision(settings.root()));
    String markdown = report.markdown();
    Bench.writeResults(settings.root(), "inventory", started, settings.isDefault(), markdown);
  }

  /**
   * A measured run: its result, how the machine's CPUs were used meanwhile, how quiet the machine
   * was before it (and the 1-minute load average at its start and end), the requests or
   * transactions it completed (the denominator of the CPU time per request), and for an API run the
   * statements the service's connections ran last (pg_stat_activity), to compare with the pgbench
   * script.
   */
  record Measured<T>(
      T result,
      CpuMeter.Usage cpu,
      Machine.Calm calm,
      String loadAtStart,
      String loadAtEnd,
      long requests,
      Map<String, Long> statements,
      Instant startedAt,
      Instant endedAt) {

    /** The tracked process's (the service's) CPU time per request, in milliseconds. */
    double trackedCpuMsPerRequest(long ticksPerSecond) {
      return requests == 0 ? Double.NaN : cpu.trackedTicks() * 1000.0 / ticksPerSecond / requests;
    }

    /** PostgreSQL's CPU time (server and backends) per request or transaction, in ms. */
    double postgresCpuMsPerRequest(long ticksPerSecond) {
      return requests == 0 ? Double.NaN : cpu.postgresTicks() * 1000.0 / ticksPerSecond / requests;
    }
  }

  /** One line of the results table: the API side and its raw-SQL peer. */
  static final class Scenario {
    private final String name;
    private final String request;
    private final String script;
    private final Measured<WrkLoad.Result> api;
    private Measured<PgBench.Result> peer;
    private JfrProfile profile;

    Scenario(String name, String request, String script, Measured<WrkLoad.Result> api) {
      this.name = name;
      this.request = request;
      this.script = script;
      this.api = api;
    }

    String name() {
      return name;
    }

    String request() {
      return request;
    }

    String script() {
      return script;
    }

    Measured<WrkLoad.Result> api() {
      return api;
    }

    Measured<PgBench.Result> peer() {
      return peer;
    }

    /** The service's profile during the measured API run, or null without a recording. */
    JfrProfile profile() {
      return profile;
    }
  }

  /**
   * The API side of a scenario: wait for a quiet machine, wrk warm-up, then the measured wrk run
   * with the CPU time of the service, wrk, PostgreSQL and the rest read before and after.
   */
  private final class ApiSide {
    private final WrkLoad wrk;
    private final Api api;
    private final long servicePid;
    private final Database db;

    /** Servers in the table when the last measured run began. */
    long serversBefore;

    ApiSide(WrkLoad wrk, Api api, long servicePid, Database db) {
      this.wrk = wrk;
      this.api = api;
      this.servicePid = servicePid;
      this.db = db;
    }

    /** {@code bodies}: the server bodies file for creates, null for a GET. */
    Measured<WrkLoad.Result> measure(String name, String path, Path bodies) throws Exception {
      Machine.Calm calm = Machine.awaitCalm("API " + name);
      say("API " + name + " (warm-up, " + settings.warmup().toSeconds() + " s)");
      Map<String, Long> statements;
      try (StatementSampler sampler = StatementSampler.start(db.jdbcUrl(DATABASE))) {
        run(name + "-warm-up", path, bodies, settings.warmup());
        statements = sampler.stop();
      }
      say("API " + name + " (" + settings.duration().toSeconds() + " s)");
      serversBefore = db.count(DATABASE, "select count(*) from server");
      String loadAtStart = Machine.loadAverage();
      CpuMeter.Sample before = cpu.sample(servicePid);
      Instant startedAt = Instant.now();
      WrkLoad.Result result = run(name, path, bodies, settings.duration());
      Instant endedAt = Instant.now();
      CpuMeter.Usage usage = CpuMeter.between(before, cpu.sample(servicePid));
      Measured<WrkLoad.Result> measured =
          new Measured<>(
              result,
              usage,
              calm,
              loadAtStart,
              Machine.loadAverage(),
              result.requests(),
              statements,
              startedAt,
              endedAt);
      say(
          String.format(
              Locale.ROOT,
              "  %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d answered, %d errors;"
                  + " CPU %% %s; service %.3f ms CPU per request, wrk %.0f %% of the machine",
              result.perSecond(),
              result.percentileMs(50),
              result.percentileMs(99),
              result.maxMs(),
              result.requests(),
              result.errors(),
              usage.summary(),
              measured.trackedCpuMsPerRequest(ticksPerSecond),
              usage.untrackedChildren() * 100));
      if (result.errors() > 0) {
        say("  errors: see target/wrk-logs/ and target/inventory-service.log");
      }
      return measured;
    }

    private WrkLoad.Result run(String name, String path, Path bodies, Duration duration)
        throws IOException, InterruptedException {
      List<String> args;
      if (bodies == null) {
        args = List.of("get");
      } else {
        // host numbers new in every run: each wrk thread takes every stride-th from first
        long first = api.serial.get();
        args =
            List.of(
                "create",
                bodies.toString(),
                Long.toString(first),
                Integer.toString(settings.wrkThreads()));
      }
      WrkLoad.Result result =
          wrk.run(
              name,
              api.base + path,
              settings.concurrency(),
              settings.wrkThreads(),
              duration,
              TestTokens.engineer(),
              args);
      if (bodies != null) {
        // no thread sent more requests than were answered plus its open connections
        long first = Long.parseLong(args.get(2));
        api.serial.set(
            first
                + (result.requests() + result.errors() + settings.concurrency() + 1)
                    * settings.wrkThreads());
      }
      return result;
    }
  }

  /** Waits until the relay has published every outbox row; returns how long that took. */
  private static Duration awaitOutboxDrained(Database db) throws Exception {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(2).toNanos();
    while (db.count(DATABASE, "select count(*) from outbox_event where published_at is null") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The outbox relay did not catch up within 2 minutes");
      }
      Thread.sleep(100);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Values the pgbench scripts bind as parameters, taken from what the service itself wrote: the
   * same JSON documents and text columns, so each side moves the same bytes. Every column is read
   * as its text form, which PostgreSQL parses back into the column's type (text, jsonb, text[]).
   */
  private static Map<String, String> pgbenchVariables(Database db, String datacenterId)
      throws Exception {
    Map<String, String> server =
        db.firstRow(
            DATABASE,
            "select hardware::text as hardware, roles::text as roles,"
                + " network_links::text as network_links, public_ips::text as public_ips,"
                + " private_ips::text as private_ips, management_ip, vendor,"
                + " purchase_date::text as purchase_date, warranty_end::text as warranty_end,"
                + " end_of_life::text as end_of_life from server where hostname like 'web-%'"
                + " order by hostname limit 1");
    Map<String, String> change =
        db.firstRow(DATABASE, "select reason, changed_by from server_status_change limit 1");
    Map<String, String> event =
        db.firstRow(
            DATABASE,
            "select topic, event_type, source, actor, payload::text as payload from outbox_event"
                + " where event_type like '%server-registered%' limit 1");
    Map<String, String> idempotency =
        db.firstRow(
            DATABASE,
            "select request_fingerprint, response_body::text as response_body"
                + " from idempotency_record limit 1");
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("n", "0");
    vars.put("dc", datacenterId);
    vars.put("dccode", DATACENTER_CODE);
    vars.put("role", "WEB");
    vars.put("hardware", server.get("hardware"));
    vars.put("roles", server.get("roles"));
    vars.put("links", server.get("network_links"));
    vars.put("publicips", server.get("public_ips"));
    vars.put("privateips", server.get("private_ips"));
    vars.put("mgmtip", server.get("management_ip"));
    vars.put("vendor", server.get("vendor"));
    vars.put("purchasedate", server.get("purchase_date"));
    vars.put("warrantyend", server.get("warranty_end"));
    vars.put("endoflife", server.get("end_of_life"));
    vars.put("size", Integer.toString(PAGE_SIZE));
    vars.put("sizeplusone", Integer.toString(PAGE_SIZE + 1));
    vars.put("reason", change.get("reason"));
    vars.put("actor", change.get("changed_by"));
    vars.put("topic", event.get("topic"));
    vars.put("eventtype", event.get("event_type"));
    vars.put("source", event.get("source"));
    vars.put("payload", event.get("payload"));
    vars.put("fingerprint", idempotency.get("request_fingerprint"));
    vars.put("responsebody", idempotency.get("response_body"));
    return vars;
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
  }

  /**
   * The inventory API as the benchmark calls it itself (setup, checks, top-up; the measured load is
   * wrk's), on loopback, with an engineer's signed bearer token.
   */
  static final class Api {

    final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final String base;

    /** The next server number: host name, management address and Idempotency-Key derive from it. */
    final AtomicLong serial = new AtomicLong();

    Api(int port) {
      this.base = "http://127.0.0.1:" + port;
    }

    String createDatacenter() throws IOException, InterruptedException {
      Map<String, Object> body =
          Map.of(
              "code", DATACENTER_CODE,
              "name", "Paris DC2",
              "operator", "Scaleway",
              "city", "Paris",
              "country", "FR",
              "tier", 3,
              "certifications", List.of("ISO_27001", "HDS"));
      HttpResponse<String> response =
          client.send(
              post("/api/v1/datacenters", JSON.writeValueAsString(body), null, bearer()),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "Creating the datacenter answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * Server registrations shaped like the test fixtures' (the Toulouse HAProxy box: Xeon D-1531,
     * 32 GB, 2x250 GB SSD in RAID1, two network links), one per kind of server, with {@code
     * HOSTNAME} and the management address {@code 10.2.0.0} as placeholders.
     */
    List<String> serverTemplates(String datacenterId) throws IOException {
      List<String> templates = new ArrayList<>();
      for (List<String> roles : ROLES) {
        templates.add(JSON.writeValueAsString(serverBody(datacenterId, roles)));
      }
      return templates;
    }

    /** The templates as wrk's script reads them: {@code <host name prefix><TAB><body>} lines. */
    Path writeServerBodies(String datacenterId, Path file) throws IOException {
      List<String> templates = serverTemplates(datacenterId);
      StringBuilder lines = new StringBuilder();
      for (int kind = 0; kind < ROLES.size(); kind++) {
        lines.append(prefix(kind)).append('\t').append(templates.get(kind)).append('\n');
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, lines);
      return file;
    }

    private static String prefix(int kind) {
      return ROLES.get(kind).get(0).toLowerCase(Locale.ROOT);
    }

    /**
     * Server number {@code n} as wrk's script builds it (benchmarks/wrk/inventory.lua): kind n mod
     * 4, host name {@code <role>-<n>.par-dc2.example.net}, management address 10.2.x.y and
     * Idempotency-Key {@code vigie-bench-<n>}.
     */
    HttpRequest create(List<String> templates, long n, String bearer) {
      int kind = (int) (n % ROLES.size());
      String hostname = String.format(Locale.ROOT, "%s-%07d.par-dc2.example.net", prefix(kind), n);
      String body =
          templates
              .get(kind)
              .replace("HOSTNAME", hostname)
              .replace("10.2.0.0", "10.2." + (n / 250 % 250) + "." + (n % 250 + 1));
      return post(CREATE_PATH, body, "vigie-bench-" + n, bearer);
    }

    /** Creates for the unmeasured top-up, numbered from {@link #serial}. */
    Supplier<HttpRequest> creates(String datacenterId) throws IOException {
      List<String> templates = serverTemplates(datacenterId);
      String bearer = bearer();
      return () -> create(templates, serial.getAndIncrement(), bearer);
    }

    /** One create before measuring them: 201, and a replay of the same key answers the same. */
    void checkCreate(String datacenterId) throws IOException, InterruptedException {
      HttpRequest request =
          create(serverTemplates(datacenterId), serial.getAndIncrement(), bearer());
      HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (first.statusCode() != 201) {
        throw new IllegalStateException(
            "Creating a server answered " + first.statusCode() + ": " + first.body());
      }
      HttpResponse<String> replay = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (replay.statusCode() != 201
          || replay.headers().firstValue("Idempotent-Replayed").isEmpty()) {
        throw new IllegalStateException(
            "Replaying a create with its Idempotency-Key answered "
                + replay.statusCode()
                + " "
                + replay.headers().map()
                + ": "
                + replay.body());
      }
    }

    private static Map<String, Object> serverBody(String datacenterId, List<String> roles) {
      Map<String, Object> hardware =
          Map.of(
              "cpu",
              Map.of(
                  "model",
                  "Intel Xeon D-1531",
                  "sockets",
                  1,
                  "cores",
                  6,
                  "threads",
                  12,
                  "ghz",
                  2.2),
              "memory",
              Map.of("sizeGb", 32, "type", "DDR4", "ecc", true),
              "storage",
              Map.of(
                  "raid",
                  "RAID1",
                  "disks",
                  List.of(Map.of("count", 2, "sizeGb", 250, "media", "SSD"))));
      return Map.ofEntries(
          Map.entry("hostname", "HOSTNAME"),
          Map.entry("datacenterId", datacenterId),
          Map.entry("roles", roles),
          Map.entry("hardware", hardware),
          Map.entry(
              "networkLinks",
              List.of(
                  Map.of(
                      "kind", "INTERNET", "name", "eth0", "bandwidthMbps", 300, "burstMbps", 1000),
                  Map.of("kind", "PRIVATE", "name", "eth1", "bandwidthMbps", 1000))),
          Map.entry("managementIp", "10.2.0.0"),
          Map.entry("publicIps", List.of("51.15.0.11")),
          Map.entry("vendor", "Supermicro"),
          Map.entry("purchaseDate", "2024-03-01"),
          Map.entry("warrantyEnd", "2027-03-01"),
          Map.entry("endOfLife", "2030-03-01"));
    }

    /**
     * One list call before measuring it: 200 and a full page, and, when the answer carries a total
     * ({@code totalItems} or {@code total}) and {@code servers} is not negative, that total.
     */
    void checkList(String pathAndQuery, long servers) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + pathAndQuery))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", bearer())
              .header("Accept", "application/json")
              .GET()
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode page = JSON.readTree(response.body());
      JsonNode items = page.get("items");
      if (items == null || items.size() != PAGE_SIZE) {
        throw new IllegalStateException(
            pathAndQuery
                + " does not answer a full page of "
                + PAGE_SIZE
                + ": "
                + response.body().substring(0, Math.min(300, response.body().length())));
      }
      JsonNode total = page.has("totalItems") ? page.get("totalItems") : page.get("total");
      if (servers >= 0 && total != null && !total.isNull() && total.asLong() != servers) {
        throw new IllegalStateException(
            pathAndQuery + " does not show the " + servers + " servers: " + total + " in all");
      }
    }

    /** A fresh engineer's token (they expire after an hour; a run with waits can last longer). */
    private static String bearer() {
      return "Bearer " + TestTokens.engineer();
    }

    private HttpRequest post(String path, String json, String idempotencyKey, String bearer) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", bearer)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json");
      if (idempotencyKey != null) {
        builder.header("Idempotency-Key", idempotencyKey);
      }
      return builder.POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
  }
}
