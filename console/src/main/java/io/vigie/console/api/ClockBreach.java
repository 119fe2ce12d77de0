package io.vigie.console.api;

import java.time.Duration;
import java.time.Instant;

/** A contract clock breached in the month. */
@ApiSchema(service = "ticket-service", schema = "Breach")
public record ClockBreach(
    String reference,
    String title,
    String type,
    String priority,
    String clock,
    Duration target,
    Duration used,
    Instant deadline) {}
