package io.vigie.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PackagedService;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flow 2 of the architecture with the services as shipped: ticket-service and monitoring-service,
 * each its packaged jar in its own JVM with its own database, on one PostgreSQL and one Kafka
 * broker. An intervention proposed over one server, accepted by the client it concerns and so
 * scheduled, silences that server's alerts during its window and no other server's; ended, it
 * silences nothing more.
 */
class InterventionSilencesAlertsIT {

  private static final ObjectMapper JSON = EventJson.newMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final VigieTestResources INFRASTRUCTURE = new VigieTestResources();

  private static PackagedService tickets;
  private static PackagedService monitoring;

  @BeforeAll
  static void startTheServices() throws Exception {
    Map<String, String> shared = INFRASTRUCTURE.start();
    int pg = PostgresResource.server().getPort();
    try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database ticket");
      s.execute("create database monitoring");
    }
    PackagedService t = PackagedService.start("ticket-service", database(shared, pg, "ticket"));
    PackagedService m =
        PackagedService.start("monitoring-service", database(shared, pg, "monitoring"));
    tickets = t;
    monitoring = m;
    t.awaitReady(Duration.ofSeconds(90));
    m.awaitReady(Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopTheServices() throws Exception {
    for (PackagedService service : new PackagedService[] {tickets, monitoring}) {
      if (service != null) {
        service.close();
      }
    }
    INFRASTRUCTURE.stop();
  }

  private static Map<String, String> database(Map<String, String> shared, int port, String name) {
    Map<String, String> config = new HashMap<>(shared);
    config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + name);
    config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + name);
    return config;
  }

  @Test
  void anAcceptedInterventionSilencesExactlyItsTargetsDuringItsWindow() throws Exception {
    String tenant = "lumiere-" + UUID.randomUUID().toString().substring(0, 8);
    UUID clientId = UUID.randomUUID();
    UUID worked = UUID.randomUUID();
    UUID untouched = UUID.randomUUID();
    publish(
        new ClientRegistered(
            new ClientSnapshot(
                clientId, tenant, "Lumière SAS", "ops@" + tenant + ".example", null, 1)));
    publish(new ServerRegistered(server(worked, "web1")));
    publish(new ServerRegistered(server(untouched, "web2")));
    UUID shop = UUID.randomUUID();
    publish(new HostedServiceCreated(website(shop, clientId, tenant, "shop", worked)));
    publish(
        new HostedServiceCreated(website(UUID.randomUUID(), clientId, tenant, "blog", untouched)));

    // monitoring knows both servers, ticket-service the one worked on
    for (UUID server : List.of(worked, untouched)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  as(TestTokens.support())
                          .get(monitoring.url("/api/v1/targets/" + server))
                          .statusCode()
                      == 200);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant opens = now.minus(Duration.ofMinutes(5));
    Instant closes = now.plus(Duration.ofMinutes(30));
    Map<String, Object> proposal =
        Map.of(
            "title", "Kernel update on web1",
            "clientText", "Your shop restarts once; about five minutes.",
            "startsAt", opens.toString(),
            "endsAt", closes.toString(),
            "serverIds", List.of(worked.toString()),
            // named too, so the proposal is refused (400) until ticket-service has the shop from
            // inventory.events: only then does it know the client the intervention concerns
            "hostedServiceIds", List.of(shop.toString()));
    String id =
        await()
            .atMost(WAIT)
            .until(
                () -> as(TestTokens.engineer()).body(proposal).post(tickets.url(INTERVENTIONS)),
                r -> r.statusCode() == 201)
            .path("id");
    as(TestTokens.client(tenant))
        .get(tickets.url(INTERVENTIONS + "/" + id))
        .then()
        .statusCode(200)
        .body("status", equalTo("PROPOSED"));
    as(TestTokens.client(tenant))
        .body(Map.of("answer", "ACCEPTED"))
        .post(tickets.url(INTERVENTIONS + "/" + id + "/consent"))
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"));

    // monitoring holds a window from the intervention, over exactly the server worked on
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(TestTokens.support())
                    .queryParam("activeAt", now.toString())
                    .queryParam("serverId", worked)
                    .get(monitoring.url("/api/v1/maintenance-windows"))
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].source", equalTo("TICKET"))
                    .body("items[0].startsAt", equalTo(opens.toString()))
                    .body("items[0].endsAt", equalTo(closes.toString())));
    as(TestTokens.support())
        .queryParam("serverId", untouched)
        .get(monitoring.url("/api/v1/maintenance-windows"))
        .then()
        .body("items.size()", equalTo(0));

    // both servers fail during the window: only the one not worked on pages
    for (UUID server : List.of(worked, untouched)) {
      reportCritical(server, now.minusSeconds(90), now.minusSeconds(60), now.minusSeconds(30));
    }
    assertThat(alertsFired(untouched, 1, Duration.ofSeconds(30))).hasSize(1);
    assertThat(alertsFired(worked, 0, Duration.ofSeconds(3))).isEmpty();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(TestTokens.engineer())
                    .queryParam("serverId", worked)
                    .get(monitoring.url("/api/v1/alerts"))
                    .then()
                    .statusCode(200)
                    .body("items[0].suppressedBy", equalTo("maintenance-window"))
                    .body("items[0].notified", equalTo(false)));

    // the work is done: the intervention ends, the window closes, and a failure now pages
    as(TestTokens.engineer())
        .body("{}")
        .post(tickets.url(INTERVENTIONS + "/" + id + "/start"))
        .then()
        .statusCode(200);
    as(TestTokens.engineer())
        .body("{}")
        .post(tickets.url(INTERVENTIONS + "/" + id + "/end"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ENDED"));
    assertThat(
            KafkaEvents.await(
                    TicketEvents.TOPIC, KafkaEvents.withKey(id), 3, Duration.ofSeconds(30))
                .stream()
                .map(r -> KafkaEvents.header(r, "ce_type")))
        .containsExactly(
            TicketEvents.INTERVENTION_SCHEDULED,
            TicketEvents.INTERVENTION_STARTED,
            TicketEvents.INTERVENTION_ENDED);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(TestTokens.support())
                    .queryParam("activeAt", Instant.now().plusSeconds(5).toString())
                    .queryParam("serverId", worked)
                    .get(monitoring.url("/api/v1/maintenance-windows"))
                    .then()
                    .body("items.size()", equalTo(0)));
    Instant later = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    reportCritical(worked, later);
    assertThat(alertsFired(worked, 1, Duration.ofSeconds(30))).hasSize(1);
  }

  private static final String INTERVENTIONS = "/api/v1/interventions";

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static void reportCritical(UUID server, Instant... at) {
    List<Map<String, Object>> results =
        java.util.Arrays.stream(at)
            .map(
                t ->
                    Map.<String, Object>of(
                        "serverId", server.toString(),
                        "check", "check_ssh",
                        "status", "CRITICAL",
                        "executedAt", t.toString(),
                        "output", "SSH CRITICAL - connection refused",
                        "perfdata", ""))
            .toList();
    Response response =
        as(TestTokens.agent())
            .body(Map.of("results", results))
            .post(monitoring.url("/api/v1/check-results"));
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
  }

  private static List<?> alertsFired(UUID server, int count, Duration within) {
    return KafkaEvents.await(
        MonitoringEvents.TOPIC,
        r ->
            MonitoringEvents.ALERT_FIRED.equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(server.toString()),
        count,
        within);
  }

  private static void publish(DomainEvent event) throws Exception {
    KafkaEvents.publish(
        InventoryEvents.TOPIC,
        event.aggregateId(),
        UUID.randomUUID().toString(),
        event.eventType(),
        JSON.writeValueAsString(event));
  }

  private static ServerSnapshot server(UUID id, String name) {
    return new ServerSnapshot(
        id,
        name + "-" + id + ".example.net",
        UUID.randomUUID(),
        "PAR-DC2",
        null,
        null,
        Set.of(ServerRole.WEB),
        ServerStatus.ACTIVE,
        null,
        List.of(),
        "10.2.0.21",
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        1);
  }

  private static HostedServiceSnapshot website(
      UUID id, UUID clientId, String tenant, String name, UUID server) {
    return new HostedServiceSnapshot(
        id,
        clientId,
        tenant,
        name + " " + tenant,
        HostedServiceKind.WEBSITE,
        "https://" + name + "." + tenant + ".example",
        443,
        "nginx",
        List.of(server),
        List.of(),
        1);
  }
}
