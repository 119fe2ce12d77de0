package io.vigie.events.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * Nobody acknowledged a page within its step's delay: it moved to the next step ({@code round} and
 * {@code step} from 1).
 */
public record PageEscalated(TicketRef ticket, UUID pageId, int round, int step, Instant escalatedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.PAGE_ESCALATED;
  }
}
