package io.vigie.events.ticket;

/** The contract clocks a ticket runs. */
public enum ClockKind {
  /** Guaranteed time to intervention: stops at the first engineer action. */
  INTERVENTION,
  /** Time to resolution: stops when the ticket is resolved. */
  RESOLUTION
}
