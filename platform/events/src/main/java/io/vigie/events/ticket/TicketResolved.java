package io.vigie.events.ticket;

import java.time.Instant;

/**
 * A ticket was resolved; the client may confirm it or reopen it.
 *
 * @param resolutionMet whether it was resolved within its resolution time, null without that clock
 */
public record TicketResolved(
    TicketRef ticket, TicketStatus from, Boolean resolutionMet, String actor, Instant resolvedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.TICKET_RESOLVED;
  }
}
