package io.vigie.backup.drp;

import java.time.Instant;

/**
 * One entry of a plan's history.
 *
 * @param change CREATED, UPDATED or DELETED
 * @param plan the plan as it was after the change (before it, for DELETED)
 */
public record PlanRevisionView(
    long version, String change, Instant changedAt, String changedBy, DrpPlanView plan) {}
