package io.vigie.console.api;

import java.time.Duration;
import java.time.Instant;

/** A contract clock of a ticket (GTI or resolution) as ticket-service shows it. */
@ApiSchema(service = "ticket-service", schema = "ClockView")
public record ClockView(
    Duration target,
    String phase,
    Instant startedAt,
    Instant deadline,
    Integer lastWarningPercent,
    Boolean met) {}
