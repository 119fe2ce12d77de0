package io.vigie.console.api;

import java.time.Instant;

/** A period, start included, end excluded. */
@ApiSchema(service = "monitoring-service", schema = "Interval")
public record Interval(Instant start, Instant end) {}
