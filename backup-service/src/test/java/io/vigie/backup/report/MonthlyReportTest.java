package io.vigie.backup.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.backup.Estate;
import io.vigie.backup.MovableClock;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * saint-roch's MySQL dumps over February 2026 in Paris (2026-01-31T23:00Z to 2026-02-28T23:00Z, 672
 * h), RPO 2 h from its DRP, copies in DC3 and DC5, with a history chosen so every figure is
 * computed by hand: 3 backups made (2 in DC3, 1 in DC5), 1 failure, 6 h within the RPO (0.89 %) and
 * three breaches, 2 restore tests of which 1 failed, the last success on the 12th.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class MonthlyReportTest {

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private void backup(UUID policy, UUID repository, String startedAt, String snapshot) {
    Instant start = Instant.parse(startedAt);
    clock.set(start.plus(Duration.ofMinutes(5)));
    as(TestTokens.agent())
        .body(
            Map.of(
                "policyId", policy.toString(),
                "repositoryId", repository.toString(),
                "startedAt", startedAt,
                "summary",
                    Map.of(
                        "message_type",
                        "summary",
                        "snapshot_id",
                        snapshot,
                        "total_duration",
                        300.0)))
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(201);
  }

  private void restoreTest(UUID policy, UUID repository, String startedAt, boolean ok, String id) {
    Map<String, Object> body = new HashMap<>();
    body.put("policyId", policy.toString());
    body.put("repositoryId", repository.toString());
    body.put("snapshotId", id);
    body.put("succeeded", ok);
    body.put("startedAt", startedAt);
    body.put("finishedAt", Instant.parse(startedAt).plus(Duration.ofMinutes(20)).toString());
    body.put("filesChecked", ok ? 12 : 0);
    if (!ok) {
      body.put("reason", "restic restore exited 1");
    }
    as(TestTokens.agent()).body(body).post("/api/v1/restore-tests").then().statusCode(201);
  }

  @Test
  void februaryByHand() {
    Estate estate = Estate.saintRoch();
    clock.set(Instant.parse("2026-01-20T09:00:00Z"));
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    String pingPath =
        as(TestTokens.engineer())
            .get("/api/v1/policies/" + policy)
            .then()
            .extract()
            .path("copies[0].pingPath");

    backup(policy, estate.repoDc3, "2026-01-31T22:30:00Z", "a1000001");
    backup(policy, estate.repoDc3, "2026-02-10T12:00:00Z", "a1000002");
    backup(policy, estate.repoDc5, "2026-02-10T12:30:00Z", "b1000001");
    backup(policy, estate.repoDc3, "2026-02-20T00:00:00Z", "a1000003");
    clock.set(Instant.parse("2026-02-15T10:00:00Z"));
    given().body("mysqldump: Got error 2013").post(pingPath + "/fail").then().statusCode(200);
    clock.set(Instant.parse("2026-02-28T23:30:00Z")); // 1 March 00:30 in Paris: next month
    given().post(pingPath + "/fail").then().statusCode(200);
    restoreTest(policy, estate.repoDc3, "2026-01-25T05:00:00Z", true, "a0999999");
    restoreTest(policy, estate.repoDc3, "2026-02-12T04:00:00Z", true, "a1000002");
    restoreTest(policy, estate.repoDc5, "2026-02-26T04:00:00Z", false, "b1000001");
    restoreTest(policy, estate.repoDc3, "2026-03-02T04:00:00Z", true, "a1000003");
    clock.reset();

    JsonPath r =
        as(TestTokens.client(estate.tenant))
            .get("/api/v1/reports/backups/" + estate.tenant + "/2026-02")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(r.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(Instant.parse(r.getString("from"))).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
    assertThat(Instant.parse(r.getString("to"))).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(r.getInt("totals.policies")).isEqualTo(1);
    assertThat(r.getLong("totals.backupsMade")).isEqualTo(3);
    assertThat(r.getLong("totals.failures")).isEqualTo(1);
    assertThat(r.getInt("totals.policiesWithinRpo")).isZero();
    String p = "policies[0].";
    assertThat(r.getString(p + "rpo")).isEqualTo("PT2H");
    assertThat(r.getString(p + "watched")).isEqualTo("PT672H");
    // within: 23:00-00:30 on the 31st/1st, 12:00-14:30 on the 10th, 00:00-02:00 on the 20th = 6 h
    assertThat(r.getDouble(p + "rpoCompliancePercent")).isEqualTo(0.89);
    assertThat(r.getList(p + "rpoBreaches.from", String.class))
        .extracting(Instant::parse)
        .containsExactly(
            Instant.parse("2026-02-01T00:30:00Z"),
            Instant.parse("2026-02-10T14:30:00Z"),
            Instant.parse("2026-02-20T02:00:00Z"));
    assertThat(r.getList(p + "rpoBreaches.to", String.class))
        .extracting(Instant::parse)
        .containsExactly(
            Instant.parse("2026-02-10T12:00:00Z"),
            Instant.parse("2026-02-20T00:00:00Z"),
            Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(r.getList(p + "copiesPerDatacenter.datacenterCode"))
        .containsExactly(estate.dc3, estate.dc5);
    assertThat(r.getList(p + "copiesPerDatacenter.backupsMade")).containsExactly(2, 1);
    assertThat(r.getList(p + "copiesPerDatacenter.newestPoint", String.class))
        .extracting(Instant::parse)
        .containsExactly(
            Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-02-10T12:30:00Z"));
    assertThat(r.getInt(p + "restoreTests.testedInMonth")).isEqualTo(2);
    assertThat(r.getInt(p + "restoreTests.failedInMonth")).isEqualTo(1);
    assertThat(Instant.parse(r.getString(p + "restoreTests.lastSucceededAt")))
        .isEqualTo(Instant.parse("2026-02-12T04:00:00Z"));
    assertThat(r.getString(p + "restoreTests.lastSucceededSnapshot")).isEqualTo("a1000002");

    String md =
        as(TestTokens.engineer())
            .accept("text/markdown")
            .get("/api/v1/reports/backups/" + estate.tenant + "/2026-02/markdown")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(md)
        .contains("# Backups of " + estate.tenant + " SAS, 2026-02")
        .contains("- Backups made: 3")
        .contains("- Failures: 1")
        .contains(
            "| MySQL | " + estate.tenant + " MySQL | 3 | 1 | 2 h | 0.89 % | 2026-02-12 05:00 |")
        .contains("- " + estate.dc3 + ": 2 made, newest 2026-02-20 01:00")
        .contains("- 2026-02-01 01:30 to 2026-02-10 13:00 (9 d 11 h 30 min)")
        .contains("Restore tests this month: 2, failed: 1");
  }

  @Test
  void wallsAndBadInput() {
    Estate a = Estate.saintRoch();
    Estate b = Estate.saintRoch();
    as(TestTokens.client(a.tenant))
        .get("/api/v1/reports/backups/" + b.tenant + "/2026-02")
        .then()
        .statusCode(404);
    as(TestTokens.client(a.tenant))
        .get("/api/v1/reports/backups/" + b.tenant + "/2026-02/markdown")
        .then()
        .statusCode(404);
    as(TestTokens.support())
        .get("/api/v1/reports/backups/" + b.tenant + "/2026-02")
        .then()
        .statusCode(200)
        .body("tenant", equalTo(b.tenant))
        .body("policies", equalTo(List.of()));
    as(TestTokens.engineer())
        .get("/api/v1/reports/backups/no-such-client/2026-02")
        .then()
        .statusCode(404);
    as(TestTokens.engineer())
        .get("/api/v1/reports/backups/" + a.tenant + "/2026-13")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("month"));
    as(TestTokens.engineer())
        .get("/api/v1/reports/backups/" + a.tenant + "/2099-01")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("month"));
    as(TestTokens.agent())
        .get("/api/v1/reports/backups/" + a.tenant + "/2026-02")
        .then()
        .statusCode(403);
    given().get("/api/v1/reports/backups/" + a.tenant + "/2026-02").then().statusCode(401);
  }
}
