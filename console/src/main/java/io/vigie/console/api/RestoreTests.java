package io.vigie.console.api;

import java.time.Instant;

/** A policy's restore tests in the month and its last success. */
@ApiSchema(service = "backup-service", schema = "RestoreTests")
public record RestoreTests(Integer testedInMonth, Integer failedInMonth, Instant lastSucceededAt) {}
