package io.vigie.events.ticket;

import io.vigie.events.inventory.PriorityTarget.Priority;
import java.time.Instant;

/**
 * A ticket's priority changed; its clocks were recalculated.
 *
 * @param interventionDeadline the new GTI deadline, or null when that clock is not running
 * @param resolutionDeadline the new resolution deadline, or null when that clock is not running
 */
public record TicketPriorityChanged(
    TicketRef ticket,
    Priority from,
    Priority to,
    Instant interventionDeadline,
    Instant resolutionDeadline,
    String actor,
    Instant changedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.TICKET_PRIORITY_CHANGED;
  }
}
