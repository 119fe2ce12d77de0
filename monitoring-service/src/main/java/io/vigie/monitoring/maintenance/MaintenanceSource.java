package io.vigie.monitoring.maintenance;

/**
 * Where a maintenance window comes from: {@code API} for windows declared through the REST API;
 * {@code TICKET} is reserved for the planned interventions ticket-service will publish on {@code
 * ticket.events} (that service and its consumer do not exist yet).
 */
public enum MaintenanceSource {
  API,
  TICKET
}
