package io.vigie.backup.drp;

import io.vigie.events.backup.DrpDirection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A DRP run as the people carrying it out read it: who activated it and why, each step with its
 * timestamps, and how it ended. It is also the run's stored state: {@link DrpRunMachine} turns one
 * sheet into the next.
 *
 * @param fromServerId the server traffic leaves (production on failover)
 * @param toServerId the server traffic goes to (the recovery server on failover)
 * @param finishedAt when the run completed or was aborted, else null
 * @param endedBy who aborted it, or null
 * @param outcome why it failed or was aborted, or null
 */
public record RunSheet(
    UUID id,
    UUID planId,
    String planName,
    String tenant,
    DrpDirection direction,
    UUID fromServerId,
    UUID toServerId,
    RunStatus status,
    String activatedBy,
    String reason,
    Instant activatedAt,
    Instant finishedAt,
    String endedBy,
    String outcome,
    List<SheetStep> steps) {

  public RunSheet {
    steps = List.copyOf(steps);
  }

  /** The step being carried out or the one that failed, if any. */
  public Optional<SheetStep> current() {
    return steps.stream()
        .filter(s -> s.status() == StepStatus.RUNNING || s.status() == StepStatus.FAILED)
        .findFirst();
  }

  RunSheet with(RunStatus newStatus, List<SheetStep> newSteps) {
    return new RunSheet(
        id,
        planId,
        planName,
        tenant,
        direction,
        fromServerId,
        toServerId,
        newStatus,
        activatedBy,
        reason,
        activatedAt,
        finishedAt,
        endedBy,
        outcome,
        newSteps);
  }

  RunSheet ended(RunStatus newStatus, Instant at, String by, String why) {
    return new RunSheet(
        id,
        planId,
        planName,
        tenant,
        direction,
        fromServerId,
        toServerId,
        newStatus,
        activatedBy,
        reason,
        activatedAt,
        at,
        by,
        why,
        steps);
  }

  RunSheet failedWith(String why, List<SheetStep> newSteps) {
    return new RunSheet(
        id,
        planId,
        planName,
        tenant,
        direction,
        fromServerId,
        toServerId,
        RunStatus.FAILED,
        activatedBy,
        reason,
        activatedAt,
        null,
        null,
        why,
        newSteps);
  }
}
