package io.vigie.ticket.clock;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The two contract clocks of one ticket and the rules that drive them from what happens to it:
 *
 * <ul>
 *   <li>both start at the ticket's clock start (an alert's start for an incident from an alert);
 *   <li>the intervention clock (GTI) stops at the first engineer action: an acknowledgement, a
 *       public comment by staff, or a status change by staff. An internal note, an assignment or a
 *       priority change does not stop it: the client saw nothing happen;
 *   <li>waiting for the client pauses both; the client's answer resumes them;
 *   <li>resolving pauses the resolution clock (a reopened ticket resumes it); closing stops both;
 *   <li>a priority change retargets both to the contract's times for the new priority, keeping the
 *       time already used; a priority with no promised time drops that clock, and a clock the old
 *       priority did not have starts at the change.
 * </ul>
 *
 * A null clock means nothing was promised for it (no contract, or no time for that priority).
 */
public final class TicketClocks {

  /** A threshold crossed by one of the clocks. */
  public record Signal(ClockKind clock, ContractClock.Crossing crossing) {}

  private final ContractTargets targets;
  private ContractClock intervention;
  private ContractClock resolution;

  private TicketClocks(
      ContractTargets targets, ContractClock intervention, ContractClock resolution) {
    this.targets = targets;
    this.intervention = intervention;
    this.resolution = resolution;
  }

  /** Starts the clocks the contract promises for {@code priority}, at {@code at}. */
  public static TicketClocks start(ContractTargets targets, Priority priority, Instant at) {
    return new TicketClocks(
        targets,
        started(targets, ClockKind.INTERVENTION, priority, at),
        started(targets, ClockKind.RESOLUTION, priority, at));
  }

  /** The clocks as persisted (either state may be null). */
  public static TicketClocks restore(
      ContractTargets targets, ContractClock.State intervention, ContractClock.State resolution) {
    return new TicketClocks(
        targets,
        intervention == null ? null : ContractClock.restore(targets.calendar(), intervention),
        resolution == null ? null : ContractClock.restore(targets.calendar(), resolution));
  }

  public ContractClock.State interventionState() {
    return intervention == null ? null : intervention.state();
  }

  public ContractClock.State resolutionState() {
    return resolution == null ? null : resolution.state();
  }

  public Optional<ContractClock> clock(ClockKind kind) {
    return Optional.ofNullable(kind == ClockKind.INTERVENTION ? intervention : resolution);
  }

  public Optional<Instant> deadline(ClockKind kind) {
    return clock(kind).flatMap(ContractClock::deadline);
  }

  /** Acknowledgement, staff public comment or staff status change: the GTI is met or missed. */
  public void firstEngineerAction(Instant at) {
    if (intervention != null) {
      intervention.stop(at);
    }
  }

  public void waitForClient(Instant at) {
    each(clock -> clock.pause(at));
  }

  public void clientAnswered(Instant at) {
    each(clock -> clock.resume(at));
  }

  public void resolved(Instant at) {
    if (intervention != null) {
      intervention.stop(at);
    }
    if (resolution != null) {
      resolution.pause(at);
    }
  }

  public void reopened(Instant at) {
    if (resolution != null) {
      resolution.resume(at);
    }
  }

  public void closed(Instant at) {
    each(clock -> clock.stop(at));
  }

  /**
   * The priority changed at {@code at}; {@code engineerActed} says whether the first engineer
   * action already happened (then no GTI is started for a priority that newly has one).
   */
  public void priorityChanged(Priority priority, Instant at, boolean engineerActed) {
    intervention =
        engineerActed && intervention == null
            ? null
            : retargeted(intervention, ClockKind.INTERVENTION, priority, at);
    resolution = retargeted(resolution, ClockKind.RESOLUTION, priority, at);
  }

  /** The thresholds crossed by {@code at} and not reported yet, at most one per clock. */
  public List<Signal> evaluate(Instant at) {
    List<Signal> signals = new ArrayList<>(2);
    if (intervention != null) {
      intervention.evaluate(at).ifPresent(c -> signals.add(new Signal(ClockKind.INTERVENTION, c)));
    }
    if (resolution != null) {
      resolution.evaluate(at).ifPresent(c -> signals.add(new Signal(ClockKind.RESOLUTION, c)));
    }
    return signals;
  }

  /** The earliest instant a clock may cross its next threshold; empty when none can. */
  public Optional<Instant> nextCheck() {
    return Stream.of(intervention, resolution)
        .filter(java.util.Objects::nonNull)
        .map(ContractClock::nextThresholdAt)
        .flatMap(Optional::stream)
        .min(Instant::compareTo);
  }

  private ContractClock retargeted(
      ContractClock clock, ClockKind kind, Priority priority, Instant at) {
    Optional<Duration> target = targets.target(kind, priority);
    if (target.isEmpty()) {
      return null;
    }
    if (clock == null) {
      return ContractClock.start(targets.calendar(), target.get(), at);
    }
    clock.retarget(target.get(), at);
    return clock;
  }

  private void each(java.util.function.Consumer<ContractClock> action) {
    if (intervention != null) {
      action.accept(intervention);
    }
    if (resolution != null) {
      action.accept(resolution);
    }
  }

  private static ContractClock started(
      ContractTargets targets, ClockKind kind, Priority priority, Instant at) {
    return targets
        .target(kind, priority)
        .map(target -> ContractClock.start(targets.calendar(), target, at))
        .orElse(null);
  }
}
