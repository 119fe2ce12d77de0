package io.vigie.backup.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.backup.Estate;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant walls on the agent's and the restore tests' endpoints, two clients side by side: another
 * client's policy answers 404 on every path; writes and reports are refused to clients and level-1
 * support by role; the job list is for agents and operators; no token, 401.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class AgentAndRestoreTenancyTest {

  Estate a;
  Estate b;
  UUID policyA;
  UUID policyB;

  @BeforeEach
  void twoClientsSideBySide() {
    a = Estate.saintRoch();
    b = Estate.saintRoch();
    policyA = a.createPolicy(a.databasePolicy("MySQL", a.repoDc3, a.repoDc5));
    policyB = b.createPolicy(b.databasePolicy("MySQL", b.repoDc3, b.repoDc5));
    for (UUID policy : List.of(policyA, policyB)) {
      as(TestTokens.engineer())
          .body(Map.of("paths", List.of("/var/backups/mysql")))
          .put("/api/v1/policies/" + policy + "/agent-settings")
          .then()
          .statusCode(200);
    }
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  @Test
  void aClientReadsItsOwnAndAnotherClientsPoliciesAnswer404() {
    String token = TestTokens.client(a.tenant);
    as(token).get("/api/v1/policies/" + policyA + "/agent-settings").then().statusCode(200);
    as(token).get("/api/v1/policies/" + policyA + "/restore-tests").then().statusCode(200);
    as(token).get("/api/v1/policies/" + policyA + "/restore-tests/schedule").then().statusCode(200);
    for (String path :
        List.of(
            "/api/v1/policies/" + policyB + "/agent-settings",
            "/api/v1/policies/" + policyB + "/restore-tests",
            "/api/v1/policies/" + policyB + "/restore-tests/schedule",
            "/api/v1/policies/" + UUID.randomUUID() + "/restore-tests")) {
      as(token).get(path).then().statusCode(404).body("status", equalTo(404));
    }
    as(token)
        .get("/api/v1/restore-tests/overdue?tenant=" + b.tenant)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    as(token)
        .get("/api/v1/restore-tests/overdue")
        .then()
        .statusCode(200)
        .body("tenant", everyItem(equalTo(a.tenant)));
    as(TestTokens.support())
        .get("/api/v1/policies/" + policyB + "/restore-tests/schedule")
        .then()
        .statusCode(200);
  }

  @Test
  void writesAndReportsAreRefusedByRole() {
    for (String token : List.of(TestTokens.client(a.tenant), TestTokens.support())) {
      as(token)
          .body(Map.of("paths", List.of("/srv")))
          .put("/api/v1/policies/" + policyA + "/agent-settings")
          .then()
          .statusCode(403);
      as(token)
          .header("If-Match", "\"0\"")
          .body(Map.of("schedule", "0 5 * * 1"))
          .put("/api/v1/policies/" + policyA + "/restore-tests/schedule")
          .then()
          .statusCode(403);
      as(token)
          .body(
              Map.of(
                  "policyId",
                  policyA.toString(),
                  "repositoryId",
                  a.repoDc3.toString(),
                  "snapshotId",
                  "4f2a9c1e0b",
                  "succeeded",
                  true,
                  "startedAt",
                  "2026-11-02T05:00:00Z",
                  "finishedAt",
                  "2026-11-02T05:03:00Z"))
          .post("/api/v1/restore-tests")
          .then()
          .statusCode(403);
      as(token).get("/api/v1/agent/jobs?host=web1").then().statusCode(403);
    }
    // agents pull jobs and report; they read no policy's settings
    as(TestTokens.agent())
        .get("/api/v1/policies/" + policyA + "/agent-settings")
        .then()
        .statusCode(403);
    // another client's policy is not writable through a client-scoped path either
    as(TestTokens.client(a.tenant))
        .get("/api/v1/restore-tests/overdue")
        .then()
        .statusCode(200)
        .body("policyId", not(hasItem(policyB.toString())));
    for (String path :
        List.of(
            "/api/v1/agent/jobs?host=web1",
            "/api/v1/restore-tests/overdue",
            "/api/v1/policies/" + policyA + "/agent-settings",
            "/api/v1/policies/" + policyA + "/restore-tests")) {
      given().get(path).then().statusCode(401);
    }
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/restore-tests")
        .then()
        .statusCode(401);
  }
}
