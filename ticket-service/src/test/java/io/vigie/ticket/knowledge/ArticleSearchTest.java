package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.as;
import static io.vigie.ticket.knowledge.Articles.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Full-text search behind the tenant wall: a client finds the public articles and its own, and the
 * count says the same; French and English, with or without accents; snippets escaped and marked;
 * pages by rank.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ArticleSearchTest {

  static final String SEARCH = Articles.PATH + "/search";

  /** A word no other test writes, so each test searches its own articles. */
  static String word() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Test
  void aClientFindsOnlyPublicArticlesAndItsOwnAndTheCountMatches() {
    String mine = InventoryFeed.tenant("search-mine");
    String theirs = InventoryFeed.tenant("search-theirs");
    InventoryFeed.client(mine, InventoryFeed.aroundTheClock());
    InventoryFeed.client(theirs, InventoryFeed.aroundTheClock());
    UUID server = InventoryFeed.server("web");
    String w = word();
    String internal = Articles.published("RUNBOOK", "INTERNAL", mine, "Runbook " + w, List.of());
    String own =
        Articles.published(
            "PLATFORM_DOCUMENTATION",
            "CLIENT",
            mine,
            "Documentation " + w,
            List.of(link("SERVER", server.toString())));
    String foreign =
        Articles.published("PLATFORM_DOCUMENTATION", "CLIENT", theirs, "Docs " + w, List.of());
    String shared = Articles.published("ANNOUNCEMENT", "PUBLIC", null, "News " + w, List.of());
    Map<String, Object> draft = Articles.article("ANNOUNCEMENT", "PUBLIC", null, "Draft " + w, w);
    draft.put("publish", false);
    String unpublished = Articles.create(draft);

    as(TestTokens.client(mine))
        .queryParam("q", w)
        .queryParam("total", true)
        .get(SEARCH)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(own, shared))
        .body("total", equalTo(2));
    as(TestTokens.client(theirs))
        .queryParam("q", w)
        .queryParam("total", true)
        .get(SEARCH)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(foreign, shared))
        .body("total", equalTo(2));
    // narrowing to another client or to internal articles finds nothing, not even a count
    for (Map<String, String> filter :
        List.of(
            Map.of("tenant", theirs),
            Map.of("visibility", "INTERNAL"),
            Map.of("kind", "RUNBOOK"),
            Map.of("status", "DRAFT"))) {
      as(TestTokens.client(mine))
          .queryParam("q", w)
          .queryParams(filter)
          .queryParam("total", true)
          .get(SEARCH)
          .then()
          .statusCode(200)
          .body("items", org.hamcrest.Matchers.empty())
          .body("total", equalTo(0));
    }
    // staff find all five, drafts included, and narrow them
    as(TestTokens.support())
        .queryParam("q", w)
        .queryParam("total", true)
        .get(SEARCH)
        .then()
        .body("items.id", containsInAnyOrder(internal, own, foreign, shared, unpublished))
        .body("total", equalTo(5));
    as(TestTokens.support())
        .queryParam("q", w)
        .queryParam("server", server.toString())
        .get(SEARCH)
        .then()
        .body("items.id", contains(own));
    as(TestTokens.support())
        .queryParam("q", w)
        .queryParam("tenant", mine)
        .queryParam("kind", "RUNBOOK")
        .get(SEARCH)
        .then()
        .body("items.id", contains(internal));
  }

  @Test
  void frenchAndEnglishAreFoundWithOrWithoutAccentsRankedAndSnippetsAreInert() {
    String w = word();
    String french =
        Articles.create(
            withLanguage(
                Articles.article(
                    "SOLUTION",
                    "PUBLIC",
                    null,
                    "Sauvegarde échouée sur la base " + w,
                    "La sauvegarde nocturne a échoué : le disque était plein. <script>alert(1)"
                        + "</script> Nous avons purgé les journaux."),
                "FR"));
    String english =
        Articles.create(
            withLanguage(
                Articles.article(
                    "RUNBOOK",
                    "PUBLIC",
                    null,
                    "Replication lagging on " + w,
                    "When the replica is lagging behind the primary, check the network."),
                "EN"));
    String mention =
        Articles.create(
            withLanguage(
                Articles.article(
                    "RUNBOOK",
                    "PUBLIC",
                    null,
                    "Network checks " + w,
                    "Network checks, among them replication, see also lag graphs."),
                "EN"));
    for (String q :
        List.of(
            "sauvegarde échouée " + w,
            "sauvegarde echouee " + w,
            "SAUVEGARDES ECHOUEES " + w,
            "SAUVEGARDE ÉCHOUÉE " + w)) {
      as(TestTokens.client(InventoryFeed.tenant("reader")))
          .queryParam("q", q)
          .get(SEARCH)
          .then()
          .statusCode(200)
          .body("items[0].id", equalTo(french))
          .body("items[0].snippet", containsString("<mark>"))
          .body("items[0].snippet", not(containsString("<script")));
    }
    var firstPage =
        as(TestTokens.support())
            .queryParam("q", "replication lag " + w)
            .queryParam("size", 1)
            .get(SEARCH)
            .then()
            .statusCode(200)
            .body("items.id", contains(english))
            .body("items[0].rank", notNullValue())
            .body("next", notNullValue())
            .extract();
    as(TestTokens.support())
        .queryParam("q", "replication lag " + w)
        .queryParam("size", 1)
        .queryParam("after", firstPage.path("next").toString())
        .get(SEARCH)
        .then()
        .statusCode(200)
        .body("items.id", contains(mention))
        .body("next", nullValue());
    assertThat(french).isNotEqualTo(english);
  }

  @Test
  void aSearchNeedsAQuestionAndAValidCursor() {
    as(TestTokens.support())
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("q")));
    as(TestTokens.support())
        .queryParam("q", "x".repeat(201))
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("q")));
    as(TestTokens.support())
        .queryParam("q", "disk")
        .queryParam("after", "not-a-cursor")
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("after")));
    as(TestTokens.support())
        .queryParam("q", "disk")
        .queryParam("after", ArticleSearch.cursorOf("abc", "nope"))
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("after")));
  }

  private static Map<String, Object> withLanguage(Map<String, Object> article, String language) {
    article.put("language", language);
    return article;
  }
}
