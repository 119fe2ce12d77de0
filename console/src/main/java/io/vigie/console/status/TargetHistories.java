package io.vigie.console.status;

import io.vigie.console.ServiceCalls;
import io.vigie.console.VigieService;
import io.vigie.console.api.TargetAvailability;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A published target's availability over the status page's period, with the hour monitoring first
 * checked it. Monitoring's availability counts the time before a target's first check as up (its
 * answer over 90 days does not say when checking began), so a target added a week ago would show 83
 * green days it never had. Its answer for a shorter period does tell: {@code checks} is 0 when no
 * result of the target came before that period's end. So the first checked hour is found by halving
 * the period (one call when the target was checked before the period, about 12 when it was not),
 * and kept: a first check does not move.
 */
final class TargetHistories {

  static final Duration HOUR = Duration.ofHours(1);

  private final ServiceCalls calls;
  private final Map<String, Instant> firstChecked = new ConcurrentHashMap<>();

  TargetHistories(ServiceCalls calls) {
    this.calls = calls;
  }

  /**
   * @param target {@code serverId=<id>} or {@code hostedServiceId=<id>}
   * @param from the period's start, on the hour
   */
  Uptime.Measured read(String token, String target, Instant from, Instant now) {
    TargetAvailability availability =
        availability(token, target, from, now.truncatedTo(ChronoUnit.SECONDS));
    if (availability == null || availability.checks() == null || availability.checks() == 0) {
      return new Uptime.Measured(availability, null);
    }
    Instant first = firstChecked.get(target);
    if (first == null) {
      first = firstCheckedHour(from, now, end -> checkedBefore(token, target, end));
      firstChecked.put(target, first);
    }
    return new Uptime.Measured(availability, first.isAfter(from) ? first : null);
  }

  /**
   * The start of the hour of {@code [from, now)} in which the first result came ({@code from} when
   * one came before it), given that one came before {@code now}; {@code checkedBefore(end)} says
   * whether one came before {@code end}. The hour ending at or after {@code now} is never asked.
   */
  static Instant firstCheckedHour(Instant from, Instant now, Predicate<Instant> checkedBefore) {
    long hours = Math.max(1, (Duration.between(from, now).toSeconds() + 3599) / 3600);
    if (hours == 1 || checkedBefore.test(from.plus(HOUR))) {
      return from;
    }
    long low = 1;
    long high = hours - 1;
    while (low < high) {
      long middle = (low + high) / 2;
      if (checkedBefore.test(from.plus(HOUR.multipliedBy(middle + 1)))) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return from.plus(HOUR.multipliedBy(low));
  }

  private boolean checkedBefore(String token, String target, Instant end) {
    TargetAvailability hour = availability(token, target, end.minus(HOUR), end);
    return hour != null && hour.checks() != null && hour.checks() > 0;
  }

  private TargetAvailability availability(String token, String target, Instant from, Instant to) {
    return calls.get(
        VigieService.MONITORING,
        "/api/v1/availability?" + target + "&from=" + from + "&to=" + to,
        token,
        TargetAvailability.class);
  }
}
