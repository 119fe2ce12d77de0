package io.vigie.monitoring.maintenance;

import static io.restassured.RestAssured.given;
import static io.vigie.monitoring.CheckResults.alertsFired;
import static io.vigie.monitoring.CheckResults.alertsListed;
import static io.vigie.monitoring.CheckResults.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.DomainEvent;
import io.vigie.events.ticket.InterventionCancelled;
import io.vigie.events.ticket.InterventionEnded;
import io.vigie.events.ticket.InterventionRef;
import io.vigie.events.ticket.InterventionScheduled;
import io.vigie.events.ticket.InterventionStarted;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Planned interventions from ticket-service become maintenance windows with source TICKET: the
 * events are published on the real broker exactly as ticket-service's outbox publishes them, and
 * the window, the alerts it silences and the availability it excludes are read back.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class InterventionWindowsTest {

  static final String WINDOWS = "/api/v1/maintenance-windows";
  static final Instant OPENS = Instant.parse("2026-10-05T10:00:00Z");
  static final Instant CLOSES = Instant.parse("2026-10-05T11:00:00Z");
  static final String DAY = "from=2026-10-05T00:00:00Z&to=2026-10-06T00:00:00Z";

  @Inject Pool pool;

  @Test
  void aScheduledInterventionSilencesExactlyItsTargetsAndIsExcludedFromAvailability() {
    String tenant = "iv-" + UUID.randomUUID().toString().substring(0, 8);
    UUID covered = InventoryFeed.serverHosting(tenant);
    UUID other = InventoryFeed.serverHosting(tenant);
    UUID site = InventoryFeed.hostedService(tenant, "shop-" + tenant, other);
    InterventionRef ref = new InterventionRef(UUID.randomUUID(), "INT-2026-000101", 4);
    InterventionScheduled scheduled =
        new InterventionScheduled(
            ref,
            OPENS,
            CLOSES,
            List.of(covered),
            List.of(site),
            List.of(tenant),
            "client-of-" + tenant,
            OPENS.minus(Duration.ofDays(2)));
    String eventId = publishAndAwait(scheduled);
    // the same event delivered again changes nothing
    publishAndAwait(eventId, scheduled);

    windowOf(ref)
        .body("source", equalTo("TICKET"))
        .body("startsAt", equalTo("2026-10-05T10:00:00Z"))
        .body("endsAt", equalTo("2026-10-05T11:00:00Z"))
        .body("serverIds", contains(covered.toString()))
        .body("hostedServiceIds", contains(site.toString()))
        .body("reason", equalTo("Planned intervention INT-2026-000101"))
        .body("cancelled", equalTo(false));
    assertThat(windowsOf(ref)).isEqualTo(1);

    // during the window: the covered server's alert is silenced, the other server's is not
    Instant t0 = OPENS.plus(Duration.ofMinutes(10));
    for (UUID server : List.of(covered, other)) {
      report(server, "ping", "CRITICAL", t0, t0.plusSeconds(60), t0.plusSeconds(120));
      report(server, "ping", "OK", OPENS.plus(Duration.ofMinutes(40)));
    }
    assertThat(alertsFired(other, 1)).hasSize(1);
    assertThat(alertsFired(covered, 0)).isEmpty();
    alertsListed(TestTokens.engineer(), covered, Map.of())
        .body("items[0].suppressedBy", equalTo("maintenance-window"))
        .body("items[0].notified", equalTo(false));

    // availability: the covered server's downtime falls in the window and does not count
    availability(covered)
        .body("downtime", equalTo("PT0S"))
        .body("maintenance", equalTo("PT1H"))
        .body("maintenanceIntervals[0].start", equalTo("2026-10-05T10:00:00Z"));
    availability(other).body("downtime", equalTo("PT30M")).body("maintenance", equalTo("PT0S"));

    // started, then ended early at 10:30: the window is shortened to the end
    publishAndAwait(
        new InterventionStarted(
            new InterventionRef(ref.id(), ref.reference(), 5),
            OPENS,
            CLOSES,
            List.of(covered),
            List.of(site),
            List.of(tenant),
            "engineer",
            OPENS.plusSeconds(60)));
    InterventionEnded ended =
        new InterventionEnded(
            new InterventionRef(ref.id(), ref.reference(), 6),
            OPENS,
            CLOSES,
            List.of(covered),
            List.of(site),
            List.of(tenant),
            "engineer",
            OPENS.plus(Duration.ofMinutes(30)));
    publishAndAwait(ended);
    windowOf(ref).body("endsAt", equalTo("2026-10-05T10:30:00Z"));
    availability(covered).body("maintenance", equalTo("PT30M")).body("downtime", equalTo("PT10M"));
    // an older version arriving late (under another event id) changes nothing
    publishAndAwait(scheduled);
    windowOf(ref).body("endsAt", equalTo("2026-10-05T10:30:00Z"));
    assertThat(windowsOf(ref)).isEqualTo(1);
  }

  @Test
  void aCancelledInterventionNoLongerSilencesAnything() {
    String tenant = "ivc-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.serverHosting(tenant);
    Instant opens = Instant.parse("2026-10-07T10:00:00Z");
    InterventionRef ref = new InterventionRef(UUID.randomUUID(), "INT-2026-000102", 3);
    publishAndAwait(
        new InterventionScheduled(
            ref,
            opens,
            opens.plus(Duration.ofHours(1)),
            List.of(server),
            List.of(),
            List.of(tenant),
            "client",
            opens.minus(Duration.ofDays(3))));
    publishAndAwait(
        new InterventionCancelled(
            new InterventionRef(ref.id(), ref.reference(), 4),
            opens,
            opens.plus(Duration.ofHours(1)),
            List.of(server),
            List.of(),
            List.of(tenant),
            "engineer",
            opens.minus(Duration.ofDays(1))));
    windowOf(ref)
        .body("cancelled", equalTo(true))
        .body("cancelledAt", equalTo("2026-10-06T10:00:00Z"))
        .body("cancelledBy", equalTo("engineer"));
    Instant t0 = opens.plus(Duration.ofMinutes(5));
    report(server, "check_ssh", "CRITICAL", t0, t0.plusSeconds(60), t0.plusSeconds(120));
    assertThat(alertsFired(server, 1)).hasSize(1);

    // a cancellation for an intervention monitoring never had a window for leaves nothing behind
    InterventionRef never = new InterventionRef(UUID.randomUUID(), "INT-2026-000103", 2);
    publishAndAwait(
        new InterventionCancelled(
            never,
            opens,
            opens.plusSeconds(60),
            List.of(server),
            List.of(),
            List.of(),
            "x",
            opens));
    assertThat(windowsOf(never)).isZero();
  }

  private ValidatableResponse windowOf(InterventionRef ref) {
    String id =
        pool.preparedQuery("select id::text from maintenance_window where intervention_id = $1")
            .execute(Tuple.of(ref.id()))
            .await()
            .atMost(Duration.ofSeconds(5))
            .iterator()
            .next()
            .getString(0);
    return given()
        .auth()
        .oauth2(TestTokens.support())
        .get(WINDOWS + "/" + id)
        .then()
        .statusCode(200);
  }

  private long windowsOf(InterventionRef ref) {
    return pool.preparedQuery("select count(*) from maintenance_window where intervention_id = $1")
        .execute(Tuple.of(ref.id()))
        .await()
        .atMost(Duration.ofSeconds(5))
        .iterator()
        .next()
        .getLong(0);
  }

  private static ValidatableResponse availability(UUID server) {
    return given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/availability?serverId=" + server + "&" + DAY)
        .then()
        .statusCode(200);
  }

  private String publishAndAwait(DomainEvent event) {
    String eventId = UUID.randomUUID().toString();
    publishAndAwait(eventId, event);
    return eventId;
  }

  /** Publishes as ticket-service's outbox relay does, and waits until monitoring processed it. */
  private void publishAndAwait(String eventId, DomainEvent event) {
    try {
      KafkaEvents.publish(
          TicketEvents.TOPIC,
          event.aggregateId(),
          eventId,
          event.eventType(),
          InventoryFeed.JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                pool.preparedQuery(
                            "select count(*) from processed_event where event_id = $1"
                                + " and consumer = 'monitoring-service.ticket'")
                        .execute(Tuple.of(eventId))
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .iterator()
                        .next()
                        .getLong(0)
                    >= 1);
  }
}
