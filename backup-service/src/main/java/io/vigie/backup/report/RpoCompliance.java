package io.vigie.backup.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How long a policy kept its RPO over a period: at each instant the age of the newest good point
 * taken at or before it (before any, of the moment the policy began to be watched, as {@code
 * RpoWatch} judges) must not exceed the RPO. Time before the policy began is not observed; the
 * breaches are the observed stretches where the age exceeded the RPO, each with its start and end.
 */
public final class RpoCompliance {

  /** A stretch of the period where the newest good point was older than the RPO. */
  public record Breach(Instant from, Instant to) {
    public Duration duration() {
      return Duration.between(from, to);
    }
  }

  /**
   * @param observed the part of the period the policy was watched
   * @param within how much of it kept the RPO
   */
  public record Result(Duration observed, Duration within, List<Breach> breaches) {
    /** The share of the observed time within the RPO, 0 to 1; 1 when nothing was observed. */
    public double share() {
      return observed.isZero() ? 1.0 : (double) within.toSeconds() / observed.toSeconds();
    }
  }

  private RpoCompliance() {}

  /**
   * Compliance over {@code [from, to)}.
   *
   * @param watchedSince when the policy began to be watched
   * @param points when each good restore point was taken, any order, any time
   */
  public static Result over(
      Instant from, Instant to, Instant watchedSince, Duration rpo, List<Instant> points) {
    Instant start = watchedSince.isAfter(from) ? watchedSince : from;
    if (!start.isBefore(to)) {
      return new Result(Duration.ZERO, Duration.ZERO, List.of());
    }
    TreeSet<Instant> references = new TreeSet<>();
    references.add(watchedSince);
    for (Instant p : points) {
      if (p.isBefore(to)) {
        references.add(p);
      }
    }
    // each reference keeps the RPO until it is older than the RPO; breaches are the gaps
    List<Breach> breaches = new ArrayList<>();
    Instant coveredUntil = null;
    for (Instant r : references) {
      Instant end = r.plus(rpo);
      if (coveredUntil != null && r.isAfter(coveredUntil)) {
        addClipped(breaches, coveredUntil, r, start, to);
      }
      if (coveredUntil == null || end.isAfter(coveredUntil)) {
        coveredUntil = end;
      }
    }
    if (coveredUntil.isBefore(to)) {
      addClipped(breaches, coveredUntil, to, start, to);
    }
    Duration observed = Duration.between(start, to);
    Duration breached =
        breaches.stream().map(Breach::duration).reduce(Duration.ZERO, Duration::plus);
    return new Result(observed, observed.minus(breached), List.copyOf(breaches));
  }

  private static void addClipped(
      List<Breach> breaches, Instant from, Instant to, Instant start, Instant end) {
    Instant a = from.isBefore(start) ? start : from;
    Instant b = to.isAfter(end) ? end : to;
    if (a.isBefore(b)) {
      breaches.add(new Breach(a, b));
    }
  }
}
