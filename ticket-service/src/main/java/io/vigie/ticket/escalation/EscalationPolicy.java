package io.vigie.ticket.escalation;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.SupportLevel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a ticket moves up a support level by itself: a ticket nobody acted on yet moves from L1 to
 * L2 once its intervention clock (GTI) used the share of its time configured for its priority (e.g.
 * a P1 at 50 %); a ticket whose resolution clock breaches moves one level up (L1 to L2, L2 to L3).
 * A priority without a GTI share never escalates on the GTI.
 */
public final class EscalationPolicy {

  private final Map<Priority, Integer> interventionShare;

  private EscalationPolicy(Map<Priority, Integer> interventionShare) {
    this.interventionShare = interventionShare;
  }

  /**
   * @param interventionShare per priority, the percentage of the GTI (50, 75, 90 or 100) at which
   *     an unacknowledged L1 ticket moves to L2
   */
  public static EscalationPolicy of(Map<Priority, Integer> interventionShare) {
    Map<Priority, Integer> copy = new EnumMap<>(Priority.class);
    interventionShare.forEach(
        (priority, percent) -> {
          if (percent == null || percent < 1 || percent > 100) {
            throw new IllegalArgumentException(
                "escalation share for " + priority + " must be 1 to 100 %, not " + percent);
          }
          copy.put(priority, percent);
        });
    return new EscalationPolicy(copy);
  }

  /** P1 at 50 % of its GTI, P2 at 75 %; P3 and P4 only on a resolution breach. */
  public static EscalationPolicy defaults() {
    return of(Map.of(Priority.P1, 50, Priority.P2, 75));
  }

  /** Per priority, the share of the GTI at which an unacknowledged L1 ticket moves to L2. */
  public Map<Priority, Integer> interventionShares() {
    return Map.copyOf(interventionShare);
  }

  /**
   * The level a ticket moves to when its {@code clock} crossed {@code percent}, if it moves.
   *
   * @param engineerActed whether the first engineer action already happened
   */
  public Optional<SupportLevel> escalation(
      Priority priority, SupportLevel level, boolean engineerActed, ClockKind clock, int percent) {
    if (clock == ClockKind.INTERVENTION) {
      Integer share = interventionShare.get(priority);
      if (!engineerActed && level == SupportLevel.L1 && share != null && percent >= share) {
        return Optional.of(SupportLevel.L2);
      }
      return Optional.empty();
    }
    if (percent >= 100 && level != SupportLevel.L3) {
      return Optional.of(level == SupportLevel.L1 ? SupportLevel.L2 : SupportLevel.L3);
    }
    return Optional.empty();
  }
}
