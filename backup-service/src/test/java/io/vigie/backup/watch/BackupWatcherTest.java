package io.vigie.backup.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.backup.Estate;
import io.vigie.backup.MovableClock;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher against a moved clock: saint-roch's hourly MySQL dump (RPO 2 h from its DRP, copies
 * in DC3 and DC5) created at 10:00 UTC.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class BackupWatcherTest {

  private static final Instant CREATED = Instant.parse("2030-06-03T10:00:00Z");

  @Inject MovableClock clock;
  @Inject BackupWatcher watcher;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private UUID policy;

  /** The watcher's pass over this test's policy (others in the shared database are left alone). */
  private int sweep(String at) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> watcher.sweep(Instant.parse(at), policy));
  }

  /**
   * Everything the policy published, in order, up to the sentinel the test triggers last (an event
   * of a type it did not publish before): read at once, no timeout waited out.
   */
  private static List<ConsumerRecord<String, String>> through(UUID policy, String sentinel) {
    return KafkaEvents.awaitThrough(
        BackupEvents.TOPIC, policy.toString(), sentinel, Duration.ofSeconds(30));
  }

  private static List<String> types(List<ConsumerRecord<String, String>> events) {
    return events.stream().map(e -> KafkaEvents.header(e, "ce_type")).toList();
  }

  @Test
  void overdueRunsAndTheRpoAreReportedOnceAndRestored() throws Throwable {
    clock.set(CREATED);
    Estate estate = Estate.saintRoch();
    policy = estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    String dc3Ping =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .get("/api/v1/policies/" + policy)
            .then()
            .extract()
            .path("copies[0].pingPath");

    // 11:00 is due; 30 min of grace
    assertThat(sweep("2030-06-03T11:30:00Z")).isZero();
    // both copies are overdue, and neither datacenter has a copy younger than 1 h 30 min
    assertThat(sweep("2030-06-03T11:30:01Z")).isEqualTo(4);
    // the same missed run is reported once
    assertThat(sweep("2030-06-03T11:45:00Z")).isZero();

    // the DC3 copy runs at 11:50; DC5 never does
    clock.set(Instant.parse("2030-06-03T11:50:00Z"));
    given().get(dc3Ping + "/start").then().statusCode(200);
    clock.set(Instant.parse("2030-06-03T11:52:00Z"));
    given().get(dc3Ping).then().statusCode(200);

    // DC3's copy holds again; DC5's stays breached (reported once)
    assertThat(sweep("2030-06-03T12:00:01Z")).isEqualTo(1);
    // 13:50:01: the 13:00 run did not start, and the 11:50 point is older than the 2 h RPO
    assertThat(sweep("2030-06-03T13:50:01Z")).isEqualTo(3);
    clock.set(Instant.parse("2030-06-03T14:00:00Z"));
    given().get(dc3Ping + "/start").then().statusCode(200);
    given().get(dc3Ping).then().statusCode(200);
    assertThat(sweep("2030-06-03T14:00:01Z")).isEqualTo(2);

    // the sentinel: a failed run, the first the policy has
    given().get(dc3Ping + "/fail").then().statusCode(200);
    List<ConsumerRecord<String, String>> events = through(policy, BackupEvents.BACKUP_FAILED);
    assertThat(types(events))
        .containsExactly(
            BackupEvents.BACKUP_OVERDUE,
            BackupEvents.BACKUP_OVERDUE,
            BackupEvents.RPO_BREACHED, // DC3
            BackupEvents.RPO_BREACHED, // DC5
            BackupEvents.BACKUP_SUCCEEDED,
            BackupEvents.RPO_RESTORED, // DC3
            BackupEvents.BACKUP_OVERDUE,
            BackupEvents.RPO_BREACHED, // the policy's RPO
            BackupEvents.RPO_BREACHED, // DC3
            BackupEvents.BACKUP_SUCCEEDED,
            BackupEvents.RPO_RESTORED,
            BackupEvents.RPO_RESTORED,
            BackupEvents.BACKUP_FAILED);
    List<ConsumerRecord<String, String>> breaches =
        events.stream().filter(KafkaEvents.ofType(BackupEvents.RPO_BREACHED)).toList();
    assertThat(breaches).hasSize(4);
    // the second copy missing in the other datacenter is reported on its own
    assertThat(breaches)
        .anySatisfy(
            e -> assertThat(e.value()).contains("\"datacenterCode\":\"" + estate.dc5 + "\""));
    assertThat(breaches).anySatisfy(e -> assertThat(e.value()).contains("\"datacenterCode\":null"));
  }

  @Test
  void aRunThatNeverFinishesIsFailedAsRunningTooLong() throws Throwable {
    clock.set(CREATED);
    Estate estate = Estate.saintRoch();
    policy = estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    String ping =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .get("/api/v1/policies/" + policy)
            .then()
            .extract()
            .path("copies[0].pingPath");
    clock.set(Instant.parse("2030-06-03T11:00:00Z"));
    given().get(ping + "/start").then().statusCode(200);
    // the default longest run is 6 h
    sweep("2030-06-03T17:00:00Z");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/policies/" + policy + "/runs")
        .then()
        .body("items[0].state", equalTo("STARTED"));
    sweep("2030-06-03T17:00:01Z");
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/policies/" + policy + "/runs")
        .then()
        .body("items[0].state", equalTo("RUNNING_TOO_LONG"))
        .body("items[0].reason", equalTo("running too long: no finish within PT6H"));
    // the sentinel: a success reported on its own afterwards (the run too long stays closed)
    given().get(ping).then().statusCode(200);
    assertThat(
            types(through(policy, BackupEvents.BACKUP_SUCCEEDED)).stream()
                .filter(BackupEvents.BACKUP_FAILED::equals))
        .hasSize(1);
  }
}
