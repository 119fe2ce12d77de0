package io.vigie.ticket.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One contract clock of a ticket (time to intervention or time to resolution), counted in support
 * time on the client's {@link SupportCalendar}.
 *
 * <p>The clock runs in segments: {@link #pause} (waiting for the client, or the ticket resolved)
 * and {@link #stop} (the goal was reached) close the running segment and add its support time to
 * {@code consumed}; {@link #resume} opens a new one. {@link #retarget} (the priority changed)
 * closes the segment at that instant too and keeps the time already used: the deadline moves, the
 * past does not. {@link #evaluate} reports the warning thresholds (50, 75 and 90 %) and the breach
 * (100 %) crossed since the last call, each threshold at most once over the clock's life; when
 * several were crossed since the last call (after a restart, or a priority raised), only the
 * highest is reported and the lower ones count as passed, so nobody is warned at 50 % of a clock
 * that is already breached. Everything the clock knows is in its {@link State}, which is persisted
 * with the ticket and restored after a restart as it was.
 */
public final class ContractClock {

  /** The thresholds reported, in percent of the target; 100 is the breach. */
  public static final List<Integer> THRESHOLDS = List.of(50, 75, 90, 100);

  /** Whether the clock is counting. */
  public enum Phase {
    RUNNING,
    PAUSED,
    /** Reached its goal (or the ticket was closed): it never runs again. */
    STOPPED
  }

  /**
   * What is persisted.
   *
   * @param target the support time allowed for the current priority
   * @param consumed support time used in the segments closed so far
   * @param since start of the running segment, or when the clock was paused or stopped
   * @param lastThreshold the highest threshold reported (0 when none)
   */
  public record State(
      Duration target,
      Duration consumed,
      Phase phase,
      Instant since,
      int lastThreshold,
      Instant startedAt) {}

  /** A threshold crossed: {@code percent} 100 is the breach. */
  public record Crossing(int percent, Instant reachedAt, Instant deadline) {
    public boolean isBreach() {
      return percent >= 100;
    }
  }

  private final SupportCalendar calendar;
  private State state;

  private ContractClock(SupportCalendar calendar, State state) {
    this.calendar = calendar;
    this.state = state;
  }

  /** A clock of {@code target} support time started at {@code at}. */
  public static ContractClock start(SupportCalendar calendar, Duration target, Instant at) {
    requirePositive(target);
    return new ContractClock(calendar, new State(target, Duration.ZERO, Phase.RUNNING, at, 0, at));
  }

  /** The clock as it was persisted. */
  public static ContractClock restore(SupportCalendar calendar, State state) {
    return new ContractClock(calendar, state);
  }

  public State state() {
    return state;
  }

  public Phase phase() {
    return state.phase();
  }

  /** Support time used up to {@code at}. */
  public Duration consumedAt(Instant at) {
    if (state.phase() != Phase.RUNNING) {
      return state.consumed();
    }
    return state.consumed().plus(calendar.supportTime(state.since(), at));
  }

  /**
   * The instant the target is reached if the clock keeps running; empty while paused or stopped.
   * When the target was already used up before the running segment began, that segment's start.
   */
  public Optional<Instant> deadline() {
    if (state.phase() != Phase.RUNNING) {
      return Optional.empty();
    }
    return Optional.of(reachedAt(state.target()));
  }

  /**
   * When the next threshold not yet reported will be crossed if the clock keeps running; empty
   * while paused or stopped, or once the breach was reported. What the clock job waits for.
   */
  public Optional<Instant> nextThresholdAt() {
    if (state.phase() != Phase.RUNNING) {
      return Optional.empty();
    }
    return THRESHOLDS.stream()
        .filter(percent -> percent > state.lastThreshold())
        .findFirst()
        .map(percent -> reachedAt(share(percent)));
  }

  /** Whether the target was kept: judged at {@code at} for a running clock. */
  public boolean metAt(Instant at) {
    return consumedAt(at).compareTo(state.target()) < 0;
  }

  /** Stops counting from {@code at} (waiting for the client, ticket resolved); idempotent. */
  public void pause(Instant at) {
    if (state.phase() == Phase.RUNNING) {
      state = closeSegment(at, Phase.PAUSED);
    }
  }

  /** Counts again from {@code at}; a stopped clock stays stopped. */
  public void resume(Instant at) {
    if (state.phase() == Phase.PAUSED) {
      Instant from = at.isBefore(state.since()) ? state.since() : at;
      state =
          new State(
              state.target(),
              state.consumed(),
              Phase.RUNNING,
              from,
              state.lastThreshold(),
              state.startedAt());
    }
  }

  /** The clock reached its goal at {@code at} (first engineer action, resolution); final. */
  public void stop(Instant at) {
    if (state.phase() == Phase.RUNNING) {
      state = closeSegment(at, Phase.STOPPED);
    } else if (state.phase() == Phase.PAUSED) {
      state =
          new State(
              state.target(),
              state.consumed(),
              Phase.STOPPED,
              state.since(),
              state.lastThreshold(),
              state.startedAt());
    }
  }

  /**
   * The priority changed at {@code at}: the time already used stays, the target becomes {@code
   * newTarget}. Thresholds already reported stay reported.
   */
  public void retarget(Duration newTarget, Instant at) {
    requirePositive(newTarget);
    State closed = state.phase() == Phase.RUNNING ? closeSegment(at, Phase.RUNNING) : state;
    state =
        new State(
            newTarget,
            closed.consumed(),
            closed.phase(),
            closed.since(),
            closed.lastThreshold(),
            closed.startedAt());
  }

  /**
   * The threshold crossed by {@code at} and not reported yet, if any (the highest when several
   * were); a stopped clock reports nothing more.
   */
  public Optional<Crossing> evaluate(Instant at) {
    if (state.phase() == Phase.STOPPED) {
      return Optional.empty();
    }
    Duration used = consumedAt(at);
    for (int i = THRESHOLDS.size() - 1; i >= 0; i--) {
      int percent = THRESHOLDS.get(i);
      if (percent <= state.lastThreshold()) {
        return Optional.empty();
      }
      Duration amount = share(percent);
      if (used.compareTo(amount) >= 0) {
        Crossing crossing = new Crossing(percent, reachedAt(amount), reachedAt(state.target()));
        state =
            new State(
                state.target(),
                state.consumed(),
                state.phase(),
                state.since(),
                percent,
                state.startedAt());
        return Optional.of(crossing);
      }
    }
    return Optional.empty();
  }

  /** {@code percent} of the target, to the millisecond. */
  private Duration share(int percent) {
    return Duration.ofMillis(state.target().toMillis() * percent / 100);
  }

  /**
   * When the clock's consumption reaches {@code amount}: inside the running segment when it is
   * reached there; otherwise (already used up before) the segment's start or the pause.
   */
  private Instant reachedAt(Duration amount) {
    Duration left = amount.minus(state.consumed());
    if (state.phase() != Phase.RUNNING || left.isNegative() || left.isZero()) {
      return state.since();
    }
    return calendar.after(state.since(), left);
  }

  private State closeSegment(Instant at, Phase next) {
    Instant end = at.isBefore(state.since()) ? state.since() : at;
    return new State(
        state.target(),
        state.consumed().plus(calendar.supportTime(state.since(), end)),
        next,
        end,
        state.lastThreshold(),
        state.startedAt());
  }

  private static void requirePositive(Duration target) {
    if (target == null || target.isZero() || target.isNegative()) {
      throw new IllegalArgumentException("a clock target must be a positive duration");
    }
  }
}
