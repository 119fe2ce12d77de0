package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.InventoryFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * From incident to knowledge: a resolved incident whose report the engineer wrote becomes a draft
 * solution in one step, prefilled, linked to what the incident was about and back to the incident.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class SolutionFromTicketTest {

  static final String TICKETS = "/api/v1/tickets";

  static void move(String id, String status) {
    String etag = as(TestTokens.engineer()).get(TICKETS + "/" + id).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Map.of("status", status))
        .patch(TICKETS + "/" + id)
        .then()
        .statusCode(200);
  }

  @Test
  void aResolvedIncidentBecomesADraftSolutionLinkedBackToIt() {
    String tenant = InventoryFeed.tenant("solution");
    UUID clientId = InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID web = InventoryFeed.server("web");
    UUID shop = InventoryFeed.website(clientId, tenant, List.of(web), List.of());
    String fingerprint = "fp-" + UUID.randomUUID();
    Alerts.publish(
        Alerts.fired(
            fingerprint,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10)),
            web,
            "web",
            List.of(tenant),
            List.of(shop)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as(TestTokens.support())
                        .queryParam("alert", fingerprint)
                        .queryParam("tenant", tenant)
                        .get(TICKETS)
                        .jsonPath()
                        .getList("items")
                        .size()
                    == 1);
    String incident =
        as(TestTokens.support())
            .queryParam("alert", fingerprint)
            .queryParam("tenant", tenant)
            .get(TICKETS)
            .jsonPath()
            .getString("items[0].id");
    String reference =
        as(TestTokens.support()).get(TICKETS + "/" + incident).jsonPath().getString("reference");

    // still open: nothing to draw a solution from yet
    as(TestTokens.engineer())
        .post(Articles.PATH + "/drafts/from-ticket/" + incident)
        .then()
        .statusCode(409);

    move(incident, "RESOLVED");
    String report = TICKETS + "/" + incident + "/report";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> as(TestTokens.engineer()).get(report).statusCode() == 200);
    String reportVersion = as(TestTokens.engineer()).get(report).then().extract().header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", reportVersion)
        .body(
            Map.of(
                "cause", "PHP-FPM pool exhausted by a crawler",
                "solution", "Crawler rate-limited; pool raised to 64",
                "followUps", List.of("Alert on pool usage at 80 %")))
        .patch(report)
        .then()
        .statusCode(200);

    // clients write no knowledge
    as(TestTokens.client(tenant))
        .post(Articles.PATH + "/drafts/from-ticket/" + incident)
        .then()
        .statusCode(403);
    as(TestTokens.engineer())
        .post(Articles.PATH + "/drafts/from-ticket/" + UUID.randomUUID())
        .then()
        .statusCode(404);

    JsonPath draft =
        as(TestTokens.engineer())
            .post(Articles.PATH + "/drafts/from-ticket/" + incident)
            .then()
            .statusCode(201)
            .body("kind", equalTo("SOLUTION"))
            .body("status", equalTo("DRAFT"))
            .body("visibility", equalTo("INTERNAL"))
            .body("tenant", equalTo(tenant))
            .body("sourceTicketId", equalTo(incident))
            .body("body", containsString("## Cause\n\nPHP-FPM pool exhausted by a crawler"))
            .body("body", containsString("## Solution\n\nCrawler rate-limited; pool raised to 64"))
            .body("body", containsString("- Alert on pool usage at 80 %"))
            .body("body", containsString("_Drawn from " + reference + "._"))
            .extract()
            .jsonPath();
    assertThat(draft.getList("links.kind"))
        .containsExactlyInAnyOrder("ALERT_FINGERPRINT", "CLIENT", "HOSTED_SERVICE", "SERVER");
    String article = draft.getString("id");

    as(TestTokens.engineer())
        .queryParam("sourceTicketId", incident)
        .get(Articles.PATH)
        .then()
        .body("items.id", contains(article));

    // the engineer edits and publishes it; the incident then shows it to staff, never to the client
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("status", "PUBLISHED", "note", "reviewed"))
        .patch(Articles.PATH + "/" + article)
        .then()
        .statusCode(200);
    as(TestTokens.engineer())
        .get(TICKETS + "/" + incident + "/articles")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(article));
    as(TestTokens.client(tenant))
        .get(TICKETS + "/" + incident + "/articles")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(article)));
  }
}
