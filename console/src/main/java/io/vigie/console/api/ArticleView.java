package io.vigie.console.api;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A knowledge-base article as ticket-service shows it (the part the console uses). {@code html} is
 * ticket-service's rendering of the Markdown, already sanitised (OWASP java-html-sanitizer).
 */
@ApiSchema(service = "ticket-service", schema = "ArticleView")
public record ArticleView(
    UUID id,
    String kind,
    String visibility,
    String tenant,
    String status,
    String language,
    String title,
    String html,
    Instant publishedAt,
    Instant updatedAt) {

  /** The article's language as an HTML {@code lang} value ({@code fr}, {@code en}), or null. */
  public String lang() {
    return language == null ? null : language.toLowerCase(Locale.ROOT);
  }
}
