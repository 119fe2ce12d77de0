package io.vigie.ticket.clock;

import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A contract's promised times per priority. A priority the contract does not list, or a resolution
 * time it leaves out, runs no clock: nothing was promised.
 */
public final class ContractTargets {

  private final Map<Priority, PriorityTarget> byPriority;
  private final SupportCalendar calendar;
  private final Duration resolutionOverride;

  private ContractTargets(Map<Priority, PriorityTarget> byPriority, SupportCalendar calendar) {
    this(byPriority, calendar, null);
  }

  private ContractTargets(
      Map<Priority, PriorityTarget> byPriority,
      SupportCalendar calendar,
      Duration resolutionOverride) {
    this.byPriority = byPriority;
    this.calendar = calendar;
    this.resolutionOverride = resolutionOverride;
  }

  /**
   * These targets with one resolution time for every priority, counted on the same calendar: a
   * self-service request is handled within its category's time (24 h, 48 h) whatever its priority.
   * A null or non-positive time changes nothing.
   */
  public ContractTargets withResolution(Duration within) {
    if (within == null || within.isZero() || within.isNegative()) {
      return this;
    }
    return new ContractTargets(byPriority, calendar, within);
  }

  /** The targets of a contract; null terms (no contract) promise nothing. */
  public static ContractTargets of(ContractTerms terms) {
    Map<Priority, PriorityTarget> targets = new EnumMap<>(Priority.class);
    if (terms == null) {
      return new ContractTargets(targets, SupportCalendar.always());
    }
    if (terms.priorityTargets() != null) {
      for (PriorityTarget target : terms.priorityTargets()) {
        if (target != null && target.priority() != null) {
          targets.put(target.priority(), target);
        }
      }
    }
    return new ContractTargets(targets, SupportCalendar.of(terms.supportHours()));
  }

  public SupportCalendar calendar() {
    return calendar;
  }

  /** The support time allowed for {@code clock} at {@code priority}, if one was promised. */
  public Optional<Duration> target(ClockKind clock, Priority priority) {
    if (clock == ClockKind.RESOLUTION && resolutionOverride != null) {
      return Optional.of(resolutionOverride);
    }
    PriorityTarget target = byPriority.get(priority);
    if (target == null) {
      return Optional.empty();
    }
    Duration time =
        clock == ClockKind.INTERVENTION ? target.timeToIntervention() : target.timeToResolution();
    return time == null || time.isZero() || time.isNegative()
        ? Optional.empty()
        : Optional.of(time);
  }
}
