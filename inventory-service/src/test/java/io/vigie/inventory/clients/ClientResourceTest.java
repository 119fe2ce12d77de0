package io.vigie.inventory.clients;

import static io.vigie.inventory.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientResourceTest {

  @Test
  void anAdminRegistersAClientWithItsContract() {
    String code = Fixtures.unique("shop");
    String id = Fixtures.createClient(code);
    as(TestTokens.support())
        .get("/api/v1/clients/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("code", equalTo(code))
        .body("contract.priorityTargets[0].timeToIntervention", equalTo("PT1H"))
        .body("contract.backup.databaseRetentionDays", equalTo(10))
        .body("contract.drp.rpo", equalTo("PT2H"));
    as(TestTokens.admin())
        .body(Fixtures.client(code))
        .post("/api/v1/clients")
        .then()
        .statusCode(409);
  }

  @Test
  void onlyAdminsChangeContractsAndOnlyFromTheCurrentVersion() {
    String id = Fixtures.createClient(Fixtures.unique("c"));
    Map<String, Object> contract = new HashMap<>(Fixtures.contract());
    contract.put("availabilityTarget", 99.9);
    as(TestTokens.engineer())
        .header("If-Match", "\"0\"")
        .body(contract)
        .put("/api/v1/clients/" + id + "/contract")
        .then()
        .statusCode(403);
    as(TestTokens.admin())
        .body(contract)
        .put("/api/v1/clients/" + id + "/contract")
        .then()
        .statusCode(428);
    as(TestTokens.admin())
        .header("If-Match", "\"0\"")
        .body(contract)
        .put("/api/v1/clients/" + id + "/contract")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("contract.availabilityTarget", equalTo(99.9f));
    as(TestTokens.admin())
        .header("If-Match", "\"0\"")
        .body(contract)
        .put("/api/v1/clients/" + id + "/contract")
        .then()
        .statusCode(412);
    as(TestTokens.admin())
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "Renamed SAS", "contactEmail", "new@x.example"))
        .put("/api/v1/clients/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed SAS"));
  }

  @Test
  void anInconsistentContractIsRefusedFieldByField() {
    String code = Fixtures.unique("bad");
    Map<String, Object> contract = new HashMap<>(Fixtures.contract());
    contract.put("availabilityTarget", 120);
    contract.put(
        "backup",
        Map.of(
            "databaseEveryHours",
            0,
            "databaseRetentionDays",
            10,
            "filesRetentionDays",
            7,
            "copies",
            1,
            "distinctSites",
            1));
    Map<String, Object> body = new HashMap<>(Fixtures.client(code));
    body.put("contract", contract);
    body.put("contactEmail", "not-an-email");
    as(TestTokens.admin())
        .body(body)
        .post("/api/v1/clients")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("contract.availabilityTarget"))
        .body("errors.field", hasItem("contract.backup.databaseEveryHours"))
        .body("errors.field", hasItem("contactEmail"));

    contract = new HashMap<>(Fixtures.contract());
    contract.put(
        "supportHours", Map.of("coverage", "BUSINESS_HOURS", "timeZone", "Europe/Nowhere"));
    body.put("contract", contract);
    body.put("contactEmail", "ops@x.example");
    as(TestTokens.admin())
        .body(body)
        .post("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("contract.supportHours.timeZone"));

    contract.put("supportHours", Map.of("coverage", "SOMETIMES", "timeZone", "Europe/Paris"));
    as(TestTokens.admin())
        .body(body)
        .post("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("contract.supportHours.coverage"))
        .body("errors[0].message", containsString("BUSINESS_HOURS"));

    contract = new HashMap<>(Fixtures.contract());
    contract.put(
        "priorityTargets", List.of(Map.of("priority", "P1", "timeToIntervention", "one hour")));
    body.put("contract", contract);
    as(TestTokens.admin())
        .body(body)
        .post("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("contract.priorityTargets[0].timeToIntervention"));

    contract.put(
        "priorityTargets",
        List.of(
            Map.of("priority", "P1", "timeToIntervention", "PT4H", "timeToResolution", "PT1H")));
    as(TestTokens.admin())
        .body(body)
        .post("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("contract.priorityTargets[0].timeToResolution"));

    body.put("code", "Not A Code!");
    body.put("contract", Fixtures.contract());
    as(TestTokens.admin())
        .body(body)
        .post("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("code"));

    // nothing of the above was written
    as(TestTokens.support())
        .queryParam("code", code)
        .get("/api/v1/clients")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
    String code = Fixtures.unique("idem");
    String key = Fixtures.unique("key");
    String first =
        as(TestTokens.admin())
            .header("Idempotency-Key", key)
            .body(Fixtures.client(code))
            .post("/api/v1/clients")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(TestTokens.admin())
        .header("Idempotency-Key", key)
        .body(Fixtures.client(code))
        .post("/api/v1/clients")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", containsString(first))
        .body("id", equalTo(first));
    as(TestTokens.admin())
        .header("Idempotency-Key", key)
        .body(Fixtures.client(Fixtures.unique("other")))
        .post("/api/v1/clients")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    as(TestTokens.support())
        .queryParam("code", code)
        .get("/api/v1/clients")
        .then()
        .body("items.size()", equalTo(1));
  }

  @Test
  void concurrentRetriesWithOneIdempotencyKeyCreateOneClient() throws Exception {
    String code = Fixtures.unique("race");
    String key = Fixtures.unique("key");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(
            pool.submit(
                () ->
                    as(TestTokens.admin())
                        .header("Idempotency-Key", key)
                        .body(Fixtures.client(code))
                        .post("/api/v1/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var answer : answers) {
        ids.add(answer.get());
      }
      org.assertj.core.api.Assertions.assertThat(ids).hasSize(1);
    } finally {
      pool.shutdown();
    }
    as(TestTokens.support())
        .queryParam("code", code)
        .get("/api/v1/clients")
        .then()
        .body("items.size()", equalTo(1));
  }

  @Test
  void aDuplicateCodeWithoutAKeyIsAConflict() {
    String code = Fixtures.unique("dup");
    Fixtures.createClient(code);
    as(TestTokens.admin())
        .header("Idempotency-Key", Fixtures.unique("k"))
        .body(Fixtures.client(code))
        .post("/api/v1/clients")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void listsPageAndTellTheTotal() {
    for (int i = 0; i < 3; i++) {
      Fixtures.createClient(Fixtures.unique("page"));
    }
    String next =
        as(TestTokens.support())
            .queryParam("size", 2)
            .queryParam("total", true)
            .get("/api/v1/clients")
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(2))
            .body("total", greaterThanOrEqualTo(3))
            .extract()
            .path("next");
    as(TestTokens.support())
        .queryParam("size", 2)
        .queryParam("after", next)
        .get("/api/v1/clients")
        .then()
        .statusCode(200)
        .body("items.size()", greaterThanOrEqualTo(1))
        .body("$", not(hasKey("total")));
    as(TestTokens.support())
        .queryParam("after", "***")
        .get("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("after"));
    as(TestTokens.support())
        .queryParam("size", 0)
        .get("/api/v1/clients")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
    as(TestTokens.support()).queryParam("size", 501).get("/api/v1/clients").then().statusCode(400);
  }
}
