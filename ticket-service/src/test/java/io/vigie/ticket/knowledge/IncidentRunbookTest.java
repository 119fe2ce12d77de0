package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.as;
import static io.vigie.ticket.knowledge.Articles.link;
import static io.vigie.ticket.knowledge.TicketArticlesTest.articlesOf;
import static io.vigie.ticket.knowledge.TicketArticlesTest.incidentsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An alert rule names its runbook; the {@code AlertFired} it raises carries the rule and the
 * runbook; the incident opened from it shows that runbook behind both walls: staff read an internal
 * runbook, a client never sees it (nor its reference), but reads a runbook written for it.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class IncidentRunbookTest {

  static final String TICKETS = "/api/v1/tickets";

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Publishes the alert on the broker and waits for its {@code count} incidents. */
  private static JsonPath incidents(AlertFired alert, int count) {
    Alerts.publish(alert);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> incidentsOf(alert.fingerprint()).getList("items").size() == count);
    return incidentsOf(alert.fingerprint());
  }

  private static JsonPath runbookOf(String token, String ticketId) {
    return as(token)
        .get(TICKETS + "/" + ticketId + "/runbook")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void anAlertFiredForARuleThatNamesARunbookOpensAnIncidentShowingThatRunbook() {
    String mine = InventoryFeed.tenant("rb-mine");
    String theirs = InventoryFeed.tenant("rb-theirs");
    UUID mineId = InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    UUID theirsId = InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    UUID db = InventoryFeed.server("db1");
    UUID shop = InventoryFeed.website(mineId, mine, List.of(db), List.of());
    UUID store = InventoryFeed.website(theirsId, theirs, List.of(db), List.of());
    String rule = "filesystem-space-low-" + suffix();
    String slug = "filesystem-full-" + suffix();
    // a word found in this runbook only (letters: one search token)
    String marker = "purge" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

    Map<String, Object> runbook =
        Articles.article(
            "RUNBOOK",
            "INTERNAL",
            null,
            "Filesystem full " + slug,
            "1. `df -h`\n2. ask the on-call DBA before purging binary logs (" + marker + ")");
    runbook.put("slug", slug);
    String runbookId = Articles.create(runbook);
    // an announcement about the rule's alerts, which clients may read
    String notice =
        Articles.published(
            "ANNOUNCEMENT",
            "PUBLIC",
            null,
            "Disk upgrades " + slug,
            List.of(link("ALERT_RULE", rule)));

    AlertFired fired =
        Alerts.byRule(
            Alerts.fired(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                db,
                InventoryFeed.hostname("db1", db),
                List.of(mine, theirs),
                List.of(shop, store)),
            rule,
            "kb:" + slug);
    JsonPath all = incidents(fired, 3);
    String parent = all.getString("items.find { it.tenant == null }.id");
    String myIncident = all.getString("items.find { it.tenant == '" + mine + "' }.id");
    String theirIncident = all.getString("items.find { it.tenant == '" + theirs + "' }.id");

    // staff, on the internal parent and on a client's incident: the rule, its reference, the
    // article
    for (String incident : List.of(parent, myIncident)) {
      JsonPath shown = runbookOf(TestTokens.engineer(), incident);
      assertThat(shown.getString("rule")).isEqualTo(rule);
      assertThat(shown.getString("runbook")).isEqualTo("kb:" + slug);
      assertThat(shown.getString("article.id")).isEqualTo(runbookId);
      assertThat(shown.getString("article.slug")).isEqualTo(slug);
      assertThat(shown.getString("article.html")).contains("<code>df -h</code>");
      assertThat(shown.getString("url")).isNull();
      assertThat(articlesOf(TestTokens.support(), incident)).contains(runbookId, notice);
    }
    // the client: nothing of the internal runbook, not even its reference or the rule
    String asClient =
        as(TestTokens.client(mine))
            .get(TICKETS + "/" + myIncident + "/runbook")
            .then()
            .statusCode(200)
            .body("article", nullValue())
            .body("runbook", nullValue())
            .body("rule", nullValue())
            .body("url", nullValue())
            .extract()
            .asString();
    assertThat(asClient).doesNotContain(runbookId, slug, rule);
    assertThat(articlesOf(TestTokens.client(mine), myIncident))
        .contains(notice)
        .doesNotContain(runbookId);
    // nor through search (not even as a count), nor the ticket itself
    as(TestTokens.engineer())
        .queryParam("q", marker)
        .queryParam("total", true)
        .get(Articles.PATH + "/search")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(runbookId));
    as(TestTokens.client(mine))
        .queryParam("q", marker)
        .queryParam("total", true)
        .get(Articles.PATH + "/search")
        .then()
        .statusCode(200)
        .body("total", equalTo(0))
        .body("items.size()", equalTo(0));
    assertThat(
            as(TestTokens.client(mine))
                .get(TICKETS + "/" + myIncident)
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .doesNotContain(runbookId, slug, marker);
    // nor through an event: what ticket.events says to the client never names the runbook
    List<ConsumerRecord<String, String>> toTheClient =
        PublishedEvents.await(
            TicketEvents.TOPIC,
            r -> mine.equals(KafkaEvents.header(r, "ce_tenant")),
            1,
            Duration.ofSeconds(20));
    assertThat(toTheClient)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.value()).doesNotContain(runbookId, slug, rule));
    // the other client's incident and the internal parent answer 404, as unknown tickets do
    as(TestTokens.client(mine))
        .get(TICKETS + "/" + theirIncident + "/runbook")
        .then()
        .statusCode(404);
    as(TestTokens.client(mine)).get(TICKETS + "/" + parent + "/runbook").then().statusCode(404);
    as(TestTokens.support())
        .get(TICKETS + "/" + UUID.randomUUID() + "/runbook")
        .then()
        .statusCode(404);
  }

  @Test
  void aRunbookWrittenForTheClientIsShownToItByIdAndAUrlRunbookToStaffOnly() {
    String mine = InventoryFeed.tenant("rb-own");
    String theirs = InventoryFeed.tenant("rb-foreign");
    UUID mineId = InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    UUID web = InventoryFeed.server("web1");
    UUID shop = InventoryFeed.website(mineId, mine, List.of(web), List.of());
    String own =
        Articles.published(
            "RUNBOOK", "CLIENT", mine, "Restart your shop's cache", List.of(link("CLIENT", mine)));

    AlertFired byId =
        Alerts.byRule(
            Alerts.fired(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                web,
                InventoryFeed.hostname("web1", web),
                List.of(mine),
                List.of(shop)),
            "shop-cache",
            "kb:" + own);
    String myIncident =
        incidents(byId, 2).getString("items.find { it.tenant == '" + mine + "' }.id");
    JsonPath shown = runbookOf(TestTokens.client(mine), myIncident);
    assertThat(shown.getString("article.id")).isEqualTo(own);
    assertThat(shown.getString("article.title")).isEqualTo("Restart your shop's cache");
    assertThat(shown.getString("rule")).isNull();
    as(TestTokens.client(theirs))
        .get(TICKETS + "/" + myIncident + "/runbook")
        .then()
        .statusCode(404);

    AlertFired byUrl =
        Alerts.byRule(
            Alerts.fired(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                web,
                InventoryFeed.hostname("web1", web),
                List.of(mine),
                List.of(shop)),
            "http-5xx",
            "https://wiki.example.net/runbooks/http-5xx");
    JsonPath urlIncidents = incidents(byUrl, 2);
    String parent = urlIncidents.getString("items.find { it.tenant == null }.id");
    String clientIncident = urlIncidents.getString("items.find { it.tenant == '" + mine + "' }.id");
    runbookOf(TestTokens.support(), parent);
    as(TestTokens.support())
        .get(TICKETS + "/" + parent + "/runbook")
        .then()
        .body("rule", equalTo("http-5xx"))
        .body("url", equalTo("https://wiki.example.net/runbooks/http-5xx"))
        .body("article", nullValue());
    as(TestTokens.client(mine))
        .get(TICKETS + "/" + clientIncident + "/runbook")
        .then()
        .statusCode(200)
        .body("url", nullValue())
        .body("runbook", nullValue());
  }

  @Test
  void anAlertWithoutRuleOrWithAForeignRunbookShowsNone() {
    String mine = InventoryFeed.tenant("rb-none");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    UUID host = InventoryFeed.server("hv2");
    AlertFired old =
        Alerts.fired(
            UUID.randomUUID().toString(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            host,
            InventoryFeed.hostname("hv2", host),
            List.of(),
            List.of());
    String parent = incidents(old, 1).getString("items[0].id");
    as(TestTokens.support())
        .get(TICKETS + "/" + parent + "/runbook")
        .then()
        .statusCode(200)
        .body("rule", nullValue())
        .body("runbook", nullValue())
        .body("article", nullValue());

    // a reference no rule could name (a script URL) is dropped, never shown as a link
    AlertFired hostile =
        Alerts.byRule(
            Alerts.fired(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                host,
                InventoryFeed.hostname("hv2", host),
                List.of(),
                List.of()),
            "odd",
            "javascript:alert(1)");
    String hostileIncident = incidents(hostile, 1).getString("items[0].id");
    as(TestTokens.support())
        .get(TICKETS + "/" + hostileIncident + "/runbook")
        .then()
        .body("rule", equalTo("odd"))
        .body("runbook", nullValue())
        .body("url", nullValue());
  }

  @Test
  void aSlugIsUniqueLowerCaseAndNeverShapedLikeAnId() {
    String slug = "replication-lag-" + suffix();
    Map<String, Object> first =
        Articles.article("RUNBOOK", "INTERNAL", null, "Replication lag", "Check the replica");
    first.put("slug", slug);
    String id = Articles.create(first);
    as(TestTokens.engineer()).get(Articles.PATH + "/" + id).then().body("slug", equalTo(slug));

    Map<String, Object> again = Articles.article("RUNBOOK", "INTERNAL", null, "Again", "text");
    again.put("slug", slug);
    as(TestTokens.engineer()).body(again).post(Articles.PATH).then().statusCode(409);
    for (String bad :
        List.of("Replication Lag", "-lag", "lag/../x", UUID.randomUUID().toString())) {
      again.put("slug", bad);
      as(TestTokens.engineer())
          .body(again)
          .post(Articles.PATH)
          .then()
          .statusCode(400)
          .body("errors.field", hasItem(containsString("slug")));
    }
    // renamed: the new slug is its, the old one free again
    String renamed = slug + "-mysql";
    as(TestTokens.engineer())
        .header("If-Match", Articles.etag(id))
        .body(Map.of("slug", renamed, "note", "MySQL only"))
        .patch(Articles.PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("slug", equalTo(renamed));
    again.put("slug", slug);
    as(TestTokens.engineer()).body(again).post(Articles.PATH).then().statusCode(201);
  }
}
