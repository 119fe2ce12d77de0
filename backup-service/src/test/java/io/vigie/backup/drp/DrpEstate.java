package io.vigie.backup.drp;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vigie.backup.Estate;
import io.vigie.backup.InventoryFeed;
import io.vigie.events.DomainEvent;
import io.vigie.events.dns.DnsEvents;
import io.vigie.testkit.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * saint-roch's estate ({@link Estate}) with what its DRP needs (USE-CASES.md #3): the production
 * server web1 in PAR-DC2, the recovery server drp1 in PAR-DC5, and a second server in PAR-DC2 that
 * cannot be a recovery server. The plan copies files, imports the database, has the client confirm
 * by ticket and switches DNS.
 */
final class DrpEstate {

  static final String RECOVERY_ADDRESS = "198.51.100.5";
  static final String PRODUCTION_ADDRESS = "203.0.113.10";

  final Estate estate;
  final UUID recovery;
  final UUID sameSite;

  DrpEstate() {
    estate = Estate.saintRoch();
    InventoryFeed.Batch servers = new InventoryFeed.Batch();
    recovery = servers.server(estate.dc5Id, estate.dc5, "drp1");
    sameSite = servers.server(estate.dc2Id, estate.dc2, "web2");
    servers.awaitApplied();
  }

  String tenant() {
    return estate.tenant;
  }

  Map<String, Object> plan(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("tenant", estate.tenant);
    body.put("productionServerId", estate.web1.toString());
    body.put("recoveryServerId", recovery.toString());
    body.put(
        "targets", List.of(Map.of("kind", "HOSTED_SERVICE", "id", estate.database.toString())));
    List<Map<String, Object>> steps = new ArrayList<>();
    steps.add(step("RESTORE_FILES", "Copy files and configuration to drp1", "PT3H"));
    steps.add(step("IMPORT_DATABASE", "Import the MySQL dump", "PT1H"));
    steps.add(step("CONFIRM_BY_TICKET", "The client confirms by ticket", "PT30M"));
    Map<String, Object> dns = step("DNS_SWITCH", "Point www and the apex at drp1", "PT10M");
    dns.put("failoverAddresses", List.of(RECOVERY_ADDRESS));
    dns.put("productionAddresses", List.of(PRODUCTION_ADDRESS));
    steps.add(dns);
    body.put("steps", steps);
    return body;
  }

  static Map<String, Object> step(String kind, String name, String estimated) {
    Map<String, Object> s = new HashMap<>();
    s.put("kind", kind);
    s.put("name", name);
    s.put("estimated", estimated);
    return s;
  }

  UUID createPlan(Map<String, Object> body) {
    return UUID.fromString(
        as(TestTokens.engineer())
            .body(body)
            .post("/api/v1/drp-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  static ValidatableResponse activate(String token, UUID plan, String direction) {
    return as(token)
        .body(Map.of("direction", direction, "reason", "PAR-DC2 lost its network"))
        .post("/api/v1/drp-plans/" + plan + "/runs")
        .then();
  }

  static UUID activated(String token, UUID plan, String direction) {
    return UUID.fromString(activate(token, plan, direction).statusCode(201).extract().path("id"));
  }

  static ValidatableResponse complete(String token, UUID run, int position) {
    return as(token)
        .body(Map.of("note", "done by " + token.length()))
        .post("/api/v1/drp-runs/" + run + "/steps/" + position + "/complete")
        .then();
  }

  static io.restassured.specification.RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** Publishes a dns-service event on dns.events as its outbox does: keyed by the run. */
  static void publishFromDns(DomainEvent event, String eventId) {
    try {
      io.vigie.testkit.KafkaEvents.publish(
          DnsEvents.TOPIC,
          event.aggregateId(),
          eventId,
          event.eventType(),
          InventoryFeed.JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
