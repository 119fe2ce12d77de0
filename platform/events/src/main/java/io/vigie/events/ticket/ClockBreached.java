package io.vigie.events.ticket;

import java.time.Instant;

/** A contract clock ran out: the promise to the client is broken. Published once. */
public record ClockBreached(TicketRef ticket, ClockKind clock, Instant deadline)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.CLOCK_BREACHED;
  }
}
