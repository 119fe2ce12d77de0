package io.vigie.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.ArticleView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  static ArticleView notice(String title, String visibility, String status, Duration ago) {
    return article(title, "ANNOUNCEMENT", visibility, status, ago);
  }

  static ArticleView article(
      String title, String kind, String visibility, String status, Duration ago) {
    Instant at = NOW.minus(ago);
    return new ArticleView(
        UUID.randomUUID(),
        kind,
        visibility,
        null,
        status,
        "EN",
        title,
        "<p>" + title + "</p>",
        at,
        at);
  }

  @Test
  void showsOnlyPublishedPublicAnnouncementsOfTheLastNinetyDaysNewestFirst() {
    StatusPage page =
        StatusPage.of(
            List.of(
                notice("older", "PUBLIC", "PUBLISHED", Duration.ofDays(30)),
                notice("newest", "PUBLIC", "PUBLISHED", Duration.ofHours(2)),
                notice("internal", "INTERNAL", "PUBLISHED", Duration.ofHours(1)),
                notice("a client's", "CLIENT", "PUBLISHED", Duration.ofHours(1)),
                notice("draft", "PUBLIC", "DRAFT", Duration.ofHours(1)),
                article("runbook", "RUNBOOK", "PUBLIC", "PUBLISHED", Duration.ofHours(1)),
                notice("too old", "PUBLIC", "PUBLISHED", Duration.ofDays(91))),
            NOW);

    assertThat(page.available()).isTrue();
    assertThat(page.notices()).extracting(ArticleView::title).containsExactly("newest", "older");
    assertThat(page.current()).extracting(ArticleView::title).containsExactly("newest");
    assertThat(page.earlier()).extracting(ArticleView::title).containsExactly("older");
    assertThat(page.updated()).isEqualTo(NOW.minus(Duration.ofHours(2)));
  }

  @Test
  void aNoticeUpdatedLaterIsShownAsOfItsLastChange() {
    ArticleView published = notice("maintenance", "PUBLIC", "PUBLISHED", Duration.ofDays(100));
    ArticleView updated =
        new ArticleView(
            published.id(),
            published.kind(),
            published.visibility(),
            null,
            published.status(),
            "FR",
            published.title(),
            published.html(),
            published.publishedAt(),
            NOW.minus(Duration.ofHours(1)));

    StatusPage page = StatusPage.of(List.of(updated), NOW);

    assertThat(page.current()).containsExactly(updated);
    assertThat(updated.lang()).isEqualTo("fr");
  }

  @Test
  void nothingToShowIsAnEmptyPageAndUnavailableShowsNothing() {
    assertThat(StatusPage.of(List.of(), NOW).notices()).isEmpty();
    assertThat(StatusPage.of(List.of(), NOW).updated()).isEqualTo(NOW.minus(Duration.ofDays(90)));
    StatusPage down = StatusPage.unavailable(NOW);
    assertThat(down.available()).isFalse();
    assertThat(down.notices()).isEmpty();
  }
}
