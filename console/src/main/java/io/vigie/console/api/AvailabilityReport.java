package io.vigie.console.api;

import java.time.Instant;
import java.util.List;

/** A client's month of availability as monitoring-service reports it. */
@ApiSchema(service = "monitoring-service", schema = "ClientReport")
public record AvailabilityReport(
    String clientCode,
    String clientName,
    String month,
    Instant measuredUntil,
    Boolean complete,
    Double target,
    AvailabilitySummary overall,
    List<ServiceAvailability> services) {}
