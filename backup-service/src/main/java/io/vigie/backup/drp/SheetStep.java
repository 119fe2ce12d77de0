package io.vigie.backup.drp;

import io.vigie.events.backup.DrpStepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step of a run sheet with what happened to it.
 *
 * @param position from 1, in the order the run carries the steps out
 * @param switchToAddresses for a DNS switch, the addresses of this direction; empty otherwise
 * @param attempts how many times the step was started (a retry after a failure adds one)
 * @param completedBy who reported the step done ({@code dns-service} for a DNS switch)
 * @param note what the person said when reporting it done or failed
 * @param failure why the step failed last, or null
 */
public record SheetStep(
    int position,
    DrpStepKind kind,
    String name,
    Duration estimated,
    List<String> switchToAddresses,
    StepStatus status,
    int attempts,
    Instant startedAt,
    Instant completedAt,
    String completedBy,
    String note,
    String failure) {

  public SheetStep {
    switchToAddresses = switchToAddresses == null ? List.of() : List.copyOf(switchToAddresses);
  }

  SheetStep started(Instant at) {
    return new SheetStep(
        position,
        kind,
        name,
        estimated,
        switchToAddresses,
        StepStatus.RUNNING,
        attempts + 1,
        at,
        null,
        null,
        null,
        null);
  }

  SheetStep completed(Instant at, String by, String byNote) {
    return new SheetStep(
        position,
        kind,
        name,
        estimated,
        switchToAddresses,
        StepStatus.COMPLETED,
        attempts,
        startedAt,
        at,
        by,
        byNote,
        null);
  }

  SheetStep failed(Instant at, String by, String reason) {
    return new SheetStep(
        position,
        kind,
        name,
        estimated,
        switchToAddresses,
        StepStatus.FAILED,
        attempts,
        startedAt,
        at,
        by,
        null,
        reason);
  }
}
