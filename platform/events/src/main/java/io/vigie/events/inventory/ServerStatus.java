package io.vigie.events.inventory;

/** Lifecycle of a physical server: planned, then active, in and out of maintenance, retired. */
public enum ServerStatus {
  PLANNED,
  ACTIVE,
  MAINTENANCE,
  DECOMMISSIONED
}
