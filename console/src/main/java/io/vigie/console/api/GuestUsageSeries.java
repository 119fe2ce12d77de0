package io.vigie.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A VM's or container's own hourly usage over a period beside its allocation. */
@ApiSchema(service = "monitoring-service", schema = "GuestUsageSeries")
public record GuestUsageSeries(
    UUID guestId,
    String name,
    Integer vcpus,
    Integer ramTotalGb,
    Integer diskTotalGb,
    Instant from,
    Instant to,
    List<HourlyUsage> hours) {}
