package io.vigie.events.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A published knowledge base article was changed (a new revision); as {@link ArticlePublished},
 * without its text.
 */
public record ArticleUpdated(
    UUID articleId,
    String kind,
    String visibility,
    String clientTenant,
    long version,
    String actor,
    Instant updatedAt)
    implements TicketEvents.ArticleEvent {

  @Override
  public String eventType() {
    return TicketEvents.ARTICLE_UPDATED;
  }
}
