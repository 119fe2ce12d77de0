package io.vigie.backup.restore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigie.backup.Estate;
import io.vigie.backup.MovableClock;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default restore test schedule (Monday 05:00 in the policy's zone) against a moved clock: due
 * on Monday, overdue a day later (the grace), reported until a test is run, then due again the next
 * Monday.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class OverdueRestoreTestsTest {

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private JsonPath schedule(UUID policy) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/policies/" + policy + "/restore-tests/schedule")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private boolean reportedOverdue(String tenant, UUID policy) {
    return given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/restore-tests/overdue")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("policyId")
        .contains(policy.toString());
  }

  @Test
  void theDefaultWeeklyTestIsReportedOverdueAfterItsGraceUntilOneIsRun() {
    Estate estate = Estate.saintRoch();
    clock.set(Instant.parse("2030-06-01T10:00:00Z")); // a Saturday
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    JsonPath s = schedule(policy);
    assertThat(s.getString("schedule")).isEqualTo("0 5 * * 1");
    assertThat(s.getBoolean("custom")).isFalse();
    // Monday 3 June 05:00 in Paris is 03:00 UTC
    assertThat(Instant.parse(s.getString("nextDue")))
        .isEqualTo(Instant.parse("2030-06-03T03:00:00Z"));

    clock.set(Instant.parse("2030-06-04T02:59:00Z")); // within the day of grace
    assertThat(schedule(policy).getBoolean("overdue")).isFalse();
    assertThat(reportedOverdue(estate.tenant, policy)).isFalse();
    clock.set(Instant.parse("2030-06-04T03:01:00Z"));
    assertThat(schedule(policy).getBoolean("overdue")).isTrue();
    assertThat(reportedOverdue(estate.tenant, policy)).isTrue();

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
                "2030-06-04T03:05:00Z",
                "finishedAt",
                "2030-06-04T03:12:00Z",
                "filesChecked",
                3,
                "bytesChecked",
                4096))
        .post("/api/v1/restore-tests")
        .then()
        .statusCode(201);
    clock.set(Instant.parse("2030-06-04T03:20:00Z"));
    s = schedule(policy);
    assertThat(s.getBoolean("overdue")).isFalse();
    assertThat(Instant.parse(s.getString("nextDue")))
        .isEqualTo(Instant.parse("2030-06-10T03:00:00Z"));
    assertThat(Instant.parse(s.getString("lastSucceeded")))
        .isEqualTo(Instant.parse("2030-06-04T03:05:00Z"));
    assertThat(reportedOverdue(estate.tenant, policy)).isFalse();
  }
}
