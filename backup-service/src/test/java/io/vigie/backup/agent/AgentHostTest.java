package io.vigie.backup.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.backup.inventory.InventoryServer;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An agent token bound to a host ({@code vigie_host}) reads that host's jobs and reports for the
 * policies backing up targets on it, and nothing else: another host's jobs, a backup or a restore
 * test of a policy on another host answer 403 problems. An unbound agent token still serves the
 * whole fleet.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class AgentHostTest {

  private static final Map<String, Object> SUMMARY =
      Map.of(
          "message_type", "summary",
          "files_new", 1,
          "files_changed", 0,
          "data_added", 10,
          "total_bytes_processed", 10,
          "total_duration", 0.5,
          "snapshot_id", "4f2a9c1e");

  private static int restic(String token, UUID policy, UUID repository) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId", policy.toString(),
                "repositoryId", repository.toString(),
                "summary", SUMMARY))
        .post("/api/v1/runs/restic")
        .then()
        .extract()
        .statusCode();
  }

  private static int restoreTest(String token, UUID policy, UUID repository) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId",
                policy.toString(),
                "repositoryId",
                repository.toString(),
                "snapshotId",
                "4f2a9c1e",
                "succeeded",
                true,
                "startedAt",
                "2026-11-30T03:05:00Z",
                "finishedAt",
                "2026-11-30T03:06:00Z",
                "filesChecked",
                1,
                "bytesChecked",
                10))
        .post("/api/v1/restore-tests")
        .then()
        .extract()
        .statusCode();
  }

  @Test
  void aHostBoundAgentActsForItsHostOnly() {
    Estate estate = Estate.saintRoch();
    UUID policy =
        estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    // the database runs on web1
    String web1 = InventoryFeed.find(InventoryServer.class, estate.web1).hostname;
    UUID other = InventoryFeed.server(estate.dc2Id, estate.dc2, "web2");
    String web2 = InventoryFeed.find(InventoryServer.class, other).hostname;
    String web1Agent = TestTokens.agentOf(web1);
    String web2Agent = TestTokens.agentOf(web2);

    given()
        .auth()
        .oauth2(web1Agent)
        .queryParam("host", web1)
        .get("/api/v1/agent/jobs")
        .then()
        .statusCode(200)
        .body("host", equalTo(web1));
    given()
        .auth()
        .oauth2(web2Agent)
        .queryParam("host", web1)
        .get("/api/v1/agent/jobs")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString(web2));

    org.assertj.core.api.Assertions.assertThat(restic(web1Agent, policy, estate.repoDc3))
        .isEqualTo(201);
    org.assertj.core.api.Assertions.assertThat(restic(web2Agent, policy, estate.repoDc3))
        .isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(restoreTest(web2Agent, policy, estate.repoDc3))
        .isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(restoreTest(web1Agent, policy, estate.repoDc3))
        .isEqualTo(201);
    // the refusal wrote nothing: one run, the web1 agent's
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/policies/" + policy + "/runs")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1));
    // an unknown policy is still the usual bad request naming it, bound or not
    given()
        .auth()
        .oauth2(web2Agent)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "policyId", UUID.randomUUID().toString(),
                "repositoryId", estate.repoDc3.toString(),
                "summary", SUMMARY))
        .post("/api/v1/runs/restic")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    // the fleet-wide agent (no vigie_host claim) reports for any host, as before
    org.assertj.core.api.Assertions.assertThat(restic(TestTokens.agent(), policy, estate.repoDc5))
        .isEqualTo(201);
  }
}
