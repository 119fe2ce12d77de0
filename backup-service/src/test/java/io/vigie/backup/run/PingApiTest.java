package io.vigie.backup.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.backup.Estate;
import io.vigie.events.backup.BackupEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The ping API as curl in a cron job (or borgmatic) meets it: no token, plain OK answers. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class PingApiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  record Policy(UUID id, String ping) {}

  private static Policy policy(Estate estate) {
    UUID id = estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    String ping =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .get("/api/v1/policies/" + id)
            .then()
            .extract()
            .path("copies[0].pingPath");
    return new Policy(id, ping);
  }

  private static io.restassured.response.ValidatableResponse runs(UUID policy) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/policies/" + policy + "/runs")
        .then()
        .statusCode(200);
  }

  @Test
  void aStartThenASuccessWithItsOutputIsOneGoodRun() {
    Policy p = policy(Estate.saintRoch());
    given().post(p.ping() + "/start").then().statusCode(200).body(equalTo("OK"));
    given()
        .contentType("text/plain")
        .body("mysqldump: 1.2 GB in 41 s")
        .post(p.ping())
        .then()
        .statusCode(200)
        .body(equalTo("OK"));
    runs(p.id())
        .body("items.size()", equalTo(1))
        .body("items[0].state", equalTo("SUCCEEDED"))
        .body("items[0].source", equalTo("PING"))
        .body("items[0].log", equalTo("mysqldump: 1.2 GB in 41 s"))
        .body("items[0].startedAt", org.hamcrest.Matchers.notNullValue());
    // a later failure is the sentinel: everything the policy published before it is read
    given().get(p.ping() + "/fail").then().statusCode(200);
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.awaitThrough(
            BackupEvents.TOPIC, p.id().toString(), BackupEvents.BACKUP_FAILED, WAIT);
    assertThat(events)
        .extracting(e -> KafkaEvents.header(e, "ce_type"))
        .containsExactly(BackupEvents.BACKUP_SUCCEEDED, BackupEvents.BACKUP_FAILED);
    assertThat(events.get(0).value()).contains("\"tenant\":\"" + "saint-roch");
  }

  @Test
  void failuresAndExitStatusesFailTheRunAndPublishBackupFailed() {
    Policy p = policy(Estate.saintRoch());
    given().get(p.ping() + "/start").then().statusCode(200);
    given()
        .contentType("text/plain")
        .body("Repository does not exist")
        .post(p.ping() + "/fail")
        .then()
        .statusCode(200);
    given().get(p.ping() + "/2").then().statusCode(200);
    given().get(p.ping() + "/0").then().statusCode(200);
    runs(p.id())
        .body("items.state", equalTo(List.of("SUCCEEDED", "FAILED", "FAILED")))
        .body("items[1].exitStatus", equalTo(2))
        .body("items[1].reason", equalTo("exit status 2"))
        // a finish with no start before it is a run without a start time
        .body("items[1].startedAt", nullValue())
        .body("items[2].reason", equalTo("failure reported by the tool"))
        .body("items[2].log", equalTo("Repository does not exist"));
    // the closing success is the sentinel: both failures are read before it, once each
    List<ConsumerRecord<String, String>> events =
        KafkaEvents.awaitThrough(
            BackupEvents.TOPIC, p.id().toString(), BackupEvents.BACKUP_SUCCEEDED, WAIT);
    assertThat(events)
        .extracting(e -> KafkaEvents.header(e, "ce_type"))
        .containsExactly(
            BackupEvents.BACKUP_FAILED, BackupEvents.BACKUP_FAILED, BackupEvents.BACKUP_SUCCEEDED);
    assertThat(events.get(0).value()).contains("Repository does not exist");
  }

  @Test
  void ridPairsOverlappingRunsAndLogChangesNothing() {
    Policy p = policy(Estate.saintRoch());
    given().head(p.ping() + "/start?rid=first").then().statusCode(200);
    given().get(p.ping() + "/start?rid=second").then().statusCode(200);
    given().body("still copying").post(p.ping() + "/log?rid=first").then().statusCode(200);
    given().get(p.ping() + "/fail?rid=first").then().statusCode(200);
    runs(p.id())
        .body("items.rid", equalTo(List.of("second", "first")))
        .body("items.state", equalTo(List.of("STARTED", "FAILED")));
    given().head(p.ping() + "?rid=second").then().statusCode(200);
    runs(p.id()).body("items.state", equalTo(List.of("SUCCEEDED", "FAILED")));
  }

  @Test
  void anUnknownCheckIs404AndAnOversizedLogIsCut() {
    given().get("/ping/" + UUID.randomUUID()).then().statusCode(404);
    given().get("/ping/not-a-uuid/start").then().statusCode(404);
    Policy p = policy(Estate.saintRoch());
    given().get(p.ping() + "/256").then().statusCode(404);
    given().get(p.ping() + "/stop").then().statusCode(404);
    byte[] big = "é".repeat(300_000).getBytes(StandardCharsets.UTF_8); // 600,000 bytes
    given()
        .contentType("text/plain; charset=utf-8")
        .body(big)
        .post(p.ping() + "/fail")
        .then()
        .statusCode(200)
        .body(equalTo("OK"));
    String log =
        runs(p.id()).body("items[0].logTruncated", equalTo(true)).extract().path("items[0].log");
    // cut at 100,000 bytes, between two characters
    assertThat(log).hasSize(50_000).matches("é+");
    // curl -d sends a form content type: kept as it came
    given()
        .contentType("application/x-www-form-urlencoded")
        .body("a=1&b=2")
        .post(p.ping() + "/log")
        .then()
        .statusCode(200);
  }
}
