package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search quality on a fixed corpus: 24 articles the queries are about, in French and English, among
 * 200 distractors that share their vocabulary (monthly logs that mention every problem in passing,
 * planned interventions, changes) — 224 articles. For each of 42 queries in both languages, with
 * and without French accents, the expected article must rank first; the hit rate is printed. The
 * corpus is data, {@code knowledge/search-corpus.json}: the search benchmark loads the same file.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class SearchQualityTest {

  /** A target: the article each of its queries must rank first. */
  record Target(String language, String title, String body, List<String> queries) {}

  /** A distractor written once per host, {@code {host}} standing for the host's name. */
  record Distractor(String language, String title, String body) {}

  /** The corpus file: the targets, the hosts, the distractor templates. */
  record Corpus(List<String> hosts, List<Target> targets, List<Distractor> distractors) {

    static Corpus load() {
      try (InputStream in =
          SearchQualityTest.class.getResourceAsStream("/knowledge/search-corpus.json")) {
        return new ObjectMapper().readValue(in, Corpus.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every template written for every host. */
    List<Distractor> written() {
      List<Distractor> all = new ArrayList<>();
      for (String host : hosts) {
        for (Distractor d : distractors) {
          all.add(
              new Distractor(
                  d.language(),
                  d.title().replace("{host}", host),
                  d.body().replace("{host}", host)));
        }
      }
      return all;
    }
  }

  @Test
  void theExpectedArticleRanksFirstForEveryQueryInBothLanguages() {
    String tenant = InventoryFeed.tenant("corpus");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    Corpus corpus = Corpus.load();
    Map<String, String> expected = new LinkedHashMap<>();
    for (Target t : corpus.targets()) {
      String id = write(tenant, t.language(), t.title(), t.body());
      t.queries().forEach(q -> expected.put(q, id));
    }
    List<Distractor> distractors = corpus.written();
    for (Distractor d : distractors) {
      write(tenant, d.language(), d.title(), d.body());
    }
    int articles = corpus.targets().size() + distractors.size();
    assertThat(articles).isGreaterThanOrEqualTo(200);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(20);

    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, String> query : expected.entrySet()) {
      List<String> ids =
          as(TestTokens.support())
              .queryParam("q", query.getKey())
              .queryParam("tenant", tenant)
              .queryParam("size", 5)
              .get(Articles.PATH + "/search")
              .then()
              .statusCode(200)
              .extract()
              .path("items.id");
      if (ids.isEmpty() || !ids.get(0).equals(query.getValue())) {
        misses.add(query.getKey() + " -> " + ids);
      }
    }
    System.out.printf(
        "Search quality: %d of %d queries rank the expected article first, corpus of %d"
            + " articles%n",
        expected.size() - misses.size(), expected.size(), articles);
    assertThat(misses).isEmpty();
  }

  private static String write(String tenant, String language, String title, String body) {
    Map<String, Object> a =
        new HashMap<>(Articles.article("RUNBOOK", "INTERNAL", tenant, title, body));
    a.put("language", language);
    return Articles.create(a);
  }
}
