package io.vigie.ticket.intervention;

import static io.restassured.RestAssured.given;
import static io.vigie.ticket.intervention.Interventions.PATH;
import static io.vigie.ticket.intervention.Interventions.as;
import static io.vigie.ticket.intervention.Interventions.proposal;
import static io.vigie.ticket.intervention.Interventions.propose;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.intervention.Interventions.Platform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant walls on every intervention endpoint: a client an intervention does not concern gets 404,
 * as for an unknown id; agents 403; no token or a forged one 401.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class InterventionTenancyTest {

  @Test
  void aClientNeverReachesAnInterventionThatDoesNotConcernItThroughAnyEndpoint() {
    Platform p = Platform.create();
    // concerns `third` only (its website on `elsewhere`)
    String foreign =
        propose(
            proposal(
                List.of(p.elsewhere()),
                List.of(),
                List.of(),
                "2032-04-01T22:00:00Z",
                "2032-04-01T23:00:00Z"));
    for (String id : List.of(foreign, UUID.randomUUID().toString())) {
      String me = TestTokens.client(p.first());
      as(me).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
      as(me).get(PATH + "/" + id + "/timeline").then().statusCode(404);
      as(me)
          .body(Map.of("answer", "ACCEPTED"))
          .post(PATH + "/" + id + "/consent")
          .then()
          .statusCode(404);
      as(me)
          .header("If-Match", "*")
          .body(Map.of("title", "mine now"))
          .patch(PATH + "/" + id)
          .then()
          .statusCode(404);
      for (String action : List.of("start", "end", "cancel")) {
        as(me).body("{}").post(PATH + "/" + id + "/" + action).then().statusCode(404);
      }
    }
    as(TestTokens.client(p.first()))
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(foreign)));
    // asking for another tenant is narrowed to one's own, not widened
    as(TestTokens.client(p.first()))
        .queryParam("tenant", p.third())
        .get(PATH)
        .then()
        .body("items.id", not(hasItem(foreign)));
    as(TestTokens.client(p.third())).get(PATH + "/" + foreign).then().statusCode(200);
    as(TestTokens.engineer()).get(PATH + "/" + foreign).then().body("consents.size()", equalTo(1));
  }

  @Test
  void agentsAre403AndNoTokenOrAForgedOne401OnEveryEndpoint() {
    String id = UUID.randomUUID().toString();
    List<String> reads = List.of(PATH, PATH + "/" + id, PATH + "/" + id + "/timeline");
    List<String> writes =
        List.of(
            PATH,
            PATH + "/" + id + "/consent",
            PATH + "/" + id + "/start",
            PATH + "/" + id + "/end",
            PATH + "/" + id + "/cancel");
    for (String path : reads) {
      given().get(path).then().statusCode(401);
      given()
          .auth()
          .oauth2(TestTokens.forged("mallory", Set.of("vigie-admin")))
          .get(path)
          .then()
          .statusCode(401);
      given().auth().oauth2(TestTokens.agent()).get(path).then().statusCode(403);
    }
    for (String path : writes) {
      given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
      given()
          .auth()
          .oauth2(TestTokens.agent())
          .contentType(ContentType.JSON)
          .body("{}")
          .post(path)
          .then()
          .statusCode(403);
    }
    given().contentType(ContentType.JSON).body("{}").patch(PATH + "/" + id).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(403);
  }
}
