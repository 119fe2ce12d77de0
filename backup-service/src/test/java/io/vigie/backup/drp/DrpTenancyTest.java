package io.vigie.backup.drp;

import static io.vigie.backup.drp.DrpEstate.activated;
import static io.vigie.backup.drp.DrpEstate.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants are walls on every DRP path: another client's plans and runs answer 404 to a client
 * whatever the verb; plan writes are the operators'; activation, retry and abort are the client's
 * users' and the operators', never level-1 support's nor an agent's; no token, 401.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class DrpTenancyTest {

  // the estates and plans are built once for the class; b's run is started again when a test
  // has stopped it
  static DrpEstate a;
  static DrpEstate b;
  static UUID planA;
  static UUID planB;
  static UUID runB;

  @BeforeEach
  void twoClientsSideBySide() {
    if (planB == null) {
      DrpEstate first = new DrpEstate();
      DrpEstate second = new DrpEstate();
      planA = first.createPlan(first.plan("DRP"));
      planB = second.createPlan(second.plan("DRP"));
      a = first;
      b = second;
    }
    if (runB == null
        || !"RUNNING"
            .equals(
                as(TestTokens.engineer())
                    .get("/api/v1/drp-runs/" + runB)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status"))) {
      runB = activated(TestTokens.clientAdmin(b.tenant()), planB, "FAILOVER");
    }
  }

  @Test
  void aClientReadsItsOwnPlansOnly() {
    String token = TestTokens.client(a.tenant());
    as(token).get("/api/v1/drp-plans").then().statusCode(200).body("items.size()", equalTo(1));
    as(token)
        .get("/api/v1/drp-plans?tenant=" + b.tenant())
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(token).get("/api/v1/drp-plans/" + planA).then().statusCode(200);
    as(token).get("/api/v1/drp-plans/" + planA + "/history").then().statusCode(200);
    as(token).get("/api/v1/drp-plans/" + planA + "/runs").then().statusCode(200);
  }

  @Test
  void anotherTenantsPlansAndRunsAnswer404OnEveryPath() {
    // the client's administrator, who may act on a's own runs: b's still do not exist for it
    String token = TestTokens.clientAdmin(a.tenant());
    as(token).get("/api/v1/drp-plans/" + planB).then().statusCode(404);
    as(token).get("/api/v1/drp-plans/" + planB + "/history").then().statusCode(404);
    as(token).get("/api/v1/drp-plans/" + planB + "/runs").then().statusCode(404);
    as(token)
        .body(Map.of("direction", "FAILOVER", "reason", "x"))
        .post("/api/v1/drp-plans/" + planB + "/runs")
        .then()
        .statusCode(404);
    as(token).get("/api/v1/drp-runs/" + runB).then().statusCode(404);
    as(token)
        .body(Map.of("note", "x"))
        .post("/api/v1/drp-runs/" + runB + "/steps/1/complete")
        .then()
        .statusCode(404);
    as(token)
        .body(Map.of("note", "x"))
        .post("/api/v1/drp-runs/" + runB + "/steps/1/fail")
        .then()
        .statusCode(404);
    as(token).post("/api/v1/drp-runs/" + runB + "/retry").then().statusCode(404);
    as(token)
        .body(Map.of("reason", "x"))
        .post("/api/v1/drp-runs/" + runB + "/abort")
        .then()
        .statusCode(404);
    // unknown ids answer the same
    as(token).get("/api/v1/drp-plans/" + UUID.randomUUID()).then().statusCode(404);
    as(token).get("/api/v1/drp-runs/" + UUID.randomUUID()).then().statusCode(404);
    // nothing moved on b's run
    as(TestTokens.client(b.tenant()))
        .get("/api/v1/drp-runs/" + runB)
        .then()
        .body("status", equalTo("RUNNING"))
        .body("steps[0].status", equalTo("RUNNING"));
  }

  @Test
  void onlyTheClientsAdministratorDecidesOnItsDrp() {
    // b's other users read b's runs but neither start, steer nor stop one: 403, nothing moved
    String user = TestTokens.client(b.tenant());
    as(user).get("/api/v1/drp-runs/" + runB).then().statusCode(200);
    as(user)
        .body(Map.of("direction", "RETURN_TO_PRODUCTION", "reason", "x"))
        .post("/api/v1/drp-plans/" + planB + "/runs")
        .then()
        .statusCode(403);
    as(user)
        .body(Map.of("note", "x"))
        .post("/api/v1/drp-runs/" + runB + "/steps/1/complete")
        .then()
        .statusCode(403);
    as(user)
        .body(Map.of("note", "x"))
        .post("/api/v1/drp-runs/" + runB + "/steps/1/fail")
        .then()
        .statusCode(403);
    as(user).post("/api/v1/drp-runs/" + runB + "/retry").then().statusCode(403);
    as(user)
        .body(Map.of("reason", "x"))
        .post("/api/v1/drp-runs/" + runB + "/abort")
        .then()
        .statusCode(403);
    as(user)
        .get("/api/v1/drp-runs/" + runB)
        .then()
        .body("status", equalTo("RUNNING"))
        .body("steps[0].status", equalTo("RUNNING"));
    // b's administrator does
    as(TestTokens.clientAdmin(b.tenant()))
        .body(Map.of("reason", "drill over"))
        .post("/api/v1/drp-runs/" + runB + "/abort")
        .then()
        .statusCode(200);
  }

  @Test
  void planWritesAreTheOperatorsAndDecisionsNeverAnAgentsOrLevelOnes() {
    String client = TestTokens.client(a.tenant());
    as(client).body(a.plan("mine")).post("/api/v1/drp-plans").then().statusCode(403);
    as(client)
        .header("If-Match", "\"1\"")
        .body(a.plan("DRP"))
        .put("/api/v1/drp-plans/" + planA)
        .then()
        .statusCode(403);
    as(client)
        .header("If-Match", "\"1\"")
        .delete("/api/v1/drp-plans/" + planA)
        .then()
        .statusCode(403);
    for (String token : new String[] {TestTokens.support(), TestTokens.agent()}) {
      as(token)
          .body(Map.of("direction", "FAILOVER", "reason", "x"))
          .post("/api/v1/drp-plans/" + planA + "/runs")
          .then()
          .statusCode(403);
      as(token).post("/api/v1/drp-runs/" + runB + "/retry").then().statusCode(403);
      as(token)
          .body(Map.of("reason", "x"))
          .post("/api/v1/drp-runs/" + runB + "/abort")
          .then()
          .statusCode(403);
      as(token).body(a.plan("x")).post("/api/v1/drp-plans").then().statusCode(403);
    }
    // support reads every tenant; an agent reads nothing
    as(TestTokens.support()).get("/api/v1/drp-runs/" + runB).then().statusCode(200);
    as(TestTokens.agent()).get("/api/v1/drp-runs/" + runB).then().statusCode(403);
    as(TestTokens.agent()).get("/api/v1/drp-plans/" + planA).then().statusCode(403);
    as(TestTokens.support())
        .body(Map.of("note", "x"))
        .post("/api/v1/drp-runs/" + runB + "/steps/1/complete")
        .then()
        .statusCode(403);
    RestAssured.given().get("/api/v1/drp-plans").then().statusCode(401);
    RestAssured.given().post("/api/v1/drp-runs/" + runB + "/retry").then().statusCode(401);
  }
}
