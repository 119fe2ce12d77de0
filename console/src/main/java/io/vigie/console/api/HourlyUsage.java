package io.vigie.console.api;

import java.time.Instant;

/**
 * One hour of a machine's usage as monitoring-service rolls it up: averages of the minutes measured
 * in it, CPU busy in percent, RAM and disk in use in GB.
 */
@ApiSchema(service = "monitoring-service", schema = "HourlyUsage")
public record HourlyUsage(
    Instant hourStart, Integer samples, Double cpuPercent, Double ramUsedGb, Double diskUsedGb) {}
