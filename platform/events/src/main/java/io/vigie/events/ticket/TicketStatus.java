package io.vigie.events.ticket;

/**
 * Where a ticket stands: new, acknowledged by staff, in progress (or waiting for the client, which
 * pauses its clocks), resolved (the client may confirm or reopen) and closed.
 */
public enum TicketStatus {
  NEW,
  ACKNOWLEDGED,
  IN_PROGRESS,
  WAITING_FOR_CLIENT,
  RESOLVED,
  CLOSED
}
