package io.vigie.ticket.intervention;

/** Where a planned intervention stands; see {@link InterventionLifecycle} for the moves. */
public enum InterventionStatus {
  /** Proposed by staff; waiting for every affected client's consent. */
  PROPOSED,
  /** Every consent is accepted: monitoring silences its targets for the window. */
  SCHEDULED,
  STARTED,
  ENDED,
  CANCELLED
}
