package io.vigie.backup.restore;

import java.time.Instant;
import java.util.UUID;

/** A policy whose restore test was not run in time. */
public record OverdueRestoreTest(
    UUID policyId,
    String tenant,
    String policyName,
    String schedule,
    Instant dueAt,
    Instant lastAttempt,
    Instant lastSucceeded) {}
