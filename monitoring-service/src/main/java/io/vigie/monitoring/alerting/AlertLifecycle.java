package io.vigie.monitoring.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The life of one alert (one fingerprint): inactive → pending while the condition has held for less
 * than {@code for} → firing → resolved once it has stayed clear for {@code clearFor}. The clear
 * period damps flapping: a check that fails every other minute stays one firing alert instead of
 * paging at each failure. Plain state, so it is persisted and restored as is and a restart never
 * fires an alert twice.
 */
public final class AlertLifecycle {

  /** How long the condition must hold before firing, and stay clear before resolving. */
  public record Timing(Duration forDuration, Duration clearFor) {
    public Timing {
      Objects.requireNonNull(forDuration, "forDuration");
      Objects.requireNonNull(clearFor, "clearFor");
      if (forDuration.isNegative() || clearFor.isNegative()) {
        throw new IllegalArgumentException("durations cannot be negative");
      }
    }
  }

  public enum Status {
    INACTIVE,
    PENDING,
    FIRING
  }

  /** What an observation changed, to publish: the alert fired, or it resolved. */
  public record Change(Kind kind, Instant startedAt, Instant at) {
    public enum Kind {
      FIRED,
      RESOLVED
    }
  }

  private final Timing timing;
  private Status status = Status.INACTIVE;
  private Instant breachingSince;
  private Instant clearSince;
  private Instant lastObservation;
  private int flaps;

  public AlertLifecycle(Timing timing) {
    this.timing = timing;
  }

  /** Restores a persisted lifecycle. */
  public static AlertLifecycle restore(
      Timing timing,
      Status status,
      Instant breachingSince,
      Instant clearSince,
      Instant lastObservation,
      int flaps) {
    AlertLifecycle lifecycle = new AlertLifecycle(timing);
    lifecycle.status = status;
    lifecycle.breachingSince = breachingSince;
    lifecycle.clearSince = clearSince;
    lifecycle.lastObservation = lastObservation;
    lifecycle.flaps = flaps;
    return lifecycle;
  }

  /**
   * Takes one evaluation of the condition at {@code at}. Observations older than the last one (a
   * late or replayed sample) change nothing.
   */
  public Optional<Change> observe(boolean breaching, Instant at) {
    if (lastObservation != null && at.isBefore(lastObservation)) {
      return Optional.empty();
    }
    lastObservation = at;
    return breaching ? breach(at) : clear(at);
  }

  private Optional<Change> breach(Instant at) {
    switch (status) {
      case INACTIVE -> {
        status = Status.PENDING;
        breachingSince = at;
        return fireIfDue(at);
      }
      case PENDING -> {
        return fireIfDue(at);
      }
      case FIRING -> {
        if (clearSince != null) {
          flaps++; // cleared briefly, then back: damped, still the same alert
          clearSince = null;
        }
        return Optional.empty();
      }
      default -> throw new IllegalStateException(status.name());
    }
  }

  private Optional<Change> clear(Instant at) {
    switch (status) {
      case INACTIVE -> {
        return Optional.empty();
      }
      case PENDING -> {
        status = Status.INACTIVE;
        breachingSince = null;
        return Optional.empty();
      }
      case FIRING -> {
        if (clearSince == null) {
          clearSince = at;
        }
        if (Duration.between(clearSince, at).compareTo(timing.clearFor()) < 0) {
          return Optional.empty();
        }
        Change resolved = new Change(Change.Kind.RESOLVED, breachingSince, clearSince);
        status = Status.INACTIVE;
        breachingSince = null;
        clearSince = null;
        flaps = 0;
        return Optional.of(resolved);
      }
      default -> throw new IllegalStateException(status.name());
    }
  }

  private Optional<Change> fireIfDue(Instant at) {
    if (Duration.between(breachingSince, at).compareTo(timing.forDuration()) < 0) {
      return Optional.empty();
    }
    status = Status.FIRING;
    return Optional.of(new Change(Change.Kind.FIRED, breachingSince, at));
  }

  public Status status() {
    return status;
  }

  public Instant breachingSince() {
    return breachingSince;
  }

  public Instant clearSince() {
    return clearSince;
  }

  public Instant lastObservation() {
    return lastObservation;
  }

  /** Times the condition came back while firing but clearing: high means a flapping check. */
  public int flaps() {
    return flaps;
  }
}
