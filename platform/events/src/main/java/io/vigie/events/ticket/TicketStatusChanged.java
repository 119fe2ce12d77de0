package io.vigie.events.ticket;

import java.time.Instant;

/** A ticket moved from one status to another (resolved and closed have events of their own). */
public record TicketStatusChanged(
    TicketRef ticket, TicketStatus from, TicketStatus to, String actor, Instant changedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.TICKET_STATUS_CHANGED;
  }
}
