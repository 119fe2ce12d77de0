package io.vigie.monitoring.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.PackagedReplicas;
import io.vigie.monitoring.PackagedReplicas.Replica;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Monitoring at three replicas, as deployed: three packaged services (their own JVMs) on one Kafka
 * and one PostgreSQL, a real Prometheus scraping a real node_exporter and remote-writing through a
 * round-robin in front of them (so each replica receives a third of the requests). A rule on a real
 * node_exporter metric fires exactly one AlertFired; the replica owning the host's partition is
 * killed (SIGKILL) while a second rule's {@code for} is running; another replica takes the
 * partition and replays it: the first alert does not fire again, the second fires once, counted
 * from its first breach, and the first resolves exactly once. The replicas are {@link
 * PackagedReplicas}, shared with the other crash test.
 */
class ThreeReplicasIT {

  // longer than the takeover takes from the kill (a 3 s session timeout, then the replay)
  private static final Duration FOR = Duration.ofSeconds(8);
  private static HttpServer roundRobin;

  @BeforeAll
  static void startRoundRobin() throws Exception {
    PackagedReplicas.all(); // shared with the other *ITs: started once
    roundRobin = roundRobin();
  }

  @AfterAll
  static void stopRoundRobin() {
    if (roundRobin != null) {
      roundRobin.stop(0);
    }
  }

  @Test
  void aKilledOwnerHandsItsPartitionOverWithoutRepeatingOrLosingAlerts() throws Exception {
    List<Replica> replicas = PackagedReplicas.live();
    assertThat(replicas).as("a survivor to take over").hasSizeGreaterThan(1);
    RestAssured.port = replicas.get(0).port();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting("three-" + suffix);
    String seen = "memory-seen-" + suffix;
    String counted = "memory-counted-" + suffix;
    URL front = URI.create("http://127.0.0.1:" + roundRobin.getAddress().getPort()).toURL();

    try (RealPrometheus prometheus =
        RealPrometheus.remoteWritingTo(front).scrapeLabel("server_id", server.toString()).start()) {
      Response seenRule = create(rule(seen, 0, "0s"));
      List<ConsumerRecord<String, String>> fired = events(MonitoringEvents.ALERT_FIRED, seen, 1);
      assertThat(fired).as(prometheus.logs()).hasSize(1);

      // the second rule goes pending; its owner dies before its for has run
      create(rule(counted, 0, FOR.toSeconds() + "s"));
      await().atMost(Duration.ofSeconds(60)).until(() -> alertState(server, counted) != null);
      int partition = SampleRouting.partition(server.toString(), 12);
      Claim before = claim(partition);
      Replica owner =
          replicas.stream().filter(r -> r.id().equals(before.owner())).findFirst().get();
      owner.process().destroyForcibly().waitFor(); // SIGKILL: no leave-group, no shutdown hook
      Replica survivor = replicas.stream().filter(r -> r != owner).findFirst().orElseThrow();
      RestAssured.port = survivor.port();

      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !claim(partition).owner().equals(before.owner()));
      Claim after = claim(partition);
      assertThat(after.epoch()).isGreaterThan(before.epoch());

      List<ConsumerRecord<String, String>> countedFired =
          events(MonitoringEvents.ALERT_FIRED, counted, 1);
      assertThat(countedFired).hasSize(1);
      Map<String, Object> alert = alert(server, counted);
      Duration pending =
          Duration.between(
              Instant.parse((String) alert.get("startedAt")),
              Instant.parse((String) alert.get("firedAt")));
      // counted from the first breach, across the takeover: not started over by the new owner
      assertThat(pending).isGreaterThanOrEqualTo(FOR).isLessThan(FOR.plusSeconds(15));

      // the first alert neither fired again nor was lost; changed to clear, it resolves once
      given()
          .auth()
          .oauth2(TestTokens.engineer())
          .contentType(ContentType.JSON)
          .header("If-Match", seenRule.header("ETag"))
          .body(rule(seen, 1e18, "0s"))
          .put("/api/v1/alert-rules/" + seenRule.path("id"))
          .then()
          .statusCode(200);
      // (every read below returns once all the replicas committed so far is published: a
      // duplicate from any of them is in it, without waiting out a quiet period)
      String fingerprint = fired.get(0).key();
      assertThat(keyed(MonitoringEvents.ALERT_RESOLVED, fingerprint, 1, Duration.ofSeconds(60)))
          .hasSize(1);
      // two more evaluations on every replica left: neither alert fires nor resolves again
      awaitEvaluations(2);
      assertThat(keyed(MonitoringEvents.ALERT_RESOLVED, fingerprint, 0, Duration.ZERO)).hasSize(1);
      assertThat(keyed(MonitoringEvents.ALERT_FIRED, fingerprint, 0, Duration.ZERO)).hasSize(1);
      assertThat(events(MonitoringEvents.ALERT_FIRED, counted, 1)).hasSize(1);
    }
  }

  private static Map<String, Object> rule(String name, double threshold, String forDuration) {
    Map<String, Object> rule = new HashMap<>();
    rule.put("name", name);
    rule.put("kind", "METRIC");
    rule.put(
        "expr",
        Map.of(
            "selector",
            Map.of(
                "metric",
                name.startsWith("memory-seen")
                    ? "node_memory_MemTotal_bytes"
                    : "node_memory_MemAvailable_bytes")));
    rule.put("comparison", ">");
    rule.put("threshold", threshold);
    rule.put("for", forDuration);
    rule.put("severity", "warning");
    rule.put("annotations", Map.of("summary", name + " on {{ $labels.instance }}"));
    return rule;
  }

  private static Response create(Map<String, Object> rule) {
    Response created =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .contentType(ContentType.JSON)
            .body(rule)
            .post("/api/v1/alert-rules");
    created.then().statusCode(201);
    return created;
  }

  /** The events of {@code type} naming {@code rule} once {@code count} came and all are read. */
  private static List<ConsumerRecord<String, String>> events(String type, String rule, int count) {
    return PublishedEvents.await(
        MonitoringEvents.TOPIC,
        r -> type.equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(rule),
        count,
        Duration.ofSeconds(90));
  }

  private static List<ConsumerRecord<String, String>> keyed(
      String type, String key, int count, Duration wait) {
    return PublishedEvents.await(
        MonitoringEvents.TOPIC,
        r -> type.equals(KafkaEvents.header(r, "ce_type")) && key.equals(r.key()),
        count,
        wait);
  }

  /** Waits until every live replica has run {@code more} rule evaluations from now. */
  private static void awaitEvaluations(int more) {
    Map<Replica, Double> before = new HashMap<>();
    live().forEach(r -> before.put(r, evaluations(r)));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                before.entrySet().stream()
                    .allMatch(e -> evaluations(e.getKey()) >= e.getValue() + more));
  }

  /** How many rule evaluations the replica has run (its evaluation timer's count). */
  private static double evaluations(Replica replica) {
    HttpResponse<String> metrics;
    try {
      metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + replica.port() + "/q/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return metrics
        .body()
        .lines()
        .filter(line -> line.startsWith("vigie_monitoring_rules_evaluation_seconds_count"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static Map<String, Object> alert(UUID server, String rule) {
    List<Map<String, Object>> items =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .queryParam("serverId", server)
            .get("/api/v1/alerts")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    List<Map<String, Object>> mine =
        items.stream().filter(a -> ("rule:" + rule).equals(a.get("source"))).toList();
    assertThat(mine).as("one alert of " + rule + ", not one per owner").hasSizeLessThan(2);
    return mine.isEmpty() ? null : mine.get(0);
  }

  private static String alertState(UUID server, String rule) {
    Map<String, Object> alert = alert(server, rule);
    return alert == null ? null : (String) alert.get("state");
  }

  /** A partition's claim in the database. */
  record Claim(String owner, long epoch) {}

  private static Claim claim(int partition) throws Exception {
    Map<String, String> config = PackagedReplicas.config();
    try (Connection db =
            DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
        PreparedStatement query =
            db.prepareStatement("select owner, epoch from sample_shard where shard = ?")) {
      query.setString(1, "monitoring.samples/" + partition);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? new Claim(row.getString(1), row.getLong(2)) : new Claim("", 0);
      }
    }
  }

  /**
   * A round-robin in front of the replicas, as a Kubernetes Service spreads requests: each request
   * goes to the next replica; one that does not answer is skipped (as once its readiness fails).
   */
  private static HttpServer roundRobin() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    AtomicInteger next = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          List<Replica> replicas = snapshot();
          for (int attempt = 0; attempt < replicas.size(); attempt++) {
            Replica replica = replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()));
            if (!replica.alive()) {
              continue;
            }
            try {
              forward(http, exchange, replica, body);
              return;
            } catch (IOException unreachable) {
              // the next one
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
          }
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  private static List<Replica> snapshot() {
    try {
      return PackagedReplicas.all();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Replica> live() {
    return snapshot().stream().filter(Replica::alive).toList();
  }

  private static void forward(HttpClient http, HttpExchange exchange, Replica replica, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + replica.port() + exchange.getRequestURI().toString()))
            .timeout(Duration.ofSeconds(30))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header :
        List.of(
            "Authorization",
            "Content-Type",
            "Content-Encoding",
            "X-Prometheus-Remote-Write-Version")) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    HttpResponse<byte[]> answer =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    answer
        .headers()
        .firstValue("Content-Type")
        .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
    answer
        .headers()
        .firstValue("Retry-After")
        .ifPresent(after -> exchange.getResponseHeaders().add("Retry-After", after));
    byte[] out = answer.body();
    exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(out);
      }
    }
    exchange.close();
  }
}
