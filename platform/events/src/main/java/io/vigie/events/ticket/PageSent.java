package io.vigie.events.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A page's notification was accepted by the SMTP server or the webhook (on-call in ticket-service).
 *
 * @param person the subject of the person notified
 * @param contactKind EMAIL or WEBHOOK
 * @param round the escalation round, from 1
 * @param step the policy step, from 1
 */
public record PageSent(
    TicketRef ticket,
    UUID pageId,
    String person,
    String contactKind,
    int round,
    int step,
    Instant sentAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.PAGE_SENT;
  }
}
