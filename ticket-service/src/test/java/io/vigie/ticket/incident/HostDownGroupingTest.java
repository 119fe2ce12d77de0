package io.vigie.ticket.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import io.vigie.ticket.escalation.ClockWatch;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host-down alert on the real broker groups the server's other incidents under its own, client by
 * client, and the grouped ones are not paged for any more.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class HostDownGroupingTest {

  static final String TICKETS = "/api/v1/tickets";

  @Inject MovableTime time;
  @Inject ClockWatch watch;

  @AfterEach
  void realTime() {
    time.release();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static JsonPath incidentsOf(String fingerprint) {
    return as(TestTokens.support())
        .queryParam("alert", fingerprint)
        .get(TICKETS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The incidents of one alert by client ("" for the internal parent), once all are open. */
  static Map<String, String> awaitIncidents(String fingerprint, List<String> tenants) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> incidentsOf(fingerprint).getList("items").size() == tenants.size() + 1);
    JsonPath all = incidentsOf(fingerprint);
    Map<String, String> byClient = new java.util.HashMap<>();
    byClient.put("", all.getString("items.find { it.tenant == null }.id"));
    for (String tenant : tenants) {
      byClient.put(tenant, all.getString("items.find { it.tenant == '" + tenant + "' }.id"));
    }
    return byClient;
  }

  static JsonPath ticket(String token, String id) {
    return as(token).get(TICKETS + "/" + id).then().statusCode(200).extract().jsonPath();
  }

  static List<String> bodies(String token, String id) {
    return as(token)
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.findAll { it.kind == 'GROUPED' }.body");
  }

  static AlertFired hostDown(
      String fingerprint, Instant at, UUID server, List<String> tenants, List<UUID> services) {
    return new AlertFired(
        fingerprint,
        "critical",
        "host-alive CRITICAL on web",
        at,
        "web",
        server,
        tenants,
        services,
        true);
  }

  /**
   * Every call for a responder published for the incident so far: the test acknowledges it last and
   * reads {@code ticket.events} up to that status change (the outbox publishes in commit order, one
   * ticket on one partition), so proving that none came waits out no timeout.
   */
  static List<String> pagesOf(String id) {
    as(TestTokens.engineer())
        .header("If-Match", "*")
        .body(Map.of("status", "ACKNOWLEDGED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
    return KafkaEvents.awaitThrough(
            TicketEvents.TOPIC, id, TicketEvents.TICKET_STATUS_CHANGED, Duration.ofSeconds(30))
        .stream()
        .filter(KafkaEvents.ofType(TicketEvents.RESPONDER_NEEDED))
        .map(ConsumerRecord::value)
        .toList();
  }

  @Test
  void aHostDownAlertGroupsTheServersOpenIncidentsClientByClientAndStopsTheirPages()
      throws Throwable {
    String lumiere = InventoryFeed.tenant("lumiere");
    String optique = InventoryFeed.tenant("optique");
    UUID lumiereId = InventoryFeed.client(lumiere, InventoryFeed.aroundTheClock());
    UUID optiqueId = InventoryFeed.client(optique, InventoryFeed.aroundTheClock());
    UUID web = InventoryFeed.server("web");
    UUID other = InventoryFeed.server("other");
    UUID shop = InventoryFeed.website(lumiereId, lumiere, List.of(web), List.of());
    UUID store = InventoryFeed.website(optiqueId, optique, List.of(web), List.of());
    List<String> both = List.of(lumiere, optique);
    // far in the future, so the clock watch below sees these tickets at chosen instants
    Instant start = Instant.parse("2033-06-01T08:00:00Z");
    time.set(start.plus(Duration.ofMinutes(2)));

    // the shop's HTTP check fails first; an unrelated alert on another server fires too
    String http = "fp-http-" + UUID.randomUUID();
    Alerts.publish(Alerts.fired(http, start, web, "web", both, List.of(shop, store)));
    Map<String, String> httpIncidents = awaitIncidents(http, both);
    String elsewhere = "fp-other-" + UUID.randomUUID();
    Alerts.publish(Alerts.fired(elsewhere, start, other, "other", List.of(lumiere), List.of()));
    Map<String, String> otherIncidents = awaitIncidents(elsewhere, List.of(lumiere));

    // then the server itself stops answering
    String down = "fp-down-" + UUID.randomUUID();
    Alerts.publish(hostDown(down, start.plusSeconds(60), web, both, List.of(shop, store)));
    Map<String, String> downIncidents = awaitIncidents(down, both);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !bodies(TestTokens.support(), httpIncidents.get(lumiere)).isEmpty());

    // each client's HTTP incident links its own client's host-down incident; parent to parent
    for (String client : List.of("", lumiere, optique)) {
      JsonPath grouped = ticket(TestTokens.support(), httpIncidents.get(client));
      assertThat(grouped.getList("links.findAll { it.kind == 'INCIDENT' }.target"))
          .containsExactly(downIncidents.get(client));
      assertThat(bodies(TestTokens.support(), httpIncidents.get(client)))
          .singleElement()
          .satisfies(
              b ->
                  assertThat(b)
                      .startsWith(
                          "Grouped under "
                              + ticket(TestTokens.support(), downIncidents.get(client))
                                  .getString("reference")));
      assertThat(bodies(TestTokens.support(), downIncidents.get(client)))
          .singleElement()
          .satisfies(
              b ->
                  assertThat(b)
                      .startsWith("Grouped here: " + grouped.getString("reference") + " ("));
    }
    // the client reads the grouping on its own incident; never the other client's ids
    JsonPath mine = ticket(TestTokens.client(lumiere), httpIncidents.get(lumiere));
    assertThat(mine.getList("links.findAll { it.kind == 'INCIDENT' }.target"))
        .containsExactly(downIncidents.get(lumiere));
    assertThat(bodies(TestTokens.client(lumiere), httpIncidents.get(lumiere))).hasSize(1);
    as(TestTokens.client(lumiere))
        .get(TICKETS + "/" + downIncidents.get(optique))
        .then()
        .statusCode(404);
    // another server's incident stays on its own
    assertThat(
            ticket(TestTokens.support(), otherIncidents.get(lumiere))
                .getList("links.findAll { it.kind == 'INCIDENT' }"))
        .isEmpty();

    // GTI at 51 % (the clients' incidents carry the contract clocks; the parents none): the
    // host-down incidents and the unrelated one call for a responder, the grouped ones do not
    time.set(start.plus(Duration.ofMinutes(32)));
    VertxContextSupport.subscribeAndAwait(() -> watch.check());
    for (String client : both) {
      assertThat(pagesOf(downIncidents.get(client)))
          .singleElement()
          .satisfies(v -> assertThat(v).contains("INTERVENTION_CLOCK_WARNING"));
    }
    assertThat(pagesOf(otherIncidents.get(lumiere)))
        .singleElement()
        .satisfies(v -> assertThat(v).contains("INTERVENTION_CLOCK_WARNING"));
    assertThat(pagesOf(downIncidents.get("")))
        .singleElement()
        .satisfies(v -> assertThat(v).contains("NEW_INCIDENT"));
    // the HTTP parent's one page is its opening, from before the server went down; the grouped
    // clients' incidents got none at their GTI warning
    assertThat(pagesOf(httpIncidents.get("")))
        .singleElement()
        .satisfies(v -> assertThat(v).contains("NEW_INCIDENT"));
    for (String client : both) {
      assertThat(pagesOf(httpIncidents.get(client))).isEmpty();
    }
  }

  @Test
  void anAlertOfAServerAlreadyDownIsGroupedOnArrivalAndReleasedWhenTheServerIsBack()
      throws Throwable {
    String tenant = InventoryFeed.tenant("late");
    UUID clientId = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID db = InventoryFeed.server("db");
    UUID site = InventoryFeed.website(clientId, tenant, List.of(db), List.of());
    Instant start = Instant.now().minus(Duration.ofMinutes(5));
    String down = "fp-down-" + UUID.randomUUID();
    AlertFired downAlert = hostDown(down, start, db, List.of(tenant), List.of(site));
    Alerts.publish(downAlert);
    Map<String, String> downIncidents = awaitIncidents(down, List.of(tenant));

    // an alert that fired before the server went down, delivered late (another partition)
    String disk = "fp-disk-" + UUID.randomUUID();
    Alerts.publish(
        Alerts.fired(disk, start.minusSeconds(30), db, "db", List.of(tenant), List.of(site)));
    Map<String, String> diskIncidents = awaitIncidents(disk, List.of(tenant));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !bodies(TestTokens.support(), diskIncidents.get(tenant)).isEmpty());

    for (String client : List.of("", tenant)) {
      assertThat(
              ticket(TestTokens.support(), diskIncidents.get(client))
                  .getList("links.findAll { it.kind == 'INCIDENT' }.target"))
          .containsExactly(downIncidents.get(client));
    }
    assertThat(pagesOf(downIncidents.get(""))).hasSize(1);
    // no call for a responder came with the disk incident's parent, grouped on arrival
    assertThat(pagesOf(diskIncidents.get(""))).isEmpty();

    // the server is back while the disk alert still fires: the disk incidents are on their own
    // again, and a GTI threshold calls for a responder
    Alerts.publish(Alerts.resolved(downAlert, start.plus(Duration.ofMinutes(3))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bodies(TestTokens.support(), diskIncidents.get(tenant)).size() == 2);
    String downReference =
        ticket(TestTokens.support(), downIncidents.get(tenant)).getString("reference");
    assertThat(bodies(TestTokens.client(tenant), diskIncidents.get(tenant)))
        .last()
        .satisfies(b -> assertThat(b).startsWith("No longer grouped under " + downReference));
    // the disk alert started 30 s before the host-down one: 31.5 of its 60 minutes used
    time.set(start.plus(Duration.ofMinutes(31)));
    VertxContextSupport.subscribeAndAwait(() -> watch.check());
    // the client's disk incident: none at its opening (grouped), one at the GTI warning
    assertThat(pagesOf(diskIncidents.get(tenant)))
        .singleElement()
        .satisfies(v -> assertThat(v).contains("INTERVENTION_CLOCK_WARNING"));
  }

  @Test
  void nobodyLinksAnIncidentByHand() {
    String tenant = InventoryFeed.tenant("byhand");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    as(TestTokens.engineer())
        .body(
            Map.of(
                "type", "INCIDENT",
                "title", "Linked by hand",
                "impact", "LOW",
                "urgency", "LOW",
                "tenant", tenant,
                "links", List.of(Map.of("kind", "INCIDENT", "target", UUID.randomUUID()))))
        .post(TICKETS)
        .then()
        .statusCode(400)
        .body(org.hamcrest.Matchers.containsString("links[0].target"));
  }
}
