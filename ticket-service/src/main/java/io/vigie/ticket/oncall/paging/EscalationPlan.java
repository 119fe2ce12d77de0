package io.vigie.ticket.oncall.paging;

import java.time.Duration;
import java.util.List;

/**
 * Where a page goes next: through the policy's steps in order, then again from the first step
 * {@code repeat} more times, then nowhere (exhausted). Positions are (round, step), both from 0.
 * Plain Java.
 */
public record EscalationPlan(List<Duration> delays, int repeat) {

  /** A position in the plan. */
  public record Position(int round, int step) {}

  /** The position after {@code at}, or null once every round is done. */
  public Position after(Position at) {
    if (at.step() + 1 < delays.size()) {
      return new Position(at.round(), at.step() + 1);
    }
    if (at.round() < repeat) {
      return new Position(at.round() + 1, 0);
    }
    return null;
  }

  /** How long the page waits at {@code at} before moving on. */
  public Duration delay(Position at) {
    return delays.get(at.step());
  }
}
