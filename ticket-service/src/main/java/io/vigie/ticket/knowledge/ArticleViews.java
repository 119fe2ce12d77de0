package io.vigie.ticket.knowledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the knowledge base API reads and answers. */
public final class ArticleViews {

  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 100_000;
  static final int MAX_LINKS = 50;
  static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";
  static final String SLUG_RULE = "lower-case letters, digits and '-', up to 100";

  private ArticleViews() {}

  /** One thing an article is about: an inventory id, a client code, an alert, rule or check. */
  public record ArticleLinkRequest(
      @NotNull ArticleLink.Kind kind, @NotBlank @Size(max = 200) String target) {}

  /**
   * A new article (staff): {@code tenant} is the client it concerns, required for a CLIENT
   * visibility; {@code language} FR unless said; {@code publish} true publishes it at once, else it
   * stays a draft; {@code slug}, optional and unique, is the name an alert rule's runbook uses
   * ({@code kb:<slug>}).
   */
  public record NewArticle(
      @NotNull ArticleKind kind,
      @NotNull ArticleVisibility visibility,
      @Size(max = 100) String tenant,
      ArticleLanguage language,
      @NotBlank @Size(max = MAX_TITLE) String title,
      @NotNull @Size(max = MAX_BODY) String body,
      Boolean publish,
      @Valid @Size(max = MAX_LINKS) List<@Valid @NotNull ArticleLinkRequest> links,
      @Pattern(regexp = SLUG, message = SLUG_RULE) String slug) {}

  /**
   * A change (staff), each field left out kept: {@code links} replaces them all; {@code status}
   * PUBLISHED publishes a draft (a published article does not go back to draft); {@code note} says
   * why, kept with the revision; {@code slug} sets or changes the article's slug.
   */
  public record ArticleChange(
      ArticleKind kind,
      ArticleVisibility visibility,
      @Size(max = 100) String tenant,
      ArticleLanguage language,
      @Size(min = 1, max = MAX_TITLE) String title,
      @Size(max = MAX_BODY) String body,
      ArticleStatus status,
      @Size(max = 500) String note,
      @Valid @Size(max = MAX_LINKS) List<@Valid @NotNull ArticleLinkRequest> links,
      @Pattern(regexp = SLUG, message = SLUG_RULE) String slug) {}

  /** A link as shown. */
  public record ArticleLinkView(ArticleLink.Kind kind, String target, String label) {}

  /** An article; {@code html} is its body rendered and sanitised; {@code version} is its ETag. */
  public record ArticleView(
      UUID id,
      String slug,
      ArticleKind kind,
      ArticleVisibility visibility,
      String tenant,
      ArticleStatus status,
      ArticleLanguage language,
      String title,
      String body,
      String html,
      UUID sourceTicketId,
      String createdBy,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt,
      Instant publishedAt,
      List<ArticleLinkView> links,
      long version) {

    static ArticleView of(Article a, List<ArticleLink> links) {
      return new ArticleView(
          a.id,
          a.slug,
          a.kind,
          a.visibility,
          a.tenant,
          a.status,
          a.language,
          a.title,
          a.body,
          a.bodyHtml,
          a.sourceTicketId,
          a.createdBy,
          a.createdAt,
          a.updatedBy,
          a.updatedAt,
          a.publishedAt,
          links.stream()
              .sorted(
                  java.util.Comparator.comparing((ArticleLink l) -> l.kind.name())
                      .thenComparing(l -> l.target))
              .map(l -> new ArticleLinkView(l.kind, l.target, l.label))
              .toList(),
          a.version);
    }
  }

  /** One revision: who, when, why, the text then and the diff from the one before. */
  public record ArticleRevisionView(
      long revision,
      Instant at,
      String author,
      String note,
      String title,
      String body,
      String diff) {}
}
