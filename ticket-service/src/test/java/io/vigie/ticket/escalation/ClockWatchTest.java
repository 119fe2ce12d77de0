package io.vigie.ticket.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock watch, run at instants the test sets: each threshold published once, escalation. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ClockWatchTest {

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

  private void watchAt(String instant) throws Throwable {
    time.set(Instant.parse(instant));
    VertxContextSupport.subscribeAndAwait(() -> watch.check());
  }

  @Test
  void anUnacknowledgedP1WarnsEscalatesAndBreachesEachOnce() throws Throwable {
    String tenant = InventoryFeed.tenant("nightly");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    // far in the future, so no other test's ticket is due at these instants with this one
    time.set(Instant.parse("2031-03-03T08:00:00Z"));
    String id =
        as(TestTokens.client(tenant))
            .body(
                Map.of(
                    "type", "INCIDENT",
                    "title", "Database unreachable",
                    "impact", "HIGH",
                    "urgency", "HIGH"))
            .post(TICKETS)
            .then()
            .statusCode(201)
            .body("interventionClock.deadline", equalTo("2031-03-03T09:00:00Z"))
            .extract()
            .path("id");

    watchAt("2031-03-03T08:29:00Z"); // 48 %: nothing yet
    watchAt("2031-03-03T08:31:00Z"); // 51 %: the 50 % warning, and L1 -> L2
    watchAt("2031-03-03T08:32:00Z"); // nothing new
    as(TestTokens.support())
        .get(TICKETS + "/" + id)
        .then()
        .body("supportLevel", equalTo("L2"))
        .body("interventionClock.lastWarningPercent", equalTo(50));
    watchAt("2031-03-03T09:05:00Z"); // past the deadline: only the breach (75 and 90 passed)
    watchAt("2031-03-03T09:06:00Z");

    // the client never reads the clock and escalation entries
    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .body("items.kind", org.hamcrest.Matchers.contains("OPENED"));
    as(TestTokens.support())
        .get(TICKETS + "/" + id + "/timeline")
        .then()
        .body(
            "items.kind",
            org.hamcrest.Matchers.contains(
                "OPENED", "CLOCK_WARNING", "ESCALATED", "CLOCK_BREACHED"));

    // an engineer finally acknowledges: that status change is published after every event of the
    // watches above, so reading through it shows each of them exactly as many times as it came
    String etag = as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("status", "ACKNOWLEDGED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.awaitThrough(
            TicketEvents.TOPIC, id, TicketEvents.TICKET_STATUS_CHANGED, Duration.ofSeconds(20));

    // the GTI warning at 50 %; the resolution clock (4 h) reached 50 % at 10:00, not yet
    assertThat(ofType(events, TicketEvents.CLOCK_WARNING_REACHED))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v)
                    .contains(
                        "\"clock\":\"INTERVENTION\"",
                        "\"percent\":50",
                        "\"reachedAt\":\"2031-03-03T08:30:00Z\""));
    assertThat(ofType(events, TicketEvents.CLOCK_BREACHED))
        .singleElement()
        .satisfies(v -> assertThat(v).contains("\"deadline\":\"2031-03-03T09:00:00Z\""));
    assertThat(ofType(events, TicketEvents.TICKET_ESCALATED))
        .singleElement()
        .satisfies(v -> assertThat(v).contains("\"automatic\":true", "\"to\":\"L2\""));
    // on-call is called at the opening, at the warning and at the breach: nobody acted
    assertThat(ofType(events, TicketEvents.RESPONDER_NEEDED))
        .hasSize(3)
        .anySatisfy(v -> assertThat(v).contains("NEW_INCIDENT"))
        .anySatisfy(v -> assertThat(v).contains("INTERVENTION_CLOCK_WARNING"))
        .anySatisfy(v -> assertThat(v).contains("INTERVENTION_CLOCK_BREACHED"));
  }

  private static List<String> ofType(List<ConsumerRecord<String, String>> events, String type) {
    return events.stream().filter(KafkaEvents.ofType(type)).map(ConsumerRecord::value).toList();
  }

  @Test
  void anAcknowledgedTicketOnlyWatchesItsResolution() throws Throwable {
    String tenant = InventoryFeed.tenant("calm");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    time.set(Instant.parse("2032-05-04T08:00:00Z"));
    String id =
        as(TestTokens.client(tenant))
            .body(
                Map.of(
                    "type", "INCIDENT",
                    "title", "Backups late",
                    "impact", "HIGH",
                    "urgency", "HIGH"))
            .post(TICKETS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    time.set(Instant.parse("2032-05-04T08:10:00Z"));
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "ACKNOWLEDGED"))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
    watchAt("2032-05-04T09:30:00Z"); // GTI met; resolution (4 h) at 37 %
    watchAt("2032-05-04T10:00:00Z"); // resolution 50 %
    List<ConsumerRecord<String, String>> warnings =
        PublishedEvents.await(
            TicketEvents.TOPIC,
            KafkaEvents.withKey(id).and(KafkaEvents.ofType(TicketEvents.CLOCK_WARNING_REACHED)),
            1,
            Duration.ofSeconds(10));
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).value()).contains("\"clock\":\"RESOLUTION\"", "\"percent\":50");
    as(TestTokens.support())
        .get(TICKETS + "/" + id)
        .then()
        .body("supportLevel", equalTo("L1"))
        .body("interventionClock.met", equalTo(true));
  }
}
