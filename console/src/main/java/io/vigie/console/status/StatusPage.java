package io.vigie.console.status;

import io.vigie.console.api.ArticleView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The hoster's public status page at one instant: the notices it published for everyone (published
 * announcements of visibility {@code PUBLIC} in ticket-service's knowledge base) of the last 90
 * days, newest first. Plain Java.
 *
 * @param available false when the notices could not be read (the page says so, and shows none)
 */
public record StatusPage(Instant at, boolean available, List<ArticleView> notices) {

  static final Duration SHOWN_FOR = Duration.ofDays(90);

  /** Notices updated within this time are "current"; the others are the last 90 days' history. */
  static final Duration CURRENT_FOR = Duration.ofDays(3);

  static StatusPage unavailable(Instant at) {
    return new StatusPage(at, false, List.of());
  }

  /**
   * The notices to show among those ticket-service answered: public, published, of the last 90
   * days. The services already answer only those to the status page's account; checking again costs
   * nothing and keeps a mistake elsewhere off a page the whole world reads.
   */
  static StatusPage of(List<ArticleView> articles, Instant at) {
    Instant since = at.minus(SHOWN_FOR);
    List<ArticleView> shown =
        articles.stream()
            .filter(a -> "PUBLIC".equals(a.visibility()))
            .filter(a -> "PUBLISHED".equals(a.status()))
            .filter(a -> "ANNOUNCEMENT".equals(a.kind()))
            .filter(a -> lastChange(a) != null && lastChange(a).isAfter(since))
            .sorted(Comparator.comparing(StatusPage::lastChange).reversed())
            .toList();
    return new StatusPage(at, true, shown);
  }

  static Instant lastChange(ArticleView article) {
    return article.updatedAt() != null ? article.updatedAt() : article.publishedAt();
  }

  public List<ArticleView> current() {
    Instant since = at.minus(CURRENT_FOR);
    return notices.stream().filter(n -> lastChange(n).isAfter(since)).toList();
  }

  public List<ArticleView> earlier() {
    Instant since = at.minus(CURRENT_FOR);
    return notices.stream().filter(n -> !lastChange(n).isAfter(since)).toList();
  }

  /** When the feed last changed: the newest notice's change, or the start of the window. */
  public Instant updated() {
    return notices.isEmpty() ? at.minus(SHOWN_FOR) : lastChange(notices.get(0));
  }
}
