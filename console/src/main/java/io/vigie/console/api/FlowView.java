package io.vigie.console.api;

import java.time.Instant;
import java.util.List;

/**
 * Monitoring's ingest and alert flow over a period (staff only, {@code GET /api/v1/flow}): one
 * element per hour, oldest first, zeros where nothing happened.
 */
@ApiSchema(service = "monitoring-service", schema = "FlowReport")
public record FlowView(Instant from, Instant to, List<FlowHour> hours) {}
