package io.vigie.backup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.backup.Estate;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class PolicyApiTest {

  private static RequestSpecification engineer() {
    return given().auth().oauth2(TestTokens.engineer()).contentType(ContentType.JSON);
  }

  @Test
  void aPolicyTakesWhatItLeavesOutFromTheContract() {
    Estate estate = Estate.saintRoch();
    String location =
        engineer()
            .body(estate.databasePolicy("MySQL hourly", estate.repoDc3, estate.repoDc5))
            .post("/api/v1/policies")
            .then()
            .statusCode(201)
            .header("ETag", containsString("1"))
            .body("rpo", equalTo("PT2H"))
            .body("retention.keepWithin", equalTo("10d"))
            .body("copies[0].schedule", equalTo("0 * * * *"))
            .body("copies[0].datacenterCode", equalTo(estate.dc3))
            .body("copies[1].datacenterCode", equalTo(estate.dc5))
            .body("copies[0].maxAge", equalTo("PT1H30M"))
            .body("copies[0].pingPath", startsWith("/ping/"))
            .body("targetName", equalTo(estate.tenant + " MySQL"))
            .extract()
            .header("Location");
    given()
        .auth()
        .oauth2(TestTokens.client(estate.tenant))
        .get(location)
        .then()
        .statusCode(200)
        .body("tenant", equalTo(estate.tenant))
        .body("copies.repositoryName", equalTo(List.of("restic DC3", "restic DC5")));
  }

  @Test
  void copiesThatBreakTheContractAreRefusedNamingTheField() {
    Estate estate = Estate.saintRoch();
    engineer()
        .body(estate.databasePolicy("two in DC3", estate.repoDc3, estate.repoDc3))
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("copies[1].repositoryId"))
        .body("errors.field", hasItem("copies"))
        .body("detail", containsString("2 distinct datacenters"));
    // the database runs in DC2: a single copy there is neither two copies nor off-site
    engineer()
        .body(estate.databasePolicy("only at home", estate.repoDc2))
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body("errors.field", everyItemIs("copies"))
        .body("detail", containsString("2 copies; 1 given"))
        .body("detail", containsString("outside the target's datacenter (" + estate.dc2 + ")"));
    // DC2 + DC3 is two distinct sites, one of them off-site: accepted
    estate.createPolicy(estate.databasePolicy("only at home", estate.repoDc2, estate.repoDc3));
  }

  private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String field) {
    return org.hamcrest.Matchers.everyItem(equalTo(field));
  }

  @Test
  void badInputIsAProblemNamingEachField() {
    Estate estate = Estate.saintRoch();
    Map<String, Object> body =
        new HashMap<>(estate.databasePolicy("bad", estate.repoDc3, estate.repoDc5));
    body.put("timeZone", "Europe/Toulouse");
    body.put("retention", Map.of("keepWithin", "10 days"));
    body.put(
        "copies",
        List.of(
            Map.of("repositoryId", estate.repoDc3.toString(), "schedule", "0 25 * * *"),
            Map.of("repositoryId", UUID.randomUUID().toString())));
    engineer()
        .body(body)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("timeZone"))
        .body("errors.field", hasItem("retention.keepWithin"))
        .body("errors.field", hasItem("copies[0].schedule"))
        .body("errors.field", hasItem("copies[1].repositoryId"));
    Map<String, Object> unknownTarget =
        new HashMap<>(estate.databasePolicy("bad", estate.repoDc3, estate.repoDc5));
    unknownTarget.put(
        "target", Map.of("kind", "VIRTUAL_MACHINE", "id", UUID.randomUUID().toString()));
    engineer()
        .body(unknownTarget)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("target.id"));
    Map<String, Object> missing =
        new HashMap<>(estate.databasePolicy("bad", estate.repoDc3, estate.repoDc5));
    missing.remove("kind");
    engineer()
        .body(missing)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kind"));
    Map<String, Object> noCopies = new HashMap<>(estate.databasePolicy("bad"));
    engineer()
        .body(noCopies)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("copies"));
  }

  @Test
  void updatesNeedTheVersionReadAndKeepPingUrls() {
    Estate estate = Estate.saintRoch();
    UUID id = estate.createPolicy(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5));
    String ping =
        engineer()
            .get("/api/v1/policies/" + id)
            .then()
            .statusCode(200)
            .extract()
            .path("copies[0].pingPath");
    Map<String, Object> changed =
        new HashMap<>(estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc2));
    changed.put("rpo", "PT3H");
    engineer().body(changed).put("/api/v1/policies/" + id).then().statusCode(428);
    engineer()
        .header("If-Match", "\"7\"")
        .body(changed)
        .put("/api/v1/policies/" + id)
        .then()
        .statusCode(412);
    engineer()
        .header("If-Match", "\"1\"")
        .body(changed)
        .put("/api/v1/policies/" + id)
        .then()
        .statusCode(200)
        .header("ETag", containsString("2"))
        .body("version", equalTo(2))
        .body("rpo", equalTo("PT3H"))
        .body("copies[0].pingPath", equalTo(ping))
        .body("copies[1].pingPath", not(equalTo(ping)))
        .body("copies[1].datacenterCode", equalTo(estate.dc2));
  }

  @Test
  void listsPageByKeysetWithFilters() {
    Estate estate = Estate.saintRoch();
    UUID dump =
        estate.createPolicy(estate.databasePolicy("a MySQL dump", estate.repoDc3, estate.repoDc5));
    UUID second =
        estate.createPolicy(estate.databasePolicy("b MySQL dump", estate.repoDc2, estate.repoDc5));
    String next =
        engineer()
            .get("/api/v1/policies?tenant=" + estate.tenant + "&size=1&total=true")
            .then()
            .statusCode(200)
            .body("items.id", equalTo(List.of(dump.toString())))
            .body("items[0].copies.datacenterCode", equalTo(List.of(estate.dc3, estate.dc5)))
            .body("items[0].rpo", equalTo("PT2H"))
            .body("total", equalTo(2))
            .extract()
            .path("next");
    engineer()
        .get("/api/v1/policies?tenant=" + estate.tenant + "&size=1&after=" + next)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(second.toString())))
        .body("next", equalTo(null));
    engineer()
        .get("/api/v1/policies?repositoryId=" + estate.repoDc3)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(dump.toString())));
    engineer()
        .get("/api/v1/policies?after=not-a-cursor")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("after"));
    engineer()
        .get("/api/v1/repositories?tenant=" + estate.tenant + "&datacenter=" + estate.dc5)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(estate.repoDc5.toString())))
        .body("items[0].passwordConfigured", equalTo(true));
    // the document PostgreSQL renders is the one the create answered
    Map<String, Object> created =
        engineer().get("/api/v1/policies/" + dump).then().statusCode(200).extract().as(Map.class);
    Map<String, Object> listed =
        engineer()
            .get("/api/v1/policies?tenant=" + estate.tenant)
            .then()
            .extract()
            .path("items[0]");
    org.assertj.core.api.Assertions.assertThat(listed).isEqualTo(created);
  }

  @Test
  void aRetriedCreateAnswersTheFirstPolicy() {
    Estate estate = Estate.saintRoch();
    Map<String, Object> body = estate.databasePolicy("MySQL", estate.repoDc3, estate.repoDc5);
    String first =
        engineer()
            .header("Idempotency-Key", "k-" + estate.tenant)
            .body(body)
            .post("/api/v1/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    engineer()
        .header("Idempotency-Key", "k-" + estate.tenant)
        .body(body)
        .post("/api/v1/policies")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    // the same name again without the key is a conflict, not a second policy
    engineer().body(body).post("/api/v1/policies").then().statusCode(409);
  }

  @Test
  void aRepositoryNeverShowsItsPasswordReference() {
    Estate estate = Estate.saintRoch();
    String json =
        engineer()
            .get("/api/v1/repositories/" + estate.repoDc3)
            .then()
            .statusCode(200)
            .body("passwordConfigured", equalTo(true))
            .body("datacenterCode", equalTo(estate.dc3))
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(json)
        .doesNotContain("vault:")
        .doesNotContain("passwordRef");
    engineer()
        .body(
            Map.of(
                "name",
                "x",
                "kind",
                "BORG",
                "location",
                "/srv/borg",
                "datacenterId",
                UUID.randomUUID().toString()))
        .post("/api/v1/repositories")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("datacenterId"));
    engineer()
        .body(
            Map.of(
                "name",
                "x",
                "kind",
                "TAPE",
                "location",
                "/srv/borg",
                "datacenterId",
                estate.dc3Id.toString()))
        .post("/api/v1/repositories")
        .then()
        .statusCode(400);
  }
}
