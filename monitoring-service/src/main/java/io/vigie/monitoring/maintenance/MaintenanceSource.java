package io.vigie.monitoring.maintenance;

/**
 * Where a maintenance window comes from: {@code API} for windows declared through the REST API;
 * {@code TICKET} for the planned interventions ticket-service schedules and publishes on {@code
 * ticket.events} ({@link InterventionEventsConsumer}).
 */
public enum MaintenanceSource {
  API,
  TICKET
}
