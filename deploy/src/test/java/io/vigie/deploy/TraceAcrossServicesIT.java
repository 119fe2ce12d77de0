package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.deploy.OtlpReceiver.ReceivedSpan;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PackagedService;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across two services as shipped (packaged jars, tracing on, exporting OTLP/HTTP to a
 * receiver the test runs): a request to inventory-service registers a client; the event goes
 * through inventory's outbox to Kafka with the request's {@code traceparent}; monitoring-service's
 * consumption of it is a span of the same trace.
 */
class TraceAcrossServicesIT {

  private static final VigieTestResources INFRASTRUCTURE = new VigieTestResources();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static OtlpReceiver collector;
  private static PackagedService inventory;
  private static PackagedService monitoring;

  @BeforeAll
  static void startTheServicesWithTracingOn() throws Exception {
    collector = new OtlpReceiver();
    Map<String, String> shared = new HashMap<>(INFRASTRUCTURE.start());
    shared.put("quarkus.otel.sdk.disabled", "false");
    shared.put("quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint());
    shared.put("quarkus.otel.bsp.schedule.delay", "200ms");
    int pg = PostgresResource.server().getPort();
    try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      // its own databases: LiveMetricsIT, in the same JVM, uses the services' usual names
      s.execute("create database trace_inventory");
      s.execute("create database trace_monitoring");
    }
    inventory = PackagedService.start("inventory-service", database(shared, pg, "trace_inventory"));
    monitoring =
        PackagedService.start("monitoring-service", database(shared, pg, "trace_monitoring"));
    inventory.awaitReady(Duration.ofMinutes(4));
    monitoring.awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() throws Exception {
    for (PackagedService service : new PackagedService[] {inventory, monitoring}) {
      if (service != null) {
        service.close();
      }
    }
    INFRASTRUCTURE.stop();
    if (collector != null) {
      collector.close();
    }
  }

  private static Map<String, String> database(Map<String, String> shared, int port, String name) {
    Map<String, String> config = new HashMap<>(shared);
    config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + name);
    config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + name);
    return config;
  }

  @Test
  void aRequestToInventoryAndItsEventsConsumptionInMonitoringAreOneTrace() throws Exception {
    String code = "trace-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(inventory.url("/api/v1/clients")))
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client(code)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String clientId = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");

    ReceivedSpan request =
        awaitSpan(
            s ->
                s.service().equals("inventory-service")
                    && s.kind() == ReceivedSpan.SERVER
                    && s.name().startsWith("POST")
                    && s.name().contains("/api/v1/clients"));

    // the event carries the request's trace on Kafka
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.await("inventory.events", KafkaEvents.withKey(clientId), 1, WAIT);
    assertThat(events).isNotEmpty();
    assertThat(KafkaEvents.header(events.get(0), "ce_type"))
        .isEqualTo("io.vigie.inventory.client-registered.v1");
    assertThat(KafkaEvents.header(events.get(0), "traceparent"))
        .startsWith("00-" + request.traceId() + "-");

    // and monitoring's consumption of it is a span of that trace
    ReceivedSpan consumed =
        awaitSpan(
            s ->
                s.service().equals("monitoring-service")
                    && s.kind() == ReceivedSpan.CONSUMER
                    && s.traceId().equals(request.traceId()));
    assertThat(consumed.name()).contains("inventory.events");
    assertThat(consumed.parentSpanId()).isNotEmpty();
  }

  private static ReceivedSpan awaitSpan(Predicate<ReceivedSpan> match) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ReceivedSpan> found = collector.spans().stream().filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no such span among those received: " + collector.spans());
  }

  private static String client(String code) {
    return """
        {"code": "%s", "name": "Client %s", "contactEmail": "ops@%s.example",
         "contract": {"availabilityTarget": 99.95,
           "supportHours": {"coverage": "ALWAYS", "timeZone": "Europe/Paris"},
           "priorityTargets": [{"priority": "P1", "timeToIntervention": "PT1H",
                                "timeToResolution": "PT4H"}],
           "backup": {"databaseEveryHours": 1, "databaseRetentionDays": 10,
                      "filesRetentionDays": 7, "copies": 2, "distinctSites": 2},
           "drp": {"rpo": "PT2H", "rto": "PT4H"}}}
        """
        .formatted(code, code, code);
  }
}
