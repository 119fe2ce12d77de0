package io.vigie.console.api;

import java.time.Instant;
import java.util.UUID;

/** A backup policy whose restore test is overdue. */
@ApiSchema(service = "backup-service", schema = "OverdueRestoreTest")
public record OverdueRestoreTest(
    UUID policyId,
    String tenant,
    String policyName,
    String schedule,
    Instant dueAt,
    Instant lastAttempt,
    Instant lastSucceeded) {}
