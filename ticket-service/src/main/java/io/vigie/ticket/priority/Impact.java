package io.vigie.ticket.priority;

/** How much of the client's business a ticket touches (ITIL impact). */
public enum Impact {
  /** The whole platform or many users: the shop is down. */
  HIGH,
  /** Part of the platform or a group of users. */
  MEDIUM,
  /** One user or a minor feature. */
  LOW
}
