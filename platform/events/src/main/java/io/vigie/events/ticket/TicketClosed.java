package io.vigie.events.ticket;

import java.time.Instant;

/** A ticket was closed; it can no longer be reopened. */
public record TicketClosed(TicketRef ticket, TicketStatus from, String actor, Instant closedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.TICKET_CLOSED;
  }
}
