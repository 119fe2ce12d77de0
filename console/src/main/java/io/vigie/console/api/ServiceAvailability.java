package io.vigie.console.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** One hosted service's availability in the month, with its downtimes. */
@ApiSchema(service = "monitoring-service", schema = "ServiceMonth")
public record ServiceAvailability(
    UUID hostedServiceId,
    String name,
    String kind,
    Double availabilityPercent,
    Boolean meets,
    Duration downtime,
    List<Interval> downtimes) {}
