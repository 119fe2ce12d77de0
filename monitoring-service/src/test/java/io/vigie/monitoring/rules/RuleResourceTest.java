package io.vigie.monitoring.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.testkit.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules API: the default pack, validation naming the field, versions, roles. */
@QuarkusTest
class RuleResourceTest {

  private static Map<String, Object> valid(String name) {
    Map<String, Object> rule = new HashMap<>(RuleEngineTest.rule(name, "node_load1", 10));
    rule.put(
        "expr",
        Map.of(
            "selector",
            Map.of(
                "metric",
                "node_filesystem_avail_bytes",
                "matchers",
                List.of(Map.of("label", "mountpoint", "op", "=", "value", "/"))),
            "divideBy",
            Map.of("metric", "node_filesystem_size_bytes")));
    rule.put("comparison", "<");
    rule.put("threshold", 0.2);
    return rule;
  }

  private static Response post(Object body) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/alert-rules");
  }

  private static void refused(Map<String, Object> body, String field) {
    post(body)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  @Test
  void aListedRuleReadsAsTheRuleItself() {
    Map<String, Object> created =
        post(valid("same-json-" + java.util.UUID.randomUUID().toString().substring(0, 8)))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getMap("$");
    Map<String, Object> listed =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .queryParam("kind", "METRIC")
            .queryParam("size", 500)
            .get("/api/v1/alert-rules")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("items.find { it.id == '" + created.get("id") + "' }");
    org.assertj.core.api.Assertions.assertThat(listed).isEqualTo(created);
  }

  @Test
  void theDefaultPackIsInstalledAndCannotBeDeletedOnlyDisabled() {
    Response pack =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .queryParam("kind", "METRIC")
            .queryParam("size", 100)
            .get("/api/v1/alert-rules");
    pack.then()
        .statusCode(200)
        .body("items.rule.name", hasItem("filesystem-space-low"))
        .body("items.find { it.rule.name == 'memory-low' }.builtin", equalTo(true));
    String id = pack.path("items.find { it.rule.name == 'clock-drift' }.id");
    Response clock = given().auth().oauth2(TestTokens.engineer()).get("/api/v1/alert-rules/" + id);
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .header("If-Match", clock.header("ETag"))
        .delete("/api/v1/alert-rules/" + id)
        .then()
        .statusCode(409);
  }

  @Test
  void invalidRulesAreRefusedNamingTheField() {
    String name = "r" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> noThreshold = valid(name);
    noThreshold.remove("threshold");
    refused(noThreshold, "threshold");
    Map<String, Object> badRegex = valid(name);
    badRegex.put(
        "expr",
        Map.of(
            "selector",
            Map.of(
                "metric",
                "up",
                "matchers",
                List.of(Map.of("label", "job", "op", "=~", "value", "(node")))));
    refused(badRegex, "expr.selector.matchers[0].value");
    Map<String, Object> badFor = valid(name);
    badFor.put("for", "5 minutes");
    refused(badFor, "for");
    Map<String, Object> badName = valid("Not A Name");
    refused(badName, "name");
    Map<String, Object> badMetric = valid(name);
    badMetric.put("expr", Map.of("selector", Map.of("metric", "node-load")));
    refused(badMetric, "expr.selector.metric");
    Map<String, Object> checkFields = valid(name);
    checkFields.put("consecutiveFailures", 3);
    refused(checkFields, "consecutiveFailures");
    Map<String, Object> badComparison = valid(name);
    badComparison.put("comparison", "about");
    post(badComparison).then().statusCode(400);
    Map<String, Object> badSeverity = valid(name);
    badSeverity.put("severity", "apocalyptic");
    post(badSeverity).then().statusCode(400);
    post("{\"name\": ").then().statusCode(400);
    // nothing of it was written
    given()
        .auth()
        .oauth2(TestTokens.support())
        .queryParam("size", 500)
        .get("/api/v1/alert-rules")
        .then()
        .statusCode(200)
        .body("items.rule.name", org.hamcrest.Matchers.not(hasItem(name)));
  }

  @Test
  void everyVersionIsKeptAndChangesNeedTheCurrentETag() {
    String name = "r" + UUID.randomUUID().toString().substring(0, 8);
    Response created = post(valid(name));
    created.then().statusCode(201).body("version", equalTo(1)).body("builtin", equalTo(false));
    String id = created.path("id");
    post(valid(name)).then().statusCode(409);

    Map<String, Object> changed = valid(name);
    changed.put("threshold", 0.1);
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .body(changed)
        .put("/api/v1/alert-rules/" + id)
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\"")
        .body(changed)
        .put("/api/v1/alert-rules/" + id)
        .then()
        .statusCode(412);
    Response updated =
        given()
            .auth()
            .oauth2(TestTokens.engineer())
            .contentType(ContentType.JSON)
            .header("If-Match", created.header("ETag"))
            .body(changed)
            .put("/api/v1/alert-rules/" + id);
    updated.then().statusCode(200).body("rule.threshold", equalTo(0.1f));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .header("If-Match", updated.header("ETag"))
        .delete("/api/v1/alert-rules/" + id)
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/alert-rules/" + id + "/revisions")
        .then()
        .statusCode(200)
        .body("version", equalTo(List.of(1, 2, 3)))
        .body("deleted", equalTo(List.of(false, false, true)))
        .body("rule.threshold", equalTo(List.of(0.2f, 0.1f, 0.1f)));
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/alert-rules/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void clientsAndAgentsHaveNoSayAndReadersCannotWrite() {
    given()
        .auth()
        .oauth2(TestTokens.client("lumiere"))
        .get("/api/v1/alert-rules")
        .then()
        .statusCode(403);
    given().auth().oauth2(TestTokens.agent()).get("/api/v1/alert-rules").then().statusCode(403);
    given().get("/api/v1/alert-rules").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .contentType(ContentType.JSON)
        .body(valid("r" + UUID.randomUUID().toString().substring(0, 8)))
        .post("/api/v1/alert-rules")
        .then()
        .statusCode(403);
  }
}
