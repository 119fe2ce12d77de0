package io.vigie.benchmarks;

import io.vigie.dns.servers.BindServer;
import io.vigie.dns.servers.KnotServer;
import io.vigie.dns.servers.PowerDnsServer;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * dns-service's change latency against real servers: one record set changed through the API ({@code
 * PUT /api/v1/zones/{id}/record-sets/www/A}, which plans, stores, audits and applies it), timed
 * from the request until a real PowerDNS (HTTP API) and a real BIND 9 (RFC 2136 with TSIG) each
 * answer the new address over DNS; beside it the floor, the same change made directly with each
 * server's own tool (a PowerDNS API {@code PATCH}, {@code nsupdate}) and timed the same way.
 * Changes are sequential (one zone, If-Match). Run by {@code benchmarks/run-dns.sh}.
 */
public final class DnsBenchmark {

  private static final String DATABASE = "dns";
  private static final String ZONE = "bench.example.";
  private static final String TENANT = "bench";

  private final Path root = Path.of(System.getProperty("vigie.root", ".")).toAbsolutePath();
  private final Path target = root.resolve("benchmarks/target/dns");
  private final int changes = Integer.getInteger("vigie.bench.changes", 500);
  private final int warmup = Integer.getInteger("vigie.bench.warmup", 30);
  private final String heap = System.getProperty("vigie.bench.serviceHeap", "512m");
  private final HttpClient http = Bench.httpClient();

  public static void main(String[] args) {
    Bench.main(() -> new DnsBenchmark().run());
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    boolean defaults =
        System.getProperties().stringPropertyNames().stream()
            .noneMatch(
                p ->
                    p.startsWith("vigie.bench.")
                        && !p.equals("vigie.bench.command")
                        && !p.equals("vigie.bench.verbose"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    Files.createDirectories(target);

    say("starting embedded PostgreSQL and Kafka, a real PowerDNS, BIND 9 and Knot DNS");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    new Database(pgPort).createDatabase(DATABASE);
    // the same servers as dns-service's tests (its test-jar): no copy of the fixtures here
    PowerDnsServer pdns = PowerDnsServer.start(fresh("pdns"));
    BindServer bind = BindServer.start(fresh("bind"), Map.of(ZONE, BindServer.emptyZone(ZONE)));
    KnotServer knot = KnotServer.start(fresh("knot"), Map.of(ZONE, BindServer.emptyZone(ZONE)));

    int httpPort = Machine.freePort();
    Map<String, String> env = ServiceProcess.environment(httpPort, pgPort, DATABASE, kafka);
    Path work = target.resolve("dns-service");
    Files.createDirectories(work.resolve("config"));
    Files.writeString(
        work.resolve("config/application.properties"),
        String.join(
            "\n",
            "vigie.dns.providers.pdns.kind=powerdns",
            "vigie.dns.providers.pdns.url=" + pdns.apiUrl(),
            "vigie.dns.providers.pdns.api-key=" + pdns.apiKey,
            "vigie.dns.providers.pdns.port=" + pdns.dnsPort,
            "vigie.dns.providers.bind.kind=rfc2136",
            "vigie.dns.providers.bind.host=127.0.0.1",
            "vigie.dns.providers.bind.port=" + bind.port,
            "vigie.dns.providers.bind.tsig-key-name=" + BindServer.KEY_NAME,
            "vigie.dns.providers.bind.tsig-secret=" + bind.secret,
            "vigie.dns.providers.knot.kind=rfc2136",
            "vigie.dns.providers.knot.host=127.0.0.1",
            "vigie.dns.providers.knot.port=" + knot.port,
            "vigie.dns.providers.knot.tsig-key-name=" + KnotServer.KEY_NAME,
            "vigie.dns.providers.knot.tsig-secret=" + knot.secret,
            "vigie.dns.default-providers=pdns,bind,knot",
            ""));
    Path jar = root.resolve("dns-service/target/quarkus-app/quarkus-run.jar");
    say("starting dns-service on 127.0.0.1:" + httpPort + " (log: target/dns/dns-service.log)");
    Report report;
    try (pdns;
        bind;
        knot;
        ServiceProcess service =
            ServiceProcess.start(java, heap, jar, work, target.resolve("dns-service.log"), env)) {
      service.awaitReady(
          URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"), Duration.ofMinutes(3));
      URI api = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/");
      registerClient();
      String[] zone = createZone(api);
      int[] ports = {pdns.dnsPort, bind.port, knot.port};
      String id = zone[0];
      String etag = zone[1];

      say("warm-up: " + warmup + " changes through the API");
      for (int i = 0; i < warmup; i++) {
        etag = change(api, id, etag, address(60_000 + i), ports, null);
      }
      say("measuring " + changes + " changes through the API");
      List<Double> response = new ArrayList<>();
      List<Double> toPdns = new ArrayList<>();
      List<Double> toBind = new ArrayList<>();
      List<Double> toKnot = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        double[] times = new double[4];
        etag = change(api, id, etag, address(i + 1), ports, times);
        response.add(times[0]);
        toPdns.add(times[1]);
        toBind.add(times[2]);
        toKnot.add(times[3]);
      }

      say("measuring the floor: " + changes + " changes with the PowerDNS API and nsupdate");
      List<Double> floorPdns = new ArrayList<>();
      List<Double> floorBind = new ArrayList<>();
      List<Double> floorKnot = new ArrayList<>();
      for (int i = 0; i < warmup + changes; i++) {
        String address = address(100_000 + i);
        long t0 = System.nanoTime();
        pdnsReplace(pdns, "direct." + ZONE, address);
        await(pdns.dnsPort, "direct." + ZONE, address);
        double p = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        bind.nsupdate(ZONE, replaceWithNsupdate("direct." + ZONE, address));
        await(bind.port, "direct." + ZONE, address);
        double b = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        knot.nsupdate(ZONE, replaceWithNsupdate("direct." + ZONE, address));
        await(knot.port, "direct." + ZONE, address);
        double k = (System.nanoTime() - t0) / 1e6;
        if (i >= warmup) {
          floorPdns.add(p);
          floorBind.add(b);
          floorKnot.add(k);
        }
      }
      report =
          new Report(
              Distribution.of(response),
              Distribution.of(toPdns),
              Distribution.of(toBind),
              Distribution.of(toKnot),
              Distribution.of(floorPdns),
              Distribution.of(floorBind),
              Distribution.of(floorKnot));
    }
    StringBuilder md = new StringBuilder();
    md.append("# dns-service: change accepted by the API → answered by each real server\n\n");
    md.append("Command: `")
        .append(System.getProperty("vigie.bench.command", "benchmarks/run-dns.sh"))
        .append("` (revision ")
        .append(Machine.revision(root))
        .append(", ")
        .append(started)
        .append(")\n\n");
    md.append(
            "One zone (`bench.example.`) bound to a real PowerDNS (HTTP API, SQLite backend, caches"
                + " off), a real BIND 9 and a real Knot DNS (both RFC 2136 with TSIG), all on"
                + " loopback. Each change sets"
                + " `www` A to a new address with `PUT /api/v1/zones/{id}/record-sets/www/A`"
                + " (If-Match; validated, planned, stored with a new serial, audited, events in the"
                + " outbox, applied to the three servers); it is timed from the request until each server"
                + " answers the new address to a DNS query (UDP, polled). Sequential, ")
        .append(changes)
        .append(" measured changes after ")
        .append(warmup)
        .append(
            " warm-up ones. The floor is the same change made directly: a PowerDNS API `PATCH`"
                + " (REPLACE) and an `nsupdate` run (new process, TSIG) against BIND and against Knot, timed"
                + " the same way.\n\n");
    md.append("| path | count | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
    row(md, "API answered (200, the three servers applied)", report.response());
    row(md, "API → PowerDNS answers", report.toPdns());
    row(md, "API → BIND answers", report.toBind());
    row(md, "API → Knot answers", report.toKnot());
    row(md, "floor: PowerDNS API PATCH → answers", report.floorPdns());
    row(md, "floor: nsupdate → BIND answers", report.floorBind());
    row(md, "floor: nsupdate → Knot answers", report.floorKnot());
    md.append(
        "\nThe API path applies to the servers one after the other (PowerDNS: read the zone,"
            + " PATCH, notify; BIND, then Knot: AXFR, UPDATE), so each answers after the one before"
            + " plus its own apply; the difference to the floor is Vigie's work (validation, plan, the"
            + " transaction with audit and outbox, reading each server's copy first).\n\n");
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, Machine.loadAverage());
    Bench.writeResults(root, "dns", started, defaults, md.toString());
  }

  private record Report(
      Distribution response,
      Distribution toPdns,
      Distribution toBind,
      Distribution toKnot,
      Distribution floorPdns,
      Distribution floorBind,
      Distribution floorKnot) {}

  private static void row(StringBuilder md, String what, Distribution d) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(d.count())
        .append(" | ")
        .append(d.percentileCells())
        .append(" |\n");
  }

  private static String address(int n) {
    return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
  }

  private void registerClient() throws Exception {
    ClientSnapshot client =
        new ClientSnapshot(UUID.randomUUID(), TENANT, "Bench client", "ops@bench.example", null, 1);
    KafkaEvents.publish(
        InventoryEvents.TOPIC,
        client.id().toString(),
        UUID.randomUUID().toString(),
        InventoryEvents.CLIENT_REGISTERED,
        EventJson.newMapper().writeValueAsString(new ClientRegistered(client)));
  }

  /** The zone's id and ETag. */
  private String[] createZone(URI api) throws Exception {
    String body =
        "{\"name\":\""
            + ZONE
            + "\",\"tenant\":\""
            + TENANT
            + "\",\"template\":false,\"recordSets\":["
            + "{\"name\":\"@\",\"type\":\"NS\",\"ttl\":86400,\"records\":[\"ns1.hoster-demo.net.\"]},"
            + "{\"name\":\"www\",\"type\":\"A\",\"ttl\":60,\"records\":[\"10.255.255.1\"]}]}";
    // the service learns the client from inventory.events: a zone for an unknown client is refused
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> created = send(post(api.resolve("zones"), body));
    while (created.statusCode() != 201 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      created = send(post(api.resolve("zones"), body));
    }
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "zone not created: " + created.statusCode() + " " + created.body());
    }
    String id = created.body().replaceAll("(?s)^.*?\"id\":\"([0-9a-f-]{36})\".*$", "$1");
    return new String[] {id, created.headers().firstValue("ETag").orElseThrow()};
  }

  /**
   * One change through the API; {@code times}: response, then when each server of {@code ports}
   * answers (ms).
   */
  private String change(
      URI api, String id, String etag, String address, int[] ports, double[] times)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve("zones/" + id + "/record-sets/www/A"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TestTokens.engineer())
            .header("Content-Type", "application/json")
            .header("If-Match", etag)
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"ttl\":60,\"records\":[\"" + address + "\"]}"))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> response = send(request);
    long answered = System.nanoTime();
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "change refused: " + response.statusCode() + " " + response.body());
    }
    if (times != null) {
      times[0] = (answered - t0) / 1e6;
    }
    for (int s = 0; s < ports.length; s++) {
      await(ports[s], "www." + ZONE, address);
      if (times != null) {
        times[s + 1] = (System.nanoTime() - t0) / 1e6;
      }
    }
    return response.headers().firstValue("ETag").orElseThrow();
  }

  /** Asks {@code port} until it answers {@code address} for {@code name} A (10 s at most). */
  private static void await(int port, String name, String address) throws Exception {
    SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
    resolver.setTimeout(Duration.ofSeconds(2));
    Message query = Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      Message response = resolver.send(query);
      List<Record> answer = response.getSection(Section.ANSWER);
      if (answer.size() == 1 && answer.get(0).rdataToString().equals(address)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(port + " still answers " + answer + " for " + name);
      }
    }
  }

  private HttpRequest post(URI uri, String body) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TestTokens.engineer())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** An empty directory for a server under {@code target}. */
  private Path fresh(String name) throws IOException {
    Path dir = target.resolve(name);
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private static void say(String line) {
    System.out.println("[bench] " + line);
  }

  /** The floor on PowerDNS: one RRset replaced with its HTTP API, as a script would. */
  private void pdnsReplace(PowerDnsServer pdns, String name, String address) throws Exception {
    String body =
        "{\"rrsets\":[{\"name\":\""
            + name
            + "\",\"type\":\"A\",\"ttl\":60,\"changetype\":\"REPLACE\",\"records\":"
            + "[{\"content\":\""
            + address
            + "\",\"disabled\":false}]}]}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(pdns.apiUrl() + "/zones/" + ZONE))
                .header("X-API-Key", pdns.apiKey)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 204) {
      throw new IllegalStateException(
          "PowerDNS PATCH: " + response.statusCode() + " " + response.body());
    }
  }

  /** The floor on an RFC 2136 server: one RRset replaced with {@code nsupdate} and TSIG. */
  private static String[] replaceWithNsupdate(String name, String address) {
    return new String[] {"update delete " + name + " A", "update add " + name + " 60 A " + address};
  }
}
