package io.vigie.backup.restore;

import java.time.Instant;
import java.util.UUID;

/**
 * When a policy's restore tests are due, and where they stand.
 *
 * @param custom false when the policy follows the default schedule
 * @param nextDue the due time the next test serves
 * @param overdue true when that time passed more than the grace ago with no test
 * @param lastSucceeded the start of the latest successful test, or null
 */
public record RestoreScheduleView(
    UUID policyId,
    String schedule,
    String timeZone,
    boolean custom,
    Instant nextDue,
    boolean overdue,
    Instant lastAttempt,
    Instant lastSucceeded,
    long version) {}
