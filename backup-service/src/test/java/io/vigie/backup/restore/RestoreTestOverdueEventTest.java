package io.vigie.backup.restore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.backup.MovableClock;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
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
 * {@code RestoreTestOverdue} on {@code backup.events}: the default weekly test (Monday 05:00 in
 * Paris) missed by more than the day of grace is published once, however many passes (or weeks)
 * follow, and again only for the next due time missed after a test was tried.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class RestoreTestOverdueEventTest {

  @Inject MovableClock clock;
  @Inject RestoreTestWatcher watcher;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private int pass(UUID policy, String at) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> watcher.pass(Instant.parse(at), policy));
  }

  @Test
  void aMissedRestoreTestIsPublishedOncePerDueTime() throws Throwable {
    Estate estate = Estate.saintRoch();
    clock.set(Instant.parse("2030-06-01T10:00:00Z")); // a Saturday
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));

    // due Monday 3 June 05:00 Paris (03:00 UTC), a day of grace
    assertThat(pass(policy, "2030-06-04T02:59:00Z")).isZero();
    assertThat(pass(policy, "2030-06-04T03:01:00Z")).isEqualTo(1);
    assertThat(pass(policy, "2030-06-04T03:16:00Z")).isZero();
    // a week later still no test: the same missed due time, not published again
    assertThat(pass(policy, "2030-06-11T04:00:00Z")).isZero();

    clock.set(Instant.parse("2030-06-11T04:10:00Z"));
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId",
                policy.toString(),
                "repositoryId",
                estate.repoDc3.toString(),
                "snapshotId",
                "7e1d0c2b",
                "succeeded",
                true,
                "startedAt",
                "2030-06-11T04:05:00Z",
                "finishedAt",
                "2030-06-11T04:09:00Z",
                "filesChecked",
                3,
                "bytesChecked",
                4096))
        .post("/api/v1/restore-tests")
        .then()
        .statusCode(201);
    // the test served the missed due times; the next is Monday 17 June
    assertThat(pass(policy, "2030-06-18T02:59:00Z")).isZero();
    assertThat(pass(policy, "2030-06-18T03:01:00Z")).isEqualTo(1);
    assertThat(pass(policy, "2030-06-18T09:00:00Z")).isZero();

    // the sentinel: a backup reported afterwards, so everything before it is read once
    String ping =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .get("/api/v1/policies/" + policy)
            .then()
            .extract()
            .path("copies[0].pingPath");
    given().get(ping).then().statusCode(200);
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.awaitThrough(
                BackupEvents.TOPIC,
                policy.toString(),
                BackupEvents.BACKUP_SUCCEEDED,
                Duration.ofSeconds(30))
            .stream()
            .filter(KafkaEvents.ofType(BackupEvents.RESTORE_TEST_OVERDUE))
            .toList();
    assertThat(events).hasSize(2);
    JsonNode first = InventoryFeed.JSON.readTree(events.get(0).value());
    JsonNode second = InventoryFeed.JSON.readTree(events.get(1).value());
    assertThat(first.get("tenant").asText()).isEqualTo(estate.tenant);
    assertThat(first.get("policyName").asText()).isEqualTo("MySQL");
    assertThat(first.get("schedule").asText()).isEqualTo("0 5 * * 1");
    assertThat(first.get("dueAt").asText()).isEqualTo("2030-06-03T03:00:00Z");
    assertThat(first.hasNonNull("lastAttemptAt")).isFalse();
    assertThat(first.get("detectedAt").asText()).isEqualTo("2030-06-04T03:01:00Z");
    assertThat(second.get("dueAt").asText()).isEqualTo("2030-06-17T03:00:00Z");
    assertThat(second.get("lastAttemptAt").asText()).isEqualTo("2030-06-11T04:05:00Z");
    assertThat(second.get("lastSucceededAt").asText()).isEqualTo("2030-06-11T04:05:00Z");
  }
}
