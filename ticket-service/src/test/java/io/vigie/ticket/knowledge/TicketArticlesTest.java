package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.as;
import static io.vigie.ticket.knowledge.Articles.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.InventoryFeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An incident shows what the knowledge base knows about its targets, client, alert and check: staff
 * every published article, a client only its own and the public ones, on its own incident only.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TicketArticlesTest {

  static final String TICKETS = "/api/v1/tickets";

  /** monitoring-service's fingerprint of a check's alert (CheckAlerts.fingerprint). */
  static String checkFingerprint(UUID server, String check) {
    return UUID.nameUUIDFromBytes(
            ("check|" + server + "|" + check).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static JsonPath incidentsOf(String fingerprint) {
    return as(TestTokens.support())
        .queryParam("alert", fingerprint)
        .get(TICKETS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static List<String> articlesOf(String token, String ticketId) {
    return as(token)
        .queryParam("size", 100)
        .get(TICKETS + "/" + ticketId + "/articles")
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  @Test
  void anIncidentShowsTheArticlesAboutItsTargetsAlertAndCheckBehindBothWalls() {
    String mine = InventoryFeed.tenant("kb-mine");
    String theirs = InventoryFeed.tenant("kb-theirs");
    UUID mineId = InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    UUID theirsId = InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    UUID lb = InventoryFeed.server("lb1");
    UUID elsewhere = InventoryFeed.server("db9");
    UUID shop = InventoryFeed.website(mineId, mine, List.of(lb), List.of());
    UUID store = InventoryFeed.website(theirsId, theirs, List.of(lb), List.of());
    String check = "http-" + UUID.randomUUID().toString().substring(0, 8);
    String fingerprint = checkFingerprint(lb, check);

    String checkRunbook =
        Articles.published(
            "RUNBOOK", "INTERNAL", null, "HTTP check fails", List.of(link("CHECK", check)));
    String serverRunbook =
        Articles.published(
            "RUNBOOK", "INTERNAL", null, "lb1 hardware", List.of(link("SERVER", lb.toString())));
    String alertRunbook =
        Articles.published(
            "RUNBOOK",
            "INTERNAL",
            null,
            "This alert",
            List.of(link("ALERT_FINGERPRINT", fingerprint)));
    String myDocs =
        Articles.published(
            "PLATFORM_DOCUMENTATION",
            "CLIENT",
            mine,
            "My shop",
            List.of(link("HOSTED_SERVICE", shop.toString())));
    String myClientDocs =
        Articles.published(
            "PLATFORM_DOCUMENTATION", "CLIENT", mine, "My contacts", List.of(link("CLIENT", mine)));
    String theirDocs =
        Articles.published(
            "PLATFORM_DOCUMENTATION",
            "CLIENT",
            theirs,
            "Their store",
            List.of(link("HOSTED_SERVICE", store.toString())));
    String announcement =
        Articles.published(
            "ANNOUNCEMENT",
            "PUBLIC",
            null,
            "lb1 is replaced",
            List.of(link("SERVER", lb.toString())));
    String unrelated =
        Articles.published(
            "RUNBOOK", "PUBLIC", null, "db9", List.of(link("SERVER", elsewhere.toString())));
    Map<String, Object> draft =
        Articles.article("RUNBOOK", "INTERNAL", null, "Draft about lb1", "not yet");
    draft.put("publish", false);
    draft.put("links", List.of(link("SERVER", lb.toString())));
    String draftId = Articles.create(draft);

    Alerts.publish(
        Alerts.fired(
            fingerprint,
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            lb,
            InventoryFeed.hostname("lb1", lb),
            List.of(mine, theirs),
            List.of(shop, store)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> incidentsOf(fingerprint).getList("items").size() == 3);
    JsonPath all = incidentsOf(fingerprint);
    String parent = all.getString("items.find { it.tenant == null }.id");
    String myIncident = all.getString("items.find { it.tenant == '" + mine + "' }.id");
    String theirIncident = all.getString("items.find { it.tenant == '" + theirs + "' }.id");

    // staff: the internal parent shows everything about lb1, both shops, the alert and its check
    assertThat(articlesOf(TestTokens.support(), parent))
        .containsExactlyInAnyOrder(
            checkRunbook, serverRunbook, alertRunbook, myDocs, theirDocs, announcement)
        .doesNotContain(unrelated, draftId);
    // staff on a client's incident: that client's shop and client, not the other's
    assertThat(articlesOf(TestTokens.engineer(), myIncident))
        .containsExactlyInAnyOrder(
            checkRunbook, serverRunbook, alertRunbook, myDocs, myClientDocs, announcement);
    // the client: its own documentation and the public announcement, never a runbook
    as(TestTokens.client(mine))
        .queryParam("total", true)
        .get(TICKETS + "/" + myIncident + "/articles")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(myDocs, myClientDocs, announcement))
        .body("total", equalTo(3));
    as(TestTokens.client(theirs))
        .get(TICKETS + "/" + theirIncident + "/articles")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(theirDocs, announcement));
    // other tickets answer 404, as unknown ones do
    as(TestTokens.client(mine)).get(TICKETS + "/" + parent + "/articles").then().statusCode(404);
    as(TestTokens.client(mine))
        .get(TICKETS + "/" + theirIncident + "/articles")
        .then()
        .statusCode(404);
    as(TestTokens.support())
        .get(TICKETS + "/" + UUID.randomUUID() + "/articles")
        .then()
        .statusCode(404);
    // the ticket's own paths still answer beside this one
    as(TestTokens.client(mine))
        .get(TICKETS + "/" + myIncident + "/timeline")
        .then()
        .statusCode(200);
  }

  @Test
  void anArticleForAClientLinksOnlyThatClientsThings() {
    String mine = InventoryFeed.tenant("kb-own");
    String theirs = InventoryFeed.tenant("kb-other");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    UUID theirsId = InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    UUID host = InventoryFeed.server("hv");
    UUID store = InventoryFeed.website(theirsId, theirs, List.of(host), List.of());
    for (Map<String, String> foreign :
        List.of(link("HOSTED_SERVICE", store.toString()), link("CLIENT", theirs))) {
      Map<String, Object> a =
          Articles.article("PLATFORM_DOCUMENTATION", "CLIENT", mine, "Mine", "text");
      a.put("links", List.of(foreign));
      as(TestTokens.engineer())
          .body(a)
          .post(Articles.PATH)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("links[0].target"));
    }
    // an internal article may be about any client's service; it is labelled with its name
    as(TestTokens.engineer())
        .body(
            Map.of(
                "kind", "RUNBOOK",
                "visibility", "INTERNAL",
                "title", "Their store's cache",
                "body", "Purge it",
                "links", List.of(link("HOSTED_SERVICE", store.toString()))))
        .post(Articles.PATH)
        .then()
        .statusCode(201)
        .body("links[0].label", equalTo("Boutique " + theirs));
  }
}
