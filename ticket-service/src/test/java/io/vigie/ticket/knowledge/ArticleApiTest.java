package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.PATH;
import static io.vigie.ticket.knowledge.Articles.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.PublishedEvents;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Articles through the API: Markdown rendered inert, revisions with their diff, If-Match, events
 * without text, keyset paging, refusals naming the field, and the tenant wall on every path.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ArticleApiTest {

  @Test
  void anEngineerWritesPublishesAndRevisesAnArticleEachRevisionKeptWithItsDiff() {
    String tenant = InventoryFeed.tenant("docs");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    Map<String, Object> draft =
        Articles.article(
            "PLATFORM_DOCUMENTATION",
            "CLIENT",
            tenant,
            "Architecture of the shop",
            "# Shop\n\nTwo web servers behind HAProxy.\n<script>alert(1)</script>");
    draft.put("publish", false);
    draft.put("language", "EN");
    String id =
        as(TestTokens.engineer())
            .body(draft)
            .post(PATH)
            .then()
            .statusCode(201)
            .header("Location", containsString(PATH + "/"))
            .header("ETag", "\"1\"")
            .body("status", equalTo("DRAFT"))
            .body("language", equalTo("EN"))
            .body("html", containsString("<h1>Shop</h1>"))
            .body("html", not(containsString("<script")))
            .body("createdBy", equalTo("engineer"))
            .extract()
            .path("id");

    // a draft is staff's only
    as(TestTokens.client(tenant)).get(PATH + "/" + id).then().statusCode(404);

    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(
            Map.of(
                "status",
                "PUBLISHED",
                "body",
                "# Shop\n\nThree web servers behind HAProxy.",
                "note",
                "a third web server"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("PUBLISHED"))
        .body("publishedAt", notNullValue());
    // a stale or missing If-Match changes nothing
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("title", "stale"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(412);
    as(TestTokens.engineer())
        .body(Map.of("title", "no version"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(428);
    // a published article does not go back to draft
    as(TestTokens.engineer())
        .header("If-Match", "\"2\"")
        .body(Map.of("status", "DRAFT"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"));

    as(TestTokens.client(tenant))
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("body", equalTo("# Shop\n\nThree web servers behind HAProxy."));

    as(TestTokens.engineer())
        .get(PATH + "/" + id + "/revisions")
        .then()
        .statusCode(200)
        .body("items.revision", contains(2, 1))
        .body("items[0].author", equalTo("engineer"))
        .body("items[0].note", equalTo("a third web server"))
        .body("items[0].diff", containsString("- Two web servers behind HAProxy."))
        .body("items[0].diff", containsString("+ Three web servers behind HAProxy."))
        .body("items[1].diff", nullValue())
        .body("items[1].body", containsString("Two web servers"));
    // revisions may hold text from before the article was the client's: staff only
    as(TestTokens.client(tenant)).get(PATH + "/" + id + "/revisions").then().statusCode(403);

    List<ConsumerRecord<String, String>> events =
        PublishedEvents.await(
            TicketEvents.TOPIC, KafkaEvents.withKey(id), 1, Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaEvents.header(r, "ce_type"))
        .containsExactly(TicketEvents.ARTICLE_PUBLISHED);
    assertThat(KafkaEvents.header(events.get(0), "ce_tenant")).isEqualTo(tenant);
    assertThat(events.get(0).value()).doesNotContain("HAProxy").doesNotContain("Architecture");
  }

  @Test
  void anInternalArticleReachesNoClientAndItsEventsNameNoClient() {
    String tenant = InventoryFeed.tenant("internal");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String id =
        Articles.published("RUNBOOK", "INTERNAL", tenant, "Restart the shop's workers", List.of());
    as(TestTokens.client(tenant)).get(PATH + "/" + id).then().statusCode(404);
    as(TestTokens.client(tenant))
        .queryParam("tenant", tenant)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("body", "Restart them one by one."))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200);
    List<ConsumerRecord<String, String>> events =
        PublishedEvents.await(
            TicketEvents.TOPIC, KafkaEvents.withKey(id), 2, Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaEvents.header(r, "ce_type"))
        .containsExactly(TicketEvents.ARTICLE_PUBLISHED, TicketEvents.ARTICLE_UPDATED);
    assertThat(events).allSatisfy(r -> assertThat(KafkaEvents.header(r, "ce_tenant")).isNull());
  }

  @Test
  void clientsListOnlyPublicArticlesAndTheirOwnPageByPage() {
    String mine = InventoryFeed.tenant("mine");
    String theirs = InventoryFeed.tenant("theirs");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    String own1 = Articles.published("PLATFORM_DOCUMENTATION", "CLIENT", mine, "Mine 1", List.of());
    String own2 = Articles.published("PLATFORM_DOCUMENTATION", "CLIENT", mine, "Mine 2", List.of());
    String foreign =
        Articles.published("PLATFORM_DOCUMENTATION", "CLIENT", theirs, "Theirs", List.of());
    String internal = Articles.published("RUNBOOK", "INTERNAL", mine, "About mine", List.of());
    String announcement = Articles.published("ANNOUNCEMENT", "PUBLIC", null, "News", List.of());

    // two of the client's own, one page at a time, newest first
    var first =
        as(TestTokens.client(mine))
            .queryParam("kind", "PLATFORM_DOCUMENTATION")
            .queryParam("size", 1)
            .queryParam("total", true)
            .get(PATH)
            .then()
            .statusCode(200)
            .body("items.id", contains(own2))
            .body("total", equalTo(2))
            .extract();
    as(TestTokens.client(mine))
        .queryParam("kind", "PLATFORM_DOCUMENTATION")
        .queryParam("size", 1)
        .queryParam("after", first.path("next").toString())
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", contains(own1))
        .body("next", nullValue());
    // everything a client lists is public or its own; the foreign and internal never show
    List<String> seen =
        as(TestTokens.client(mine))
            .queryParam("size", 500)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertThat(seen).contains(own1, own2, announcement).doesNotContain(foreign, internal);
    // foreign ids answer 404, as unknown ones do
    as(TestTokens.client(mine)).get(PATH + "/" + foreign).then().statusCode(404);
    as(TestTokens.client(mine)).get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    as(TestTokens.client(theirs)).get(PATH + "/" + own1).then().statusCode(404);
    as(TestTokens.client(theirs)).get(PATH + "/" + announcement).then().statusCode(200);
    // staff see all of them
    as(TestTokens.support()).get(PATH + "/" + internal).then().statusCode(200);
  }

  @Test
  void clientsWriteNothing() {
    String tenant = InventoryFeed.tenant("writer");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String id = Articles.published("PLATFORM_DOCUMENTATION", "CLIENT", tenant, "Ours", List.of());
    as(TestTokens.client(tenant))
        .body(Articles.article("SOLUTION", "CLIENT", tenant, "Mine", "text"))
        .post(PATH)
        .then()
        .statusCode(403);
    as(TestTokens.client(tenant))
        .header("If-Match", "\"1\"")
        .body(Map.of("title", "Changed"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(403);
    as(TestTokens.engineer())
        .get(PATH + "/" + id)
        .then()
        .body("title", equalTo("Ours"))
        .body("version", equalTo(1));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsKept() {
    String tenant = InventoryFeed.tenant("bad");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    String title = "Nothing kept " + UUID.randomUUID();
    expectField(Articles.article("RUNBOOK", "INTERNAL", null, "x".repeat(201), "b"), "title");
    expectField(Articles.article("RUNBOOK", "INTERNAL", null, " ", "b"), "title");
    expectField(Articles.article("RUNBOOK", "INTERNAL", null, title, "x".repeat(100_001)), "body");
    expectField(Articles.article("HOWTO", "INTERNAL", null, title, "b"), "kind");
    expectField(Articles.article("RUNBOOK", "FRIENDS", null, title, "b"), "visibility");
    expectField(Articles.article("RUNBOOK", "CLIENT", null, title, "b"), "tenant");
    expectField(Articles.article("RUNBOOK", "CLIENT", "nobody-here", title, "b"), "tenant");
    Map<String, Object> badLink = Articles.article("RUNBOOK", "INTERNAL", null, title, "b");
    badLink.put(
        "links",
        List.of(
            Articles.link("CHECK", "disk-root"),
            Articles.link("SERVER", UUID.randomUUID().toString())));
    expectField(badLink, "links[1].target");
    Map<String, Object> notUuid = new HashMap<>(badLink);
    notUuid.put("links", List.of(Articles.link("VIRTUAL_MACHINE", "web-01")));
    expectField(notUuid, "links[0].target");
    as(TestTokens.engineer())
        .queryParam("size", 500)
        .get(PATH)
        .then()
        .body("items.title", not(hasItem(title)));

    String id = Articles.published("RUNBOOK", "INTERNAL", null, "Kept as is", List.of());
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("title", "y".repeat(201)))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("title")));
    as(TestTokens.engineer())
        .header("If-Match", "\"1\"")
        .body(Map.of("visibility", "CLIENT"))
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", contains("tenant"));
    as(TestTokens.engineer()).get(PATH + "/" + id).then().body("version", equalTo(1));
  }

  private static void expectField(Map<String, Object> body, String field) {
    as(TestTokens.engineer())
        .body(body)
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString(field)));
  }
}
