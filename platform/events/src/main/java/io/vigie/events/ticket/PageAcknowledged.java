package io.vigie.events.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A page was acknowledged: its escalation stopped ({@code acknowledgedAt - openedAt} is its time to
 * acknowledge).
 */
public record PageAcknowledged(
    TicketRef ticket, UUID pageId, String acknowledgedBy, Instant openedAt, Instant acknowledgedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.PAGE_ACKNOWLEDGED;
  }
}
