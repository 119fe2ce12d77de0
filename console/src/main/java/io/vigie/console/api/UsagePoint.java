package io.vigie.console.api;

import java.time.Instant;

/** One 5-minute slot's average rates in bit/s, inbound ({@code rx}) and outbound ({@code tx}). */
@ApiSchema(service = "monitoring-service", schema = "UsagePoint")
public record UsagePoint(Instant slotStart, Double rxBps, Double txBps) {}
