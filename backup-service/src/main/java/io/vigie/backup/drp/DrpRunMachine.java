package io.vigie.backup.drp;

import io.vigie.events.DomainEvent;
import io.vigie.events.backup.DrpAborted;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpCompleted;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepCompleted;
import io.vigie.events.backup.DrpStepFailed;
import io.vigie.events.backup.DrpStepKind;
import io.vigie.events.backup.DrpStepStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A DRP run as a state machine over its {@link RunSheet}: activation starts the first step; each
 * step runs until it is reported done, then the next starts; after the last, the run is complete. A
 * DNS switch is done only when dns-service reports it verified ({@code DnsSwitchApplied} for the
 * run and position); the other kinds when the person or agent carrying them out reports it. A
 * failed step stops the run as FAILED ({@code DrpStepFailed}) until a person retries that step or
 * aborts the run ({@code DrpAborted}). Every transition returns the next sheet and the events to
 * publish with it (in one transaction); anything the state does not allow is a {@link RunRefused}.
 * Plain Java: time and people are parameters.
 */
public final class DrpRunMachine {

  /** The next sheet and the events that say what happened, in order. */
  public record Transition(RunSheet sheet, List<DomainEvent> events) {}

  /** What a run is started from: the plan as it stands at activation. */
  public record Activation(
      UUID runId,
      UUID planId,
      String planName,
      String tenant,
      DrpDirection direction,
      UUID productionServerId,
      UUID recoveryServerId,
      List<PlanStep> steps,
      String activatedBy,
      String reason) {}

  private DrpRunMachine() {}

  /**
   * Whether a run in {@code direction} may start after {@code latest}, the plan's newest finished
   * run (null when none). Failover needs the client in production: no run yet, or the last was a
   * return, or an aborted failover (start it again). The return needs a failover done or aborted
   * half-way (bring back what moved), or an aborted return to run again.
   */
  public static void mayStart(DrpDirection direction, RunSheet latest) {
    if (direction == DrpDirection.FAILOVER) {
      if (latest != null
          && latest.direction() == DrpDirection.FAILOVER
          && latest.status() == RunStatus.COMPLETED) {
        throw new RunRefused(
            "the client already runs on the recovery server since run "
                + latest.id()
                + ": return to production first");
      }
    } else if (latest == null
        || (latest.direction() == DrpDirection.RETURN_TO_PRODUCTION
            && latest.status() == RunStatus.COMPLETED)) {
      throw new RunRefused("the client runs in production: there is nothing to return from");
    }
  }

  public static Transition activate(Activation a, Instant at) {
    if (a.steps().isEmpty()) {
      throw new RunRefused("the plan has no steps");
    }
    boolean failover = a.direction() == DrpDirection.FAILOVER;
    UUID from = failover ? a.productionServerId() : a.recoveryServerId();
    UUID to = failover ? a.recoveryServerId() : a.productionServerId();
    RunSheet pending =
        new RunSheet(
            a.runId(),
            a.planId(),
            a.planName(),
            a.tenant(),
            a.direction(),
            from,
            to,
            RunStatus.RUNNING,
            a.activatedBy(),
            a.reason(),
            at,
            null,
            null,
            null,
            DrpScript.steps(a.steps(), a.direction()));
    List<DomainEvent> events = new ArrayList<>();
    events.add(
        new DrpActivated(
            a.planId(),
            a.runId(),
            a.tenant(),
            a.direction(),
            from,
            to,
            a.activatedBy(),
            a.reason(),
            at));
    RunSheet sheet = start(pending, 1, at, events);
    return new Transition(sheet, events);
  }

  /** A person or agent reports a step other than a DNS switch done. */
  public static Transition complete(
      RunSheet sheet, int position, String by, String note, Instant at) {
    SheetStep step = running(sheet, position);
    if (step.kind() == DrpStepKind.DNS_SWITCH) {
      throw new RunRefused(
          "step "
              + position
              + " is a DNS switch: it completes when dns-service reports the switch verified");
    }
    return completed(sheet, step, by, note, at);
  }

  /** dns-service verified the switch of step {@code position} on every provider. */
  public static Transition dnsSwitchApplied(RunSheet sheet, int position, Instant at) {
    SheetStep step = running(sheet, position);
    if (step.kind() != DrpStepKind.DNS_SWITCH) {
      throw new RunRefused("step " + position + " is not a DNS switch but " + step.kind());
    }
    return completed(sheet, step, "dns-service", null, at);
  }

  /**
   * A person or agent reports a step other than a DNS switch failed: the run waits for a person.
   */
  public static Transition fail(
      RunSheet sheet, int position, String by, String reason, Instant at) {
    SheetStep step = running(sheet, position);
    if (step.kind() == DrpStepKind.DNS_SWITCH) {
      throw new RunRefused(
          "step " + position + " is a DNS switch: dns-service reports whether it failed");
    }
    return failed(sheet, step, by, reason, at);
  }

  /** dns-service could not verify the switch of step {@code position}. */
  public static Transition dnsSwitchFailed(
      RunSheet sheet, int position, String reason, Instant at) {
    SheetStep step = running(sheet, position);
    if (step.kind() != DrpStepKind.DNS_SWITCH) {
      throw new RunRefused("step " + position + " is not a DNS switch but " + step.kind());
    }
    return failed(sheet, step, "dns-service", reason, at);
  }

  /** A person starts the failed step again; a DNS switch is asked of dns-service anew. */
  public static Transition retry(RunSheet sheet, String by, Instant at) {
    if (sheet.status() != RunStatus.FAILED) {
      throw new RunRefused("only a failed run is retried; this one is " + sheet.status());
    }
    SheetStep failedStep = sheet.current().orElseThrow();
    List<DomainEvent> events = new ArrayList<>();
    RunSheet resumed =
        sheet.with(RunStatus.RUNNING, sheet.steps()).ended(RunStatus.RUNNING, null, null, null);
    return new Transition(start(resumed, failedStep.position(), at, events), events);
  }

  /** A person stops the run for good; what was done stays on the sheet. */
  public static Transition abort(RunSheet sheet, String by, String reason, Instant at) {
    if (!sheet.status().active()) {
      throw new RunRefused("the run is already " + sheet.status());
    }
    return new Transition(
        sheet.ended(RunStatus.ABORTED, at, by, reason),
        List.of(
            new DrpAborted(
                sheet.planId(),
                sheet.id(),
                sheet.tenant(),
                sheet.direction(),
                by,
                reason,
                sheet.activatedAt(),
                at)));
  }

  private static SheetStep running(RunSheet sheet, int position) {
    if (position < 1 || position > sheet.steps().size()) {
      throw new RunRefused(
          "the run has no step " + position + " (steps 1 to " + sheet.steps().size() + ")");
    }
    if (sheet.status() != RunStatus.RUNNING) {
      throw new RunRefused("the run is " + sheet.status() + ", no step is being carried out");
    }
    SheetStep step = sheet.steps().get(position - 1);
    if (step.status() != StepStatus.RUNNING) {
      SheetStep current = sheet.current().orElseThrow();
      throw new RunRefused(
          "step "
              + position
              + " is "
              + step.status()
              + "; the step being carried out is "
              + current.position()
              + " ("
              + current.name()
              + ")");
    }
    return step;
  }

  private static Transition completed(
      RunSheet sheet, SheetStep step, String by, String note, Instant at) {
    List<DomainEvent> events = new ArrayList<>();
    RunSheet next = replace(sheet, step.completed(at, by, note), RunStatus.RUNNING);
    events.add(
        new DrpStepCompleted(
            sheet.planId(),
            sheet.id(),
            sheet.tenant(),
            sheet.direction(),
            step.position(),
            step.kind(),
            step.name(),
            step.startedAt(),
            at));
    if (step.position() == sheet.steps().size()) {
      RunSheet done = next.ended(RunStatus.COMPLETED, at, null, null);
      events.add(
          new DrpCompleted(
              sheet.planId(),
              sheet.id(),
              sheet.tenant(),
              sheet.direction(),
              sheet.activatedAt(),
              at));
      return new Transition(done, events);
    }
    return new Transition(start(next, step.position() + 1, at, events), events);
  }

  private static Transition failed(
      RunSheet sheet, SheetStep step, String by, String reason, Instant at) {
    List<SheetStep> steps = new ArrayList<>(sheet.steps());
    steps.set(step.position() - 1, step.failed(at, by, reason));
    String why = "step " + step.position() + " (" + step.name() + ") failed: " + reason;
    return new Transition(
        sheet.failedWith(why, steps),
        List.of(
            new DrpStepFailed(
                sheet.planId(),
                sheet.id(),
                sheet.tenant(),
                sheet.direction(),
                step.position(),
                step.kind(),
                step.name(),
                reason,
                by,
                step.startedAt(),
                at)));
  }

  private static RunSheet start(RunSheet sheet, int position, Instant at, List<DomainEvent> out) {
    SheetStep step = sheet.steps().get(position - 1).started(at);
    out.add(
        new DrpStepStarted(
            sheet.planId(),
            sheet.id(),
            sheet.tenant(),
            sheet.direction(),
            step.position(),
            step.kind(),
            step.name(),
            step.estimated(),
            step.switchToAddresses(),
            at));
    return replace(sheet, step, RunStatus.RUNNING);
  }

  private static RunSheet replace(RunSheet sheet, SheetStep step, RunStatus status) {
    List<SheetStep> steps = new ArrayList<>(sheet.steps());
    steps.set(step.position() - 1, step);
    return sheet.with(status, steps);
  }
}
