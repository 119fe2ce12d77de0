package io.vigie.monitoring.availability;

import io.vigie.monitoring.availability.Availability.Interval;
import io.vigie.monitoring.availability.Availability.StateChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Down intervals of a target from its availability checks' history: a check is down from a CRITICAL
 * result until its next non-CRITICAL one (WARNING and UNKNOWN count as up: the service answers, or
 * the check itself failed); the target is down while any of its checks is.
 */
public final class CheckDowntimes {

  private CheckDowntimes() {}

  /**
   * One result of one check.
   *
   * @param check identifies the check, e.g. its server and name
   */
  public record Sample(String check, Instant at, boolean critical) {}

  /**
   * The (possibly overlapping) down intervals within {@code [from, until)}.
   *
   * @param samples each check's results in the period, plus its last result before {@code from},
   *     which gives its state at the start (a check without one starts up)
   */
  public static List<Interval> of(List<Sample> samples, Instant from, Instant until) {
    Map<String, List<Sample>> byCheck = new LinkedHashMap<>();
    samples.stream()
        .filter(s -> s.at().isBefore(until))
        .sorted(Comparator.comparing(Sample::at))
        .forEach(s -> byCheck.computeIfAbsent(s.check(), c -> new ArrayList<>()).add(s));
    List<Interval> down = new ArrayList<>();
    for (List<Sample> history : byCheck.values()) {
      boolean initiallyUp = true;
      List<StateChange> changes = new ArrayList<>();
      for (Sample s : history) {
        if (s.at().isBefore(from)) {
          initiallyUp = !s.critical();
        } else {
          changes.add(new StateChange(s.at(), !s.critical()));
        }
      }
      down.addAll(Availability.downtimes(changes, initiallyUp, from, until));
    }
    return down;
  }

  /** How many distinct checks the samples come from. */
  public static int checks(List<Sample> samples) {
    return (int) samples.stream().map(Sample::check).distinct().count();
  }
}
