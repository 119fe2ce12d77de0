package io.vigie.console.api;

/** How many contract clocks were met, breached, are still running, or were not promised. */
@ApiSchema(service = "ticket-service", schema = "ClockFigures")
public record ClockTally(Integer met, Integer breached, Integer pending, Integer notPromised) {}
