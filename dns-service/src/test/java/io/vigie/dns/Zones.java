package io.vigie.dns;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fixture API for dns-service's tests: clients published as inventory-service would and awaited
 * until dns-service knows them, zones created and changed through the API.
 */
public final class Zones {

  private Zones() {}

  /** A new client code, registered on inventory.events and known to dns-service on return. */
  public static String client(String prefix) {
    String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    ClientSnapshot client =
        new ClientSnapshot(
            UUID.randomUUID(), code, "Client " + code, "ops@" + code + ".example", null, 1);
    try {
      KafkaEvents.publish(
          InventoryEvents.TOPIC,
          client.id().toString(),
          UUID.randomUUID().toString(),
          InventoryEvents.CLIENT_REGISTERED,
          EventJson.newMapper().writeValueAsString(new ClientRegistered(client)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(TestTokens.engineer())
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "probe." + code + ".example", "tenant", code))
                        .post("/api/v1/zones/plan")
                        .statusCode()
                    == 200);
    return code;
  }

  /** A unique zone name below {@code parent}. */
  public static String name(String parent) {
    return "z" + UUID.randomUUID().toString().substring(0, 8) + "." + parent;
  }

  public static Map<String, Object> set(String name, String type, Integer ttl, String... records) {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("name", name);
    set.put("type", type);
    if (ttl != null) {
      set.put("ttl", ttl);
    }
    set.put("records", List.of(records));
    return set;
  }

  /** The template's apex NS, which every zone needs. */
  public static Map<String, Object> apexNs() {
    return set("@", "NS", 86400, "ns1.hoster-demo.net.", "ns2.hoster-demo.net.");
  }

  @SafeVarargs
  public static List<Map<String, Object>> sets(Map<String, Object>... sets) {
    List<Map<String, Object>> out = new ArrayList<>(List.of(sets));
    out.add(apexNs());
    return out;
  }

  /** Creates a zone as {@code token}; returns the 201 response. */
  public static Response create(String token, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/zones")
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  public static Map<String, Object> newZone(String name, String tenant, Object... more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("tenant", tenant);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  /** Replaces a zone's record sets at the version read; returns the answer. */
  public static Response change(String token, String id, String etag, List<?> sets, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("recordSets", sets);
    body.put("reason", reason);
    var request = given().auth().oauth2(token).contentType(ContentType.JSON);
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return request
        .body(body)
        .put("/api/v1/zones/" + id + "/record-sets")
        .then()
        .extract()
        .response();
  }
}
