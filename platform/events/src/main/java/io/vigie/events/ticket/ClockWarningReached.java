package io.vigie.events.ticket;

import java.time.Instant;

/**
 * A contract clock used {@code percent} of its time (50, 75 or 90); published once per threshold.
 *
 * @param reachedAt the instant the threshold was crossed, in support time
 */
public record ClockWarningReached(
    TicketRef ticket, ClockKind clock, int percent, Instant deadline, Instant reachedAt)
    implements TicketEvents.TicketEvent {

  @Override
  public String eventType() {
    return TicketEvents.CLOCK_WARNING_REACHED;
  }
}
