package io.vigie.ticket.intervention;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.ticket.InventoryFeed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The intervention API as the tests drive it, and a small shared platform to work on. */
final class Interventions {

  static final String PATH = "/api/v1/interventions";

  private Interventions() {}

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /**
   * Two clients on one hypervisor: {@code first}'s container runs on it, {@code second}'s website
   * is served by it; {@code elsewhere} carries only a third client's website.
   */
  record Platform(
      String first,
      String second,
      String third,
      UUID hypervisor,
      UUID elsewhere,
      UUID container,
      UUID website,
      UUID thirdWebsite) {

    static Platform create() {
      String first = InventoryFeed.tenant("first");
      String second = InventoryFeed.tenant("second");
      String third = InventoryFeed.tenant("third");
      UUID firstId = InventoryFeed.client(first, InventoryFeed.aroundTheClock());
      UUID secondId = InventoryFeed.client(second, InventoryFeed.aroundTheClock());
      UUID thirdId = InventoryFeed.client(third, InventoryFeed.aroundTheClock());
      UUID hv = InventoryFeed.server("hv");
      UUID elsewhere = InventoryFeed.server("web");
      UUID ct = InventoryFeed.guest(firstId, first, hv);
      UUID site = InventoryFeed.website(secondId, second, List.of(hv), List.of());
      UUID thirdSite = InventoryFeed.website(thirdId, third, List.of(elsewhere), List.of());
      return new Platform(first, second, third, hv, elsewhere, ct, site, thirdSite);
    }
  }

  static Map<String, Object> proposal(
      List<UUID> servers, List<UUID> vms, List<UUID> services, String startsAt, String endsAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Hypervisor firmware update");
    body.put("clientText", "Your services on this host restart once, for about ten minutes.");
    body.put("startsAt", startsAt);
    body.put("endsAt", endsAt);
    body.put("serverIds", servers.stream().map(UUID::toString).toList());
    body.put("virtualMachineIds", vms.stream().map(UUID::toString).toList());
    body.put("hostedServiceIds", services.stream().map(UUID::toString).toList());
    return body;
  }

  static String propose(Map<String, Object> body) {
    return as(TestTokens.engineer())
        .body(body)
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static ValidatableResponse answer(String token, String id, Map<String, Object> answer) {
    return as(token).body(answer).post(PATH + "/" + id + "/consent").then();
  }

  static ValidatableResponse accept(String tenant, String id) {
    return answer(TestTokens.client(tenant), id, Map.of("answer", "ACCEPTED")).statusCode(200);
  }

  static ValidatableResponse act(String token, String id, String action) {
    return as(token).body("{}").post(PATH + "/" + id + "/" + action).then();
  }
}
