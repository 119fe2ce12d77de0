package io.vigie.events.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A post-incident report was published to its client (its text stays in ticket-service: the client
 * reads it through the API).
 *
 * @param reportId the report
 * @param reportVersion the version published; a later publication carries a higher one
 */
public record ReportPublished(
    TicketRef ticket, UUID reportId, long reportVersion, String publishedBy, Instant publishedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.REPORT_PUBLISHED;
  }
}
