package io.vigie.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants are walls: a client's token reads only its own policies and repositories; another
 * tenant's ids and the hoster's shared repositories answer 404 (no existence leak); writes are
 * refused to clients, level-1 support and agents by role; no token, 401. Every path is listed.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TenancyTest {

  // built once for the class: no test writes to them (every write here is refused)
  static Estate a;
  static Estate b;
  static UUID policyA;
  static UUID policyB;
  static UUID shared;

  @BeforeEach
  void twoClientsSideBySide() {
    if (shared != null) {
      return;
    }
    a = Estate.saintRoch();
    b = Estate.saintRoch();
    policyA = a.createPolicy(a.databasePolicy("MySQL", a.repoDc3, a.repoDc5));
    policyB = b.createPolicy(b.databasePolicy("MySQL", b.repoDc3, b.repoDc5));
    shared = Estate.repository(null, InventoryFeed.unique("shared DC3"), a.dc3Id);
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  @Test
  void aClientReadsItsOwnPoliciesAndRepositories() {
    String token = TestTokens.client(a.tenant);
    as(token)
        .get("/api/v1/policies")
        .then()
        .statusCode(200)
        .body("items.tenant", everyItem(equalTo(a.tenant)))
        .body("items.size()", equalTo(1));
    as(token).get("/api/v1/policies/" + policyA).then().statusCode(200);
    as(token)
        .get("/api/v1/repositories")
        .then()
        .statusCode(200)
        .body("items.tenant", everyItem(equalTo(a.tenant)))
        .body("items.size()", equalTo(3));
    as(token).get("/api/v1/repositories/" + a.repoDc3).then().statusCode(200);
  }

  @Test
  void anotherTenantsIdsAnswer404() {
    String token = TestTokens.client(a.tenant);
    as(token).get("/api/v1/policies/" + policyB).then().statusCode(404);
    as(token)
        .get("/api/v1/policies?tenant=" + b.tenant)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(token).get("/api/v1/repositories/" + b.repoDc3).then().statusCode(404);
    as(token).get("/api/v1/repositories/" + shared).then().statusCode(404);
    as(token)
        .get("/api/v1/repositories?tenant=" + b.tenant)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    // an operator cannot hang one client's policy on another client's repository or target
    as(TestTokens.engineer())
        .body(a.databasePolicy("cross", b.repoDc3, b.repoDc5))
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            equalTo(java.util.List.of("copies[0].repositoryId", "copies[1].repositoryId")));
    Map<String, Object> foreignTarget =
        new java.util.HashMap<>(a.databasePolicy("cross", a.repoDc3, a.repoDc5));
    foreignTarget.put("target", Map.of("kind", "HOSTED_SERVICE", "id", b.database.toString()));
    as(TestTokens.engineer())
        .body(foreignTarget)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("target.id"));
  }

  @Test
  void writesAreForOperatorsOnly() {
    Map<String, Object> policy = a.databasePolicy("new", a.repoDc3, a.repoDc5);
    Map<String, Object> repository =
        Map.of(
            "name",
            "r",
            "kind",
            "BORG",
            "location",
            "/srv/borg",
            "datacenterId",
            a.dc3Id.toString(),
            "tenant",
            a.tenant);
    for (String token :
        new String[] {TestTokens.client(a.tenant), TestTokens.support(), TestTokens.agent()}) {
      as(token).body(policy).post("/api/v1/policies").then().statusCode(403);
      as(token)
          .header("If-Match", "\"1\"")
          .body(policy)
          .put("/api/v1/policies/" + policyA)
          .then()
          .statusCode(403);
      as(token).body(repository).post("/api/v1/repositories").then().statusCode(403);
      as(token)
          .header("If-Match", "\"1\"")
          .body(repository)
          .put("/api/v1/repositories/" + a.repoDc3)
          .then()
          .statusCode(403);
    }
    // level-1 support reads everything; an agent reads no policy or repository
    as(TestTokens.support()).get("/api/v1/policies/" + policyB).then().statusCode(200);
    as(TestTokens.support()).get("/api/v1/repositories/" + shared).then().statusCode(200);
    as(TestTokens.agent()).get("/api/v1/policies").then().statusCode(403);
    as(TestTokens.agent()).get("/api/v1/repositories/" + a.repoDc3).then().statusCode(403);
  }

  @Test
  void noTokenNoAccess() {
    given().get("/api/v1/policies").then().statusCode(401);
    given().get("/api/v1/policies/" + policyA).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/policies")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/api/v1/policies/" + policyA)
        .then()
        .statusCode(401);
    given().get("/api/v1/repositories").then().statusCode(401);
    given().get("/api/v1/repositories/" + a.repoDc3).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/repositories")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/api/v1/repositories/" + a.repoDc3)
        .then()
        .statusCode(401);
  }
}
