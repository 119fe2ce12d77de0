package io.vigie.monitoring.flow;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ingest and alert flow over {@code [from, to)}: one {@link FlowHour} per hour, oldest first,
 * with no hole.
 */
@Schema(description = "Metric ingest and alerting per hour, every hour of [from, to), oldest first")
public record FlowReport(Instant from, Instant to, List<FlowHour> hours) {}
