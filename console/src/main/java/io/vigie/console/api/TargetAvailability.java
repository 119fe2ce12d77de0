package io.vigie.console.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A server's or hosted service's availability over a period, maintenance excluded (monitoring's
 * {@code GET /api/v1/availability}): what the public status page draws a platform's days from.
 * Measurement runs up to {@code measuredUntil}; {@code measured} plus {@code maintenance} is how
 * much of the period monitoring counted.
 */
@ApiSchema(service = "monitoring-service", schema = "TargetAvailability")
public record TargetAvailability(
    Instant from,
    Instant to,
    Instant measuredUntil,
    BigDecimal availabilityPercent,
    Duration measured,
    Duration maintenance,
    Integer checks,
    List<Interval> downtimes,
    List<Interval> maintenanceIntervals) {}
