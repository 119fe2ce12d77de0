package io.vigie.events.ticket;

import io.vigie.events.inventory.PriorityTarget.Priority;
import java.time.Instant;

/**
 * A ticket needs a person now: what the on-call part pages for. Carries no comment text, so no
 * internal note can leak through it.
 *
 * @param deadline the GTI deadline the responder must meet, or null without one
 */
public record ResponderNeeded(
    TicketRef ticket,
    Priority priority,
    SupportLevel supportLevel,
    Reason reason,
    Instant deadline,
    Instant neededAt)
    implements TicketEvents.TicketEvent {

  /** Why someone is needed. */
  public enum Reason {
    /** An incident was opened and nobody acknowledged it yet. */
    NEW_INCIDENT,
    /** The GTI clock crossed a warning threshold and nobody acknowledged it yet. */
    INTERVENTION_CLOCK_WARNING,
    /** The GTI clock ran out. */
    INTERVENTION_CLOCK_BREACHED,
    /** The ticket was escalated to another level. */
    ESCALATED,
    /** A resolved incident fired again. */
    REOPENED
  }

  @Override
  public String eventType() {
    return TicketEvents.RESPONDER_NEEDED;
  }
}
