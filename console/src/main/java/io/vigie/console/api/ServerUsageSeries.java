package io.vigie.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A server's hourly usage over a period beside its hardware (totals null while unknown). */
@ApiSchema(service = "monitoring-service", schema = "ServerUsageSeries")
public record ServerUsageSeries(
    UUID serverId,
    String hostname,
    Integer cpuThreads,
    Integer ramTotalGb,
    Long diskTotalGb,
    Instant from,
    Instant to,
    List<HourlyUsage> hours) {}
