package io.vigie.dns.zone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.dns.Zones;
import io.vigie.dns.servers.Dig;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.events.EventJson;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.dns.ZoneApplied;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retry schedule and a reconcile may apply a zone the servers already serve as held: they send
 * nothing, and publish no {@code ZoneApplied} (nothing was applied); a real change still does.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class ZoneRetryTest {

  @Inject ZoneSync sync;

  private static List<ZoneApplied> applied(String id, int atLeast, Duration timeout) {
    return KafkaEvents.await(
            DnsEvents.TOPIC,
            KafkaEvents.withKey(id).and(KafkaEvents.ofType(DnsEvents.ZONE_APPLIED)),
            atLeast,
            timeout)
        .stream()
        .map(
            r -> {
              try {
                return EventJson.newMapper().readValue(r.value(), ZoneApplied.class);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void aRetryOrReconcileOfAZoneAlreadyAppliedPublishesNoSecondZoneApplied() throws Throwable {
    String tenant = Zones.client("retry");
    String zone = Zones.name("retry-demo.fr.");
    String id =
        Zones.create(
                TestTokens.engineer(),
                Zones.newZone(
                    zone,
                    tenant,
                    "providers",
                    List.of("pdns"),
                    "template",
                    false,
                    "recordSets",
                    Zones.sets(Zones.set("www", "A", 300, "51.15.0.11"))))
            .path("id");
    int pdns = DnsServersResource.pdns().dnsPort;
    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("51.15.0.11");
    List<ZoneApplied> first = applied(id, 1, Duration.ofSeconds(20));
    assertThat(first).hasSize(1);
    assertThat(first.get(0).added()).isEqualTo(2);

    // the retry schedule found the provider out of sync just before the request's own apply
    // recorded it (the race): it applies the zone again, finds nothing to send
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    ZoneProvider.update(
                        "state = ?1 where zoneId = ?2",
                        ZoneProvider.State.OUT_OF_SYNC,
                        UUID.fromString(id))));
    VertxContextSupport.subscribeAndAwait(() -> sync.retryOutOfSync());
    // and a person asks to reconcile a zone that is in sync
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .post("/api/v1/zones/" + id + "/apply")
        .then()
        .statusCode(200)
        .body("providers.state", contains("IN_SYNC"));

    // a real change is applied and published once more
    assertThat(
            Zones.change(
                    TestTokens.engineer(),
                    id,
                    "\"0\"",
                    Zones.sets(Zones.set("www", "A", 300, "51.159.5.20")),
                    "moved")
                .statusCode())
        .isEqualTo(200);
    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("51.159.5.20");

    List<ZoneApplied> all = applied(id, 3, Duration.ofSeconds(10));
    assertThat(all).hasSize(2);
    assertThat(all.get(1).changed()).isEqualTo(1);
    assertThat(all.get(1).serial()).isGreaterThan(all.get(0).serial());
  }

  @Test
  void twoAppliesOfOneZoneAtOnceRepairItOnceAndPublishOnce() throws Throwable {
    String tenant = Zones.client("twice");
    String zone = Zones.name("twice-demo.fr.");
    String id =
        Zones.create(
                TestTokens.engineer(),
                Zones.newZone(
                    zone,
                    tenant,
                    "providers",
                    List.of("pdns"),
                    "template",
                    false,
                    "recordSets",
                    Zones.sets(Zones.set("www", "A", 300, "51.15.0.11"))))
            .path("id");
    assertThat(applied(id, 1, Duration.ofSeconds(20))).hasSize(1);

    // changed behind Vigie's back; a person's reconcile and the retry schedule both apply the zone
    DnsServersResource.pdns().pdnsutil("replace-rrset", zone, "www", "A", "300", "203.0.113.66");
    int pdns = DnsServersResource.pdns().dnsPort;
    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("203.0.113.66");
    UUID zoneId = UUID.fromString(id);
    // each on its own thread, context and session, as a request's and the schedule's are
    int applies = 4;
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(applies);
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(applies);
    try {
      List<java.util.concurrent.Future<Void>> done = new java.util.ArrayList<>();
      for (int n = 0; n < applies; n++) {
        done.add(
            threads.submit(
                () -> {
                  together.await();
                  try {
                    VertxContextSupport.subscribeAndAwait(() -> sync.apply(zoneId));
                  } catch (Throwable e) {
                    throw new IllegalStateException(e);
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<Void> apply : done) {
        apply.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(Dig.answer(pdns, "www." + zone, "A")).containsExactly("51.15.0.11");
    // the first repaired it and said so; the others found it served as held
    List<ZoneApplied> all = applied(id, 3, Duration.ofSeconds(5));
    assertThat(all).hasSize(2);
    assertThat(all.get(1).changed()).isEqualTo(1);
  }
}
