package io.vigie.events.ticket;

import java.time.Instant;

/**
 * A ticket moved between support levels.
 *
 * @param automatic true when a threshold of its escalation policy moved it, false when a person did
 */
public record TicketEscalated(
    TicketRef ticket,
    SupportLevel from,
    SupportLevel to,
    boolean automatic,
    String reason,
    String actor,
    Instant escalatedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.TICKET_ESCALATED;
  }
}
