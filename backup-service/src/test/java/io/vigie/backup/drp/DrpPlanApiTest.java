package io.vigie.backup.drp;

import static io.vigie.backup.drp.DrpEstate.activated;
import static io.vigie.backup.drp.DrpEstate.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.backup.Estate;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DRP plans over HTTP: create, read, replace with If-Match, delete, history, bad input. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class DrpPlanApiTest {

  @Test
  void aPlanIsCreatedReadReplacedAndDeletedWithItsHistory() {
    DrpEstate e = new DrpEstate();
    Map<String, Object> body = e.plan("saint-roch DRP");
    body.put(
        "steps",
        List.of(
            DrpEstate.step("RESTORE_FILES", "Copy files", "PT3H"),
            DrpEstate.step("DNS_SWITCH", "DNS to drp1", "PT10M")));
    UUID plan = e.createPlan(body);
    String client = TestTokens.clientAdmin(e.tenant());
    as(client)
        .get("/api/v1/drp-plans/" + plan)
        .then()
        .statusCode(200)
        .header("ETag", containsString("1"))
        .body("tenant", equalTo(e.tenant()))
        .body("productionServer.datacenterCode", equalTo(e.estate.dc2))
        .body("recoveryServer.datacenterCode", equalTo(e.estate.dc5))
        .body("targets[0].name", equalTo(e.tenant() + " MySQL"))
        .body("steps.kind", contains("RESTORE_FILES", "DNS_SWITCH"))
        .body("steps[1].estimated", equalTo("PT10M"))
        // left out: the servers' public addresses from the inventory
        .body("steps[1].failoverAddresses", contains("203.0.113.10"))
        .body("steps[1].productionAddresses", contains("203.0.113.10"))
        .body("updatedBy", equalTo("engineer"));
    as(client)
        .get("/api/v1/drp-plans?tenant=" + e.tenant())
        .then()
        .statusCode(200)
        .body("items.id", contains(plan.toString()));

    Map<String, Object> changed = e.plan("saint-roch DRP");
    as(TestTokens.engineer()).body(changed).put("/api/v1/drp-plans/" + plan).then().statusCode(428);
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .body(changed)
        .put("/api/v1/drp-plans/" + plan)
        .then()
        .statusCode(412);
    as(TestTokens.admin())
        .header("If-Match", "\"1\"")
        .body(changed)
        .put("/api/v1/drp-plans/" + plan)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("steps.size()", equalTo(4))
        .body("updatedBy", equalTo("admin"));
    changed.put("tenant", Estate.saintRoch().tenant);
    as(TestTokens.admin())
        .header("If-Match", "\"2\"")
        .body(changed)
        .put("/api/v1/drp-plans/" + plan)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("tenant"));

    // a plan with a run in progress stays
    UUID run = activated(client, plan, "FAILOVER");
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .delete("/api/v1/drp-plans/" + plan)
        .then()
        .statusCode(409);
    as(client)
        .body(Map.of("reason", "test over"))
        .post("/api/v1/drp-runs/" + run + "/abort")
        .then()
        .statusCode(200);
    as(TestTokens.engineer()).delete("/api/v1/drp-plans/" + plan).then().statusCode(428);
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .delete("/api/v1/drp-plans/" + plan)
        .then()
        .statusCode(204);
    as(client).get("/api/v1/drp-plans/" + plan).then().statusCode(404);
    // what was done and how the plan changed stay
    as(client)
        .get("/api/v1/drp-plans/" + plan + "/history")
        .then()
        .statusCode(200)
        .body("items.change", contains("DELETED", "UPDATED", "CREATED"))
        .body("items.version", contains(3, 2, 1))
        .body("items.changedBy", contains("engineer", "admin", "engineer"))
        .body("items[2].plan.steps.size()", equalTo(2));
    as(client)
        .get("/api/v1/drp-plans/" + plan + "/runs")
        .then()
        .statusCode(200)
        .body("items.status", contains("ABORTED"));
    as(client).get("/api/v1/drp-runs/" + run).then().statusCode(200);
  }

  @Test
  void theRecoveryServerMustBeInAnotherDatacenter() {
    DrpEstate e = new DrpEstate();
    Map<String, Object> body = e.plan("same site");
    body.put("recoveryServerId", e.sameSite.toString());
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/drp-plans")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("recoveryServerId"))
        .body("errors[0].message", containsString("it must be in another datacenter"));
  }

  @Test
  void everyBrokenRuleIsRefusedNamingItsFieldAndNothingIsWritten() {
    DrpEstate e = new DrpEstate();
    DrpEstate other = new DrpEstate();
    Map<String, Object> body = e.plan("broken");
    body.put("productionServerId", other.estate.web1.toString());
    body.put("recoveryServerId", UUID.randomUUID().toString());
    body.put("targets", List.of(Map.of("kind", "HOSTED_SERVICE", "id", other.estate.database)));
    as(TestTokens.engineer())
        .body(body)
        .post("/api/v1/drp-plans")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("productionServerId"))
        .body("errors.field", hasItem("recoveryServerId"))
        .body("errors.field", hasItem("targets[0].id"));

    Map<String, Object> steps = e.plan("bad steps");
    Map<String, Object> check = DrpEstate.step("CHECK", "Smoke test", "PT0S");
    check.put("failoverAddresses", List.of("198.51.100.5"));
    Map<String, Object> dns = DrpEstate.step("DNS_SWITCH", "DNS", "PT10M");
    dns.put("failoverAddresses", List.of("drp1.example.net"));
    steps.put("steps", List.of(check, dns));
    as(TestTokens.engineer())
        .body(steps)
        .post("/api/v1/drp-plans")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            contains(
                "steps[0].estimated",
                "steps[0].failoverAddresses",
                "steps[1].failoverAddresses[0]"));

    Map<String, Object> unknownKind = e.plan("unknown kind");
    unknownKind.put("steps", List.of(DrpEstate.step("REBOOT", "Reboot", "PT1M")));
    as(TestTokens.engineer()).body(unknownKind).post("/api/v1/drp-plans").then().statusCode(400);
    Map<String, Object> noSteps = e.plan("no steps");
    noSteps.put("steps", List.of());
    as(TestTokens.engineer())
        .body(noSteps)
        .post("/api/v1/drp-plans")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("steps")));
    as(TestTokens.engineer())
        .body(Map.of("direction", "SIDEWAYS", "reason", "x"))
        .post("/api/v1/drp-plans/" + UUID.randomUUID() + "/runs")
        .then()
        .statusCode(400);

    as(TestTokens.engineer())
        .get("/api/v1/drp-plans?tenant=" + e.tenant())
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    UUID plan = e.createPlan(e.plan("saint-roch DRP"));
    as(TestTokens.engineer())
        .body(e.plan("saint-roch DRP"))
        .post("/api/v1/drp-plans")
        .then()
        .statusCode(409);
    as(TestTokens.engineer())
        .get("/api/v1/drp-plans/" + plan + "/history")
        .then()
        .body("items.size()", equalTo(1));
  }
}
