package io.vigie.console.api;

import java.time.Duration;

/** Availability over all of a client's hosted services. */
@ApiSchema(service = "monitoring-service", schema = "Overall")
public record AvailabilitySummary(
    Double availabilityPercent,
    Duration measured,
    Duration maintenance,
    Duration downtime,
    Boolean meets,
    Integer services) {}
