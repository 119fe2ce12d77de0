package io.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SearchCorpusTest {

  private static final List<String> TENANTS = List.of("bench-client-01", "bench-client-02");

  /** The repository's corpus (the tests run in benchmarks/). */
  private final SearchCorpus texts = load();

  private static SearchCorpus load() {
    try {
      return SearchCorpus.load(Path.of(".."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void scalesTheQualityCorpusToTheRequestedSizeInBothLanguages() {
    List<SearchCorpus.Article> corpus = texts.articles(3000, TENANTS);

    assertThat(corpus).hasSize(24 + 298 * 10);
    assertThat(texts.hosts(corpus)).isEqualTo(298);
    assertThat(corpus.stream().map(SearchCorpus.Article::language).distinct())
        .containsExactlyInAnyOrder("FR", "EN");
    assertThat(corpus.stream().map(SearchCorpus.Article::title).collect(Collectors.toSet()))
        .as("titles are unique: the quality check finds its targets by title")
        .hasSize(corpus.size());
    assertThat(corpus.stream().map(SearchCorpus.Article::tenant).filter(t -> t != null))
        .allMatch(TENANTS::contains);
    assertThat(corpus)
        .filteredOn(a -> a.visibility().equals("CLIENT"))
        .allMatch(a -> a.tenant() != null);
    assertThat(
            corpus.stream()
                .filter(a -> a.queries().isEmpty())
                .mapToInt(a -> SearchCorpus.words(a.body())))
        .allMatch(words -> words >= 60);
  }

  @Test
  void everyQualityQueryHasItsTargetInTheCorpus() {
    Set<String> titles = new HashSet<>();
    texts.articles(500, TENANTS).forEach(a -> titles.add(a.title()));
    Map<String, String> expected = texts.qualityQueries();

    assertThat(expected).hasSize(42);
    assertThat(titles).containsAll(expected.values());
  }

  @Test
  void theMixHasTwentySlotsPerRoundAndAsksEveryQuestionInEveryShape() {
    List<String> queries = texts.loadQueries();
    List<SearchBenchmark.Line> lines = SearchBenchmark.mix(queries, TENANTS);

    assertThat(lines).hasSize(20 * queries.size());
    Map<String, Long> shapes =
        lines.stream()
            .collect(Collectors.groupingBy(SearchBenchmark.Line::shape, Collectors.counting()));
    assertThat(shapes)
        .containsEntry("staff", 10L * queries.size())
        .containsEntry("staff-kind", 3L * queries.size())
        .containsEntry("client", 7L * queries.size());
    for (String shape : shapes.keySet()) {
      assertThat(lines.stream().filter(l -> l.shape().equals(shape)).map(SearchBenchmark.Line::q))
          .containsAll(queries);
    }
    assertThat(lines)
        .filteredOn(l -> l.shape().equals("client"))
        .extracting(SearchBenchmark.Line::tenant)
        .containsOnly(TENANTS.toArray(String[]::new));
    assertThat(lines)
        .filteredOn(l -> !l.shape().equals("client"))
        .allMatch(l -> l.tenant() == null);
  }

  @Test
  void aLineIsTheSearchRequestOfItsShapeWithTheQuestionEncoded() {
    assertThat(new SearchBenchmark.Line("staff", "sauvegarde échouée", null).path())
        .isEqualTo("/api/v1/articles/search?q=sauvegarde%20%C3%A9chou%C3%A9e");
    assertThat(new SearchBenchmark.Line("staff-kind", "\"disque plein\"", null).path())
        .isEqualTo("/api/v1/articles/search?q=%22disque%20plein%22&kind=RUNBOOK");
    assertThat(new SearchBenchmark.Line("client", "backup or restore", "bench-client-01").path())
        .isEqualTo("/api/v1/articles/search?q=backup%20or%20restore&total=true");
  }

  @Test
  void thePgbenchScriptHasTheFourSearchStatementsTheExplainReads() throws Exception {
    String script = Files.readString(Path.of("sql/search.sql"));

    List<String> statements =
        script
            .lines()
            .filter(l -> l.startsWith("select a.") || l.startsWith("select count(*)"))
            .toList();
    assertThat(statements).hasSize(4).allMatch(s -> s.endsWith(";"));
    assertThat(statements.get(1)).contains("a.kind = :kind");
    assertThat(statements.get(2)).contains("a.tenant = :tenant").contains("limit 51");
    assertThat(statements.get(3)).contains("a.tenant = :tenant");
    assertThat(SearchBenchmark.withoutSnippet(statements.get(0)))
        .doesNotContain("ts_headline")
        .contains("a.title, null as snippet, ts_rank(");
  }
}
