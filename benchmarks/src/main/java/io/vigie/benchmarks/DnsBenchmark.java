package io.vigie.benchmarks;

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
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
  private static final String KEY_NAME = "vigie-bench";

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

    say("starting embedded PostgreSQL and Kafka, a real PowerDNS and a real BIND 9");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    new Database(pgPort).createDatabase(DATABASE);
    Pdns pdns = Pdns.start(target.resolve("pdns"));
    Bind bind = Bind.start(target.resolve("bind"));

    int httpPort = Machine.freePort();
    Map<String, String> env = ServiceProcess.environment(httpPort, pgPort, DATABASE, kafka);
    Path work = target.resolve("dns-service");
    Files.createDirectories(work.resolve("config"));
    Files.writeString(
        work.resolve("config/application.properties"),
        String.join(
            "\n",
            "vigie.dns.providers.pdns.kind=powerdns",
            "vigie.dns.providers.pdns.url=http://127.0.0.1:"
                + pdns.apiPort
                + "/api/v1/servers/localhost",
            "vigie.dns.providers.pdns.api-key=" + pdns.apiKey,
            "vigie.dns.providers.pdns.port=" + pdns.dnsPort,
            "vigie.dns.providers.bind.kind=rfc2136",
            "vigie.dns.providers.bind.host=127.0.0.1",
            "vigie.dns.providers.bind.port=" + bind.port,
            "vigie.dns.providers.bind.tsig-key-name=" + KEY_NAME,
            "vigie.dns.providers.bind.tsig-secret=" + bind.secret,
            "vigie.dns.default-providers=pdns,bind",
            ""));
    Path jar = root.resolve("dns-service/target/quarkus-app/quarkus-run.jar");
    say("starting dns-service on 127.0.0.1:" + httpPort + " (log: target/dns/dns-service.log)");
    Report report;
    try (pdns;
        bind;
        ServiceProcess service =
            ServiceProcess.start(java, heap, jar, work, target.resolve("dns-service.log"), env)) {
      service.awaitReady(
          URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"), Duration.ofMinutes(3));
      URI api = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/");
      registerClient(api);
      String[] zone = createZone(api);
      String id = zone[0];
      String etag = zone[1];

      say("warm-up: " + warmup + " changes through the API");
      for (int i = 0; i < warmup; i++) {
        etag = change(api, id, etag, address(60_000 + i), pdns.dnsPort, bind.port, null);
      }
      say("measuring " + changes + " changes through the API");
      List<Double> response = new ArrayList<>();
      List<Double> toPdns = new ArrayList<>();
      List<Double> toBind = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        double[] times = new double[3];
        etag = change(api, id, etag, address(i + 1), pdns.dnsPort, bind.port, times);
        response.add(times[0]);
        toPdns.add(times[1]);
        toBind.add(times[2]);
      }

      say("measuring the floor: " + changes + " changes with the PowerDNS API and nsupdate");
      List<Double> floorPdns = new ArrayList<>();
      List<Double> floorBind = new ArrayList<>();
      for (int i = 0; i < warmup + changes; i++) {
        String address = address(100_000 + i);
        long t0 = System.nanoTime();
        pdns.replace("direct." + ZONE, address);
        await(pdns.dnsPort, "direct." + ZONE, address);
        double p = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        bind.nsupdate("direct." + ZONE, address);
        await(bind.port, "direct." + ZONE, address);
        double b = (System.nanoTime() - t0) / 1e6;
        if (i >= warmup) {
          floorPdns.add(p);
          floorBind.add(b);
        }
      }
      report =
          new Report(
              Distribution.of(response),
              Distribution.of(toPdns),
              Distribution.of(toBind),
              Distribution.of(floorPdns),
              Distribution.of(floorBind));
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
                + " off) and a real BIND 9 (RFC 2136 with TSIG), both on loopback. Each change sets"
                + " `www` A to a new address with `PUT /api/v1/zones/{id}/record-sets/www/A`"
                + " (If-Match; validated, planned, stored with a new serial, audited, events in the"
                + " outbox, applied to both servers); it is timed from the request until each server"
                + " answers the new address to a DNS query (UDP, polled). Sequential, ")
        .append(changes)
        .append(" measured changes after ")
        .append(warmup)
        .append(
            " warm-up ones. The floor is the same change made directly: a PowerDNS API `PATCH`"
                + " (REPLACE) and an `nsupdate` run (new process, TSIG), timed the same way.\n\n");
    md.append("| path | count | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
    row(md, "API answered (200, both servers applied)", report.response());
    row(md, "API → PowerDNS answers", report.toPdns());
    row(md, "API → BIND answers", report.toBind());
    row(md, "floor: PowerDNS API PATCH → answers", report.floorPdns());
    row(md, "floor: nsupdate → BIND answers", report.floorBind());
    md.append(
        "\nThe API path applies to the two servers one after the other (PowerDNS: read the zone,"
            + " PATCH, notify; BIND: AXFR, UPDATE), so BIND answers after PowerDNS plus its own"
            + " apply; the difference to the floor is Vigie's work (validation, plan, the"
            + " transaction with audit and outbox, reading each server's copy first).\n\n");
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, Machine.loadAverage());
    md.append(
        "- Shared with other engineers' builds and tests during the run: the figures are an upper"
            + " bound.\n");
    Bench.writeResults(root, "dns", started, defaults, md.toString());
  }

  private record Report(
      Distribution response,
      Distribution toPdns,
      Distribution toBind,
      Distribution floorPdns,
      Distribution floorBind) {}

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

  private void registerClient(URI api) throws Exception {
    ClientSnapshot client =
        new ClientSnapshot(UUID.randomUUID(), TENANT, "Bench client", "ops@bench.example", null, 1);
    KafkaEvents.publish(
        InventoryEvents.TOPIC,
        client.id().toString(),
        UUID.randomUUID().toString(),
        InventoryEvents.CLIENT_REGISTERED,
        EventJson.newMapper().writeValueAsString(new ClientRegistered(client)));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String probe = "{\"name\":\"probe.bench.example.\",\"tenant\":\"" + TENANT + "\"}";
    while (send(post(api.resolve("zones?dryRun=true"), probe)).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("dns-service did not learn the client in 60 s");
      }
      Thread.sleep(200);
    }
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
    HttpResponse<String> created = send(post(api.resolve("zones"), body));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "zone not created: " + created.statusCode() + " " + created.body());
    }
    String id = created.body().replaceAll("(?s)^.*?\"id\":\"([0-9a-f-]{36})\".*$", "$1");
    return new String[] {id, created.headers().firstValue("ETag").orElseThrow()};
  }

  /** One change through the API; {@code times}: response, PowerDNS answers, BIND answers (ms). */
  private String change(
      URI api, String id, String etag, String address, int pdnsPort, int bindPort, double[] times)
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
    await(pdnsPort, "www." + ZONE, address);
    long pdns = System.nanoTime();
    await(bindPort, "www." + ZONE, address);
    long bind = System.nanoTime();
    if (times != null) {
      times[0] = (answered - t0) / 1e6;
      times[1] = (pdns - t0) / 1e6;
      times[2] = (bind - t0) / 1e6;
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

  private static void say(String line) {
    System.out.println("[bench] " + line);
  }

  private static void awaitPort(int port, ExternalProcess process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(process.command() + " did not open port " + port);
  }

  /** A real PowerDNS Authoritative with the SQLite backend and its HTTP API, caches off. */
  private static final class Pdns implements AutoCloseable {
    final int dnsPort;
    final int apiPort;
    final String apiKey = UUID.randomUUID().toString();
    private final ExternalProcess process;
    private final HttpClient http = Bench.httpClient();

    private Pdns(Path dir) throws Exception {
      Files.createDirectories(dir);
      Path db = dir.resolve("pdns.sqlite3");
      Files.deleteIfExists(db);
      Process sqlite =
          new ProcessBuilder("sqlite3", db.toString())
              .redirectInput(
                  Path.of("/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql").toFile())
              .redirectErrorStream(true)
              .start();
      if (sqlite.waitFor() != 0) {
        throw new IllegalStateException("sqlite3 could not load the PowerDNS schema");
      }
      dnsPort = Machine.freePort();
      apiPort = Machine.freePort();
      Files.writeString(
          dir.resolve("pdns.conf"),
          String.join(
              "\n",
              "launch=gsqlite3",
              "gsqlite3-database=" + db,
              "local-address=127.0.0.1",
              "local-port=" + dnsPort,
              "api=yes",
              "api-key=" + apiKey,
              "webserver=yes",
              "webserver-address=127.0.0.1",
              "webserver-port=" + apiPort,
              "webserver-allow-from=127.0.0.0/8",
              "socket-dir=" + dir,
              "daemon=no",
              "guardian=no",
              "security-poll-suffix=",
              "cache-ttl=0",
              "negquery-cache-ttl=0",
              "query-cache-ttl=0",
              "zone-cache-refresh-interval=0",
              ""));
      process =
          ExternalProcess.start(
              List.of("/usr/sbin/pdns_server", "--config-dir=" + dir),
              dir,
              dir.resolve("pdns.log"));
      awaitPort(apiPort, process);
      awaitPort(dnsPort, process);
    }

    static Pdns start(Path dir) throws Exception {
      return new Pdns(dir);
    }

    /** The floor: one RRset replaced with the PowerDNS API, as a script would. */
    void replace(String name, String address) throws Exception {
      String body =
          "{\"rrsets\":[{\"name\":\""
              + name
              + "\",\"type\":\"A\",\"ttl\":60,\"changetype\":\"REPLACE\",\"records\":"
              + "[{\"content\":\""
              + address
              + "\",\"disabled\":false}]}]}";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + apiPort
                              + "/api/v1/servers/localhost/zones/"
                              + ZONE))
                  .header("X-API-Key", apiKey)
                  .header("Content-Type", "application/json")
                  .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 204) {
        throw new IllegalStateException(
            "PowerDNS PATCH: " + response.statusCode() + " " + response.body());
      }
    }

    @Override
    public void close() {
      process.close();
    }
  }

  /** A real BIND 9 serving {@link #ZONE} as a primary open to TSIG-signed updates and AXFR. */
  private static final class Bind implements AutoCloseable {
    final int port;
    final String secret;
    private final Path dir;
    private final ExternalProcess process;

    private Bind(Path dir) throws Exception {
      this.dir = dir;
      Files.createDirectories(dir);
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      secret = Base64.getEncoder().encodeToString(raw);
      port = Machine.freePort();
      Files.writeString(
          dir.resolve("key.conf"),
          "key \""
              + KEY_NAME
              + "\" {\n  algorithm hmac-sha256;\n  secret \""
              + secret
              + "\";\n};\n");
      Path zoneFile = dir.resolve(ZONE + "zone");
      Files.writeString(
          zoneFile,
          "$ORIGIN "
              + ZONE
              + "\n$TTL 3600\n@ IN SOA ns1.hoster-demo.net. hostmaster.hoster-demo.net. 2026010100"
              + " 3600 600 1209600 300\n@ IN NS ns1.hoster-demo.net.\n");
      Files.deleteIfExists(dir.resolve(ZONE + "zone.jnl"));
      Files.writeString(
          dir.resolve("named.conf"),
          String.join(
              "\n",
              "include \"" + dir.resolve("key.conf") + "\";",
              "options {",
              "  directory \"" + dir + "\";",
              "  listen-on port " + port + " { 127.0.0.1; };",
              "  listen-on-v6 { none; };",
              "  pid-file \"" + dir.resolve("named.pid") + "\";",
              "  recursion no;",
              "  notify no;",
              "};",
              "controls { };",
              "zone \"" + ZONE + "\" {",
              "  type primary;",
              "  file \"" + zoneFile + "\";",
              "  allow-update { key \"" + KEY_NAME + "\"; };",
              "  allow-transfer { key \"" + KEY_NAME + "\"; };",
              "};",
              ""));
      process =
          ExternalProcess.start(
              List.of(
                  "/usr/sbin/named", "-c", dir.resolve("named.conf").toString(), "-g", "-n", "1"),
              dir,
              dir.resolve("named.log"));
      awaitPort(port, process);
    }

    static Bind start(Path dir) throws Exception {
      return new Bind(dir);
    }

    /** The floor: one RRset replaced with {@code nsupdate} and the TSIG key, as a script would. */
    void nsupdate(String name, String address) throws Exception {
      String script =
          "server 127.0.0.1 "
              + port
              + "\nzone "
              + ZONE
              + "\nupdate delete "
              + name
              + " A\nupdate add "
              + name
              + " 60 A "
              + address
              + "\nsend\n";
      Process p =
          new ProcessBuilder("nsupdate", "-k", dir.resolve("key.conf").toString())
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().write(script.getBytes());
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("nsupdate failed: " + out);
      }
    }

    @Override
    public void close() {
      process.close();
    }
  }
}
