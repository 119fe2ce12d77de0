package io.vigie.console.api;

import java.time.Instant;

/** An intervention carried out in the month. */
public record DoneIntervention(
    String reference, String title, Instant startedAt, Instant endedAt) {}
