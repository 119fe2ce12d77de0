package io.vigie.ticket.priority;

/** How fast the client needs it handled (ITIL urgency). */
public enum Urgency {
  HIGH,
  MEDIUM,
  LOW
}
