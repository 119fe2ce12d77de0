package io.vigie.events.ticket;

import io.vigie.events.inventory.PriorityTarget.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was opened: by a client, by staff, or from an alert.
 *
 * @param parentId the internal parent incident this client's incident belongs to, or null
 * @param alertFingerprint the monitoring alert that opened it, or null
 * @param clockStartedAt when its contract clocks started (the alert's start for an alert)
 */
public record TicketOpened(
    TicketRef ticket,
    TicketType type,
    String title,
    Priority priority,
    SupportLevel supportLevel,
    UUID parentId,
    String alertFingerprint,
    Instant clockStartedAt,
    Instant openedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.TICKET_OPENED;
  }
}
