package io.vigie.ticket.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.InventoryFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A real AlertFired on the real broker, as monitoring-service publishes it, opening incidents. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class IncidentFromAlertTest {

  static final String TICKETS = "/api/v1/tickets";

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

  static List<String> timelineKinds(String token, String id) {
    return as(token)
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .extract()
        .jsonPath()
        .getList("items.kind");
  }

  @Test
  void anAlertOnTheSharedPlatformOpensOneIncidentPerClientUnderOneInternalParent() {
    // the shared HA platform: one load balancer carries both clients' shops
    String lumiere = InventoryFeed.tenant("lumiere");
    String optique = InventoryFeed.tenant("optique");
    UUID lumiereId = InventoryFeed.client(lumiere, InventoryFeed.aroundTheClock());
    UUID optiqueId = InventoryFeed.client(optique, InventoryFeed.officeHours());
    UUID lb = InventoryFeed.server("lb1");
    UUID shop = InventoryFeed.website(lumiereId, lumiere, List.of(lb), List.of());
    UUID store = InventoryFeed.website(optiqueId, optique, List.of(lb), List.of());
    String fingerprint = "fp-" + UUID.randomUUID();
    // the problem started two minutes before monitoring confirmed it
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2));
    AlertFired fired =
        Alerts.fired(
            fingerprint,
            startedAt,
            lb,
            InventoryFeed.hostname("lb1", lb),
            List.of(lumiere, optique),
            List.of(shop, store));

    String eventId = Alerts.publish(fired);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> incidentsOf(fingerprint).getList("items").size() == 3);
    JsonPath all = incidentsOf(fingerprint);
    String parentId = all.getString("items.find { it.tenant == null }.id");
    Map<String, Object> mine = all.getMap("items.find { it.tenant == '" + lumiere + "' }");
    Map<String, Object> theirs = all.getMap("items.find { it.tenant == '" + optique + "' }");
    assertThat(parentId).isNotNull();
    assertThat(mine.get("parentId")).isEqualTo(parentId);
    assertThat(theirs.get("parentId")).isEqualTo(parentId);
    assertThat(mine.get("type")).isEqualTo("INCIDENT");
    assertThat(mine.get("priority")).isEqualTo("P1");
    assertThat((String) mine.get("reference")).matches("INC-\\d{4}-\\d{6}");
    // the GTI clock started at the alert's start, not when the ticket was written
    assertThat(mine.get("clockStartedAt")).isEqualTo(startedAt.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> gti = (Map<String, Object>) mine.get("interventionClock");
    assertThat(gti.get("startedAt")).isEqualTo(startedAt.toString());
    assertThat(gti.get("deadline")).isEqualTo(startedAt.plus(Duration.ofHours(1)).toString());
    String mineId = (String) mine.get("id");
    String theirsId = (String) theirs.get("id");
    // each client's incident links its own shop only; the parent links both
    as(TestTokens.support())
        .get(TICKETS + "/" + mineId)
        .then()
        .body("links.findAll { it.kind == 'HOSTED_SERVICE' }.target", contains(shop.toString()))
        .body("links.findAll { it.kind == 'SERVER' }.target", contains(lb.toString()));
    as(TestTokens.support())
        .get(TICKETS + "/" + parentId)
        .then()
        .body(
            "links.findAll { it.kind == 'HOSTED_SERVICE' }.target",
            containsInAnyOrder(shop.toString(), store.toString()));

    // each client sees only its own incident, never the internal parent
    as(TestTokens.client(lumiere))
        .queryParam("alert", fingerprint)
        .get(TICKETS)
        .then()
        .body("items.id", contains(mineId))
        .body("items[0].parentId", nullValue());
    as(TestTokens.client(lumiere)).get(TICKETS + "/" + parentId).then().statusCode(404);
    as(TestTokens.client(lumiere)).get(TICKETS + "/" + theirsId).then().statusCode(404);
    as(TestTokens.client(optique))
        .queryParam("alert", fingerprint)
        .get(TICKETS)
        .then()
        .body("items.id", contains(theirsId));

    // replayed under the same id, and republished under a new one: nothing changes; the
    // AlertResolved behind them on the same partition shows they were processed
    Alerts.publish(fired, eventId);
    Alerts.publish(fired);
    Instant resolvedAt = startedAt.plus(Duration.ofMinutes(7));
    Alerts.publish(Alerts.resolved(fired, resolvedAt));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> timelineKinds(TestTokens.support(), mineId).contains("ALERT_RESOLVED"));
    assertThat(incidentsOf(fingerprint).getList("items").size()).isEqualTo(3);
    assertThat(timelineKinds(TestTokens.support(), mineId))
        .containsExactly("ALERT_FIRED", "OPENED", "ALERT_RESOLVED");
    assertThat(timelineKinds(TestTokens.client(optique), theirsId))
        .containsExactly("ALERT_FIRED", "OPENED", "ALERT_RESOLVED");
    assertThat(timelineKinds(TestTokens.support(), parentId)).contains("ALERT_RESOLVED");
    // AlertResolved annotates (the default policy); it never closes an incident silently
    as(TestTokens.support()).get(TICKETS + "/" + mineId).then().body("status", equalTo("NEW"));

    // on ticket.events: three openings, and one call for a responder, for the parent
    List<ConsumerRecord<String, String>> opened =
        PublishedEvents.await(
            TicketEvents.TOPIC,
            KafkaEvents.ofType(TicketEvents.TICKET_OPENED)
                .and(r -> r.value().contains(fingerprint)),
            3,
            Duration.ofSeconds(20));
    assertThat(opened).hasSize(3);
    assertThat(opened)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder(parentId, mineId, theirsId);
    List<ConsumerRecord<String, String>> paged =
        PublishedEvents.await(
            TicketEvents.TOPIC,
            KafkaEvents.ofType(TicketEvents.RESPONDER_NEEDED)
                .and(
                    r ->
                        r.key().equals(parentId)
                            || r.key().equals(mineId)
                            || r.key().equals(theirsId)),
            1,
            Duration.ofSeconds(20));
    assertThat(paged).extracting(ConsumerRecord::key).containsExactly(parentId);
  }

  @Test
  void theSameFingerprintFiringAgainAnnotatesThenReopensInsteadOfOpeningAnother() {
    String tenant = InventoryFeed.tenant("flaky");
    UUID clientId = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID web = InventoryFeed.server("web");
    UUID site = InventoryFeed.website(clientId, tenant, List.of(web), List.of());
    String fingerprint = "fp-" + UUID.randomUUID();
    Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    AlertFired fired = Alerts.fired(fingerprint, first, web, "web", List.of(tenant), List.of(site));
    Alerts.publish(fired);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> incidentsOf(fingerprint).getList("items").size() == 2);
    String id =
        incidentsOf(fingerprint).getString("items.find { it.tenant == '" + tenant + "' }.id");

    // it flaps: resolved, then fires again while the incident is open -> annotated
    Alerts.publish(Alerts.resolved(fired, first.plus(Duration.ofMinutes(5))));
    AlertFired again =
        Alerts.fired(
            fingerprint,
            first.plus(Duration.ofMinutes(10)),
            web,
            "web",
            List.of(tenant),
            List.of(site));
    Alerts.publish(again);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> timelineKinds(TestTokens.client(tenant), id).contains("ALERT_FIRED_AGAIN"));

    // an engineer resolves it; it fires once more within the repeat period -> reopened
    String etag = as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("status", "RESOLVED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
    Alerts.publish(
        Alerts.fired(
            fingerprint,
            first.plus(Duration.ofMinutes(20)),
            web,
            "web",
            List.of(tenant),
            List.of(site)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(TestTokens.client(tenant))
                    .get(TICKETS + "/" + id)
                    .then()
                    .body("status", equalTo("IN_PROGRESS")));
    assertThat(incidentsOf(fingerprint).getList("items").size()).isEqualTo(2);
    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .body(
            "items.body",
            hasItem(org.hamcrest.Matchers.startsWith("Reopened: the alert fired again")));
  }
}
