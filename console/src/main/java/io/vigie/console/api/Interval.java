package io.vigie.console.api;

import java.time.Instant;

/** A period, start included, end excluded. */
public record Interval(Instant start, Instant end) {}
