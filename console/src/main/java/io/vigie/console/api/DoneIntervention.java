package io.vigie.console.api;

import java.time.Instant;

/** An intervention carried out in the month. */
@ApiSchema(service = "ticket-service", schema = "InterventionDone")
public record DoneIntervention(
    String reference, String title, Instant startedAt, Instant endedAt) {}
