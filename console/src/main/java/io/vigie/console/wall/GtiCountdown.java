package io.vigie.console.wall;

import io.vigie.console.api.ClockView;
import java.time.Duration;
import java.time.Instant;

/**
 * How an incident's time to intervention (GTI) stands at an instant, as the wall shows it: the time
 * left while the clock runs, urgent (red) in its last quarter or last 15 minutes, whichever is
 * longer, and breached once the deadline has passed, which the wall shows as a fact rather than in
 * red: red is a call to act before the breach, not after. Plain Java, tested alone.
 *
 * @param remaining time left to the deadline; negative when breached, zero when not running
 */
public record GtiCountdown(State state, Duration remaining) {

  static final Duration URGENT_AT_LEAST = Duration.ofMinutes(15);

  public enum State {
    /** No GTI clock on the ticket (a request, or a contract without one). */
    NONE,
    /** An engineer took it in time. */
    MET,
    /** Paused outside the contract's support hours or while waiting for the client. */
    PAUSED,
    RUNNING,
    /** Running, and close to its deadline: the wall shows it in red. */
    URGENT,
    /** The deadline passed without intervention (running or stopped). */
    BREACHED
  }

  public static GtiCountdown of(ClockView clock, Instant now) {
    if (clock == null || clock.phase() == null) {
      return new GtiCountdown(State.NONE, Duration.ZERO);
    }
    if (Boolean.TRUE.equals(clock.met())) {
      return new GtiCountdown(State.MET, Duration.ZERO);
    }
    if (clock.deadline() == null) {
      return new GtiCountdown(
          "PAUSED".equals(clock.phase()) ? State.PAUSED : State.NONE, Duration.ZERO);
    }
    Duration left = Duration.between(now, clock.deadline());
    if ("STOPPED".equals(clock.phase())) {
      return Boolean.FALSE.equals(clock.met())
          ? new GtiCountdown(State.BREACHED, left.isNegative() ? left : Duration.ZERO)
          : new GtiCountdown(State.MET, Duration.ZERO);
    }
    if ("PAUSED".equals(clock.phase())) {
      return new GtiCountdown(State.PAUSED, left);
    }
    if (!left.isPositive()) {
      return new GtiCountdown(State.BREACHED, left);
    }
    Duration quarter = clock.target() == null ? Duration.ZERO : clock.target().dividedBy(4);
    Duration urgentWithin = quarter.compareTo(URGENT_AT_LEAST) > 0 ? quarter : URGENT_AT_LEAST;
    return new GtiCountdown(left.compareTo(urgentWithin) <= 0 ? State.URGENT : State.RUNNING, left);
  }

  public boolean urgent() {
    return state == State.URGENT;
  }

  public boolean breached() {
    return state == State.BREACHED;
  }

  public boolean running() {
    return state == State.RUNNING || state == State.URGENT;
  }

  public boolean met() {
    return state == State.MET;
  }

  public boolean paused() {
    return state == State.PAUSED;
  }

  /** The time left or overdue, to the minute: {@code 42 min}, {@code 1 h 05 min}. */
  public String amount() {
    long minutes = remaining.abs().toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    return String.format("%d h %02d min", minutes / 60, minutes % 60);
  }
}
