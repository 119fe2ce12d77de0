package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    Path jar = settings.root().resolve("inventory-service/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run benchmarks/run-inventory.sh, which builds it first");
    }
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();

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

      Api api = new Api(httpPort, TestTokens.engineer());
      String datacenterId = api.createDatacenter();

      // 1. creates, on an empty table
      Supplier<HttpRequest> creates = api.creates(datacenterId);
      apiPhase("create (warm-up)", settings.warmup(), settings.maxRequests(), api, creates);
      Measured<HttpLoad.Result> create =
          apiPhase("create", settings.duration(), settings.maxRequests(), api, creates);
      outboxPendingAfterCreate =
          db.count(DATABASE, "select count(*) from outbox_event where published_at is null");
      outboxDrain = awaitOutboxDrained(db);
      say(
          "outbox: "
              + outboxPendingAfterCreate
              + " events pending at the end of the create run, published "
              + outboxDrain.toMillis()
              + " ms later");

      // 2. enough servers for the lists to mean something
      long servers = db.count(DATABASE, "select count(*) from server");
      if (servers < settings.listMinServers()) {
        long missing = settings.listMinServers() - servers;
        say("topping up to " + settings.listMinServers() + " servers through the API");
        HttpLoad.Result topUp =
            apiPhase("top-up", Duration.ofMinutes(10), missing, api, creates).result();
        if (topUp.errors() > 0) {
          throw new IllegalStateException("Top-up failed: " + topUp.sampleError());
        }
        awaitOutboxDrained(db);
      }
      db.vacuumAnalyze(DATABASE);
      serversAtListTime = db.count(DATABASE, "select count(*) from server");

      // 3. lists, on the same rows as pgbench's lists below
      Supplier<HttpRequest> list = api.get("/api/v1/servers?page=0&size=50");
      Supplier<HttpRequest> filtered =
          api.get("/api/v1/servers?role=WEB&datacenter=" + DATACENTER_CODE + "&page=0&size=50");
      api.checkList(list, serversAtListTime);
      apiPhase("list (warm-up)", settings.warmup(), settings.maxRequests(), api, list);
      Measured<HttpLoad.Result> listed =
          apiPhase("list", settings.duration(), settings.maxRequests(), api, list);
      apiPhase("list filtered (warm-up)", settings.warmup(), settings.maxRequests(), api, filtered);
      Measured<HttpLoad.Result> listedFiltered =
          apiPhase("list filtered", settings.duration(), settings.maxRequests(), api, filtered);

      sample = pgbenchVariables(db, datacenterId);
      scenarios.add(
          new Scenario("create server", "POST /api/v1/servers", "inventory-create.sql", create));
      scenarios.add(
          new Scenario(
              "list servers", "GET /api/v1/servers?page=0&size=50", "inventory-list.sql", listed));
      scenarios.add(
          new Scenario(
              "list servers, filtered",
              "GET /api/v1/servers?role=WEB&datacenter=" + DATACENTER_CODE + "&page=0&size=50",
              "inventory-list-filtered.sql",
              listedFiltered));
      say("stopping inventory-service: pgbench gets the machine to itself, as the API did");
    }

    // 4. the peer: the same SQL straight from pgbench; lists first, on the same rows as the API's
    Path scripts = extractScripts();
    Path logs = target.resolve("pgbench-logs");
    List<Scenario> ordered =
        List.of(
            scenarios.get(1), scenarios.get(2), scenarios.get(0)); // creates last: they add rows
    int run = 0;
    for (Scenario scenario : ordered) {
      String name = scenario.script().replace(".sql", "");
      Path script = scripts.resolve(scenario.script());
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
      say(
          String.format(
              "  %.0f tps, average %.2f ms, p99 %.2f ms, %d failed; CPU %% %s",
              result.tps(),
              result.averageLatencyMs(),
              result.percentileMs(99),
              result.failed(),
              usage.summary()));
      scenario.peer = new Measured<>(result, usage);
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
            serviceCommand,
            serversAtListTime,
            outboxPendingAfterCreate,
            outboxDrain,
            scenarios,
            scripts,
            Machine.revision(settings.root()));
    String markdown = report.markdown();
    Bench.writeResults(settings.root(), "inventory", started, settings.isDefault(), markdown);
  }

  /** A measured run and how busy the machine was meanwhile. */
  record Measured<T>(T result, CpuMeter.Usage cpu) {}

  /** One line of the results table: the API side and its raw-SQL peer. */
  static final class Scenario {
    private final String name;
    private final String request;
    private final String script;
    private final Measured<HttpLoad.Result> api;
    private Measured<PgBench.Result> peer;

    Scenario(String name, String request, String script, Measured<HttpLoad.Result> api) {
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

    Measured<HttpLoad.Result> api() {
      return api;
    }

    Measured<PgBench.Result> peer() {
      return peer;
    }
  }

  private Measured<HttpLoad.Result> apiPhase(
      String phase, Duration duration, long maxRequests, Api api, Supplier<HttpRequest> requests)
      throws InterruptedException {
    say("API " + phase + " (" + duration.toSeconds() + " s or " + maxRequests + " requests)");
    CpuMeter.Sample before = cpu.sample();
    HttpLoad.Result result =
        HttpLoad.run(api.client, phase, settings.concurrency(), duration, maxRequests, requests);
    CpuMeter.Usage usage = CpuMeter.between(before, cpu.sample());
    say(
        String.format(
            "  %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d ok, %d errors %s;"
                + " CPU %% %s",
            result.perSecond(),
            result.percentileMs(50),
            result.percentileMs(99),
            result.maxMs(),
            result.ok(),
            result.errors(),
            result.statuses(),
            usage.summary()));
    if (result.sampleError() != null) {
      say("  first error: " + result.sampleError());
    }
    return new Measured<>(result, usage);
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
   * same JSON documents and text columns, so each side moves the same bytes.
   */
  private static Map<String, String> pgbenchVariables(Database db, String datacenterId)
      throws Exception {
    Map<String, String> server =
        db.firstRow(
            DATABASE,
            "select hardware::text as hardware, roles, network_links, public_ips, private_ips,"
                + " management_ip, vendor, purchase_date, warranty_end, end_of_life"
                + " from server where roles = '[\"WEB\"]' limit 1");
    Map<String, String> change =
        db.firstRow(DATABASE, "select reason, changed_by from server_status_change limit 1");
    Map<String, String> event =
        db.firstRow(
            DATABASE,
            "select topic, event_type, source, actor, payload from outbox_event"
                + " where event_type like '%server-registered%' limit 1");
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("n", "0");
    vars.put("dc", datacenterId);
    vars.put("dccode", DATACENTER_CODE);
    vars.put("rolelike", "%\"WEB\"%");
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
    vars.put("offset", "0");
    vars.put("size", "50");
    vars.put("reason", change.get("reason"));
    vars.put("actor", change.get("changed_by"));
    vars.put("topic", event.get("topic"));
    vars.put("eventtype", event.get("event_type"));
    vars.put("source", event.get("source"));
    vars.put("payload", event.get("payload"));
    return vars;
  }

  private Path extractScripts() throws IOException {
    Path dir = target.resolve("pgbench");
    Files.createDirectories(dir);
    for (String name :
        List.of("inventory-create.sql", "inventory-list.sql", "inventory-list-filtered.sql")) {
      try (InputStream in = InventoryBenchmark.class.getResourceAsStream("/pgbench/" + name)) {
        if (in == null) {
          throw new IllegalStateException("pgbench script missing from the classpath: " + name);
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
  }

  /** The inventory API as the load generator calls it, on loopback, with an engineer's token. */
  static final class Api {

    final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String bearer;
    private final AtomicLong serial = new AtomicLong();

    Api(int port, String token) {
      this.base = "http://127.0.0.1:" + port;
      this.bearer = "Bearer " + token;
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
              post("/api/v1/datacenters", JSON.writeValueAsString(body)),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "Creating the datacenter answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * Server registrations shaped like the test fixtures' (the Toulouse HAProxy box: Xeon D-1531,
     * 32 GB, 2x250 GB SSD in RAID1, two network links), each with a new host name.
     */
    Supplier<HttpRequest> creates(String datacenterId) throws IOException {
      List<String> templates = new ArrayList<>();
      for (List<String> roles : ROLES) {
        templates.add(JSON.writeValueAsString(serverBody(datacenterId, roles)));
      }
      return () -> {
        long n = serial.getAndIncrement();
        int kind = (int) (n % ROLES.size());
        String hostname =
            String.format("%s-%07d.par-dc2.example.net", ROLES.get(kind).get(0).toLowerCase(), n);
        String body =
            templates
                .get(kind)
                .replace("HOSTNAME", hostname)
                .replace("10.2.0.0", "10.2." + (n / 250 % 250) + "." + (n % 250 + 1));
        return post("/api/v1/servers", body);
      };
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

    Supplier<HttpRequest> get(String pathAndQuery) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + pathAndQuery))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", bearer)
              .header("Accept", "application/json")
              .GET()
              .build();
      return () -> request;
    }

    /** One list call before measuring it: 200, a full page, the expected total. */
    void checkList(Supplier<HttpRequest> list, long servers)
        throws IOException, InterruptedException {
      HttpResponse<String> response = client.send(list.get(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "The server list answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode page = JSON.readTree(response.body());
      if (page.get("totalItems").asLong() != servers || page.get("items").size() != 50) {
        throw new IllegalStateException(
            "The server list does not show the "
                + servers
                + " servers: "
                + page.get("totalItems")
                + " in all, "
                + page.get("items").size()
                + " on the page");
      }
    }

    private HttpRequest post(String path, String json) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", bearer)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
    }
  }
}
