package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vigie.dns.MovableClock;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.events.EventJson;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.dns.DriftFound;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drift found on schedule: a change made behind Vigie's back with {@code pdnsutil} is reported once
 * the interval has passed (the clock is moved, nothing sleeps), once per new difference.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class DriftScheduleTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static Response zone(String id) {
    return given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/zones/" + id)
        .then()
        .statusCode(200)
        .extract()
        .response();
  }

  private static List<DriftFound> driftFound(String id, int count, Duration timeout) {
    return KafkaEvents.await(
            DnsEvents.TOPIC,
            KafkaEvents.withKey(id).and(KafkaEvents.ofType(DnsEvents.DRIFT_FOUND)),
            count,
            timeout)
        .stream()
        .map(
            r -> {
              try {
                return EventJson.newMapper().readValue(r.value(), DriftFound.class);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** Moves the clock past the interval and waits until the schedule has read the zone again. */
  private void nextCheck(String id) {
    clock.advance(Duration.ofHours(2));
    Instant moved = clock.instant();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              String checked = zone(id).path("providers[0].checkedAt");
              return checked != null && !Instant.parse(checked).isBefore(moved);
            });
  }

  @Test
  void aChangeBehindVigiesBackIsFoundOnScheduleAndReportedOncePerNewDifference() throws Exception {
    String tenant = Zones.client("lumiere");
    String name = Zones.name("lumiere-demo.com.");
    Response created =
        Zones.create(
            TestTokens.engineer(),
            Zones.newZone(
                name, tenant, "recordSets", List.of(Zones.set("www", "A", 300, "51.15.0.11"))));
    String id = created.path("id");
    String etag = created.header("ETag");

    // in sync: the schedule reads it back and finds nothing to report
    nextCheck(id);
    assertThat(zone(id).<String>path("providers[0].state")).isEqualTo("IN_SYNC");
    assertThat(driftFound(id, 1, Duration.ofSeconds(2))).isEmpty();

    DnsServersResource.pdns().pdnsutil("replace-rrset", name, "www", "A", "300", "203.0.113.66");
    nextCheck(id);
    List<DriftFound> found = driftFound(id, 1, Duration.ofSeconds(20));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).provider()).isEqualTo("pdns");
    assertThat(found.get(0).differences())
        .singleElement()
        .satisfies(d -> assertThat(d.name()).isEqualTo("www." + name));
    Response drifted = zone(id);
    assertThat(drifted.<String>path("providers[0].state")).isEqualTo("DRIFTED");
    // the schedule never changes the zone itself: its version (ETag) is the same
    assertThat(drifted.header("ETag")).isEqualTo(etag);

    // the same difference again: not reported again
    nextCheck(id);
    assertThat(driftFound(id, 2, Duration.ofSeconds(3))).hasSize(1);

    // a new difference: reported
    DnsServersResource.pdns().pdnsutil("replace-rrset", name, "www", "A", "300", "203.0.113.77");
    nextCheck(id);
    List<DriftFound> again = driftFound(id, 2, Duration.ofSeconds(20));
    assertThat(again).hasSize(2);

    // reconciled by a person: the next check finds the provider in sync
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .post("/api/v1/zones/" + id + "/apply")
        .then()
        .statusCode(200);
    nextCheck(id);
    assertThat(zone(id).<String>path("providers[0].state")).isEqualTo("IN_SYNC");
    assertThat(driftFound(id, 3, Duration.ofSeconds(3))).hasSize(2);
  }
}
