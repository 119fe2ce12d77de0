package io.vigie.events.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge base article was published (its text stays in ticket-service: readers fetch it
 * through the API, behind its visibility). The envelope carries the client only for an article
 * visible to that client, so an internal article about a client is never routed to it.
 *
 * @param kind RUNBOOK, PLATFORM_DOCUMENTATION, SOLUTION or ANNOUNCEMENT
 * @param visibility INTERNAL, CLIENT or PUBLIC
 * @param clientTenant the client that reads it when the visibility is CLIENT, else null
 */
public record ArticlePublished(
    UUID articleId,
    String kind,
    String visibility,
    String clientTenant,
    long version,
    String actor,
    Instant publishedAt)
    implements TicketEvents.ArticleEvent {

  @Override
  public String eventType() {
    return TicketEvents.ARTICLE_PUBLISHED;
  }
}
