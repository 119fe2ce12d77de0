package io.vigie.ticket.oncall.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A layer of a schedule: a rotation, active all day, or only between {@code activeFrom} and {@code
 * activeUntil} local time every day (an until at or before the from wraps past midnight: 19:00 to
 * 08:00 is the nights). Plain Java.
 */
public record Layer(String name, Rotation rotation, LocalTime activeFrom, LocalTime activeUntil) {

  /** Whether the layer covers {@code at} (its rotation may still have nobody yet). */
  public boolean active(Instant at) {
    if (activeFrom == null || activeUntil == null) {
      return true;
    }
    LocalTime local = at.atZone(rotation.zone()).toLocalTime();
    if (activeFrom.isBefore(activeUntil)) {
      return !local.isBefore(activeFrom) && local.isBefore(activeUntil);
    }
    return !local.isBefore(activeFrom) || local.isBefore(activeUntil);
  }

  /** Who this layer puts on call at {@code at}, or null. */
  public String onCall(Instant at) {
    return active(at) ? rotation.holder(at) : null;
  }

  /** Every instant in {@code [from, to)} at which this layer may change who it puts on call. */
  void boundaries(Instant from, Instant to, java.util.Collection<Instant> into) {
    long k = Math.max(0, rotation.shiftAt(from) + 1);
    for (Instant h = rotation.handoff(k); h.isBefore(to); h = rotation.handoff(++k)) {
      if (h.isAfter(from)) {
        into.add(h);
      }
    }
    if (activeFrom != null && activeUntil != null) {
      var day = from.atZone(rotation.zone()).toLocalDate().minusDays(1);
      while (true) {
        Instant start = ZonedDateTime.of(day, activeFrom, rotation.zone()).toInstant();
        Instant end = ZonedDateTime.of(day, activeUntil, rotation.zone()).toInstant();
        if (start.isAfter(to) && end.isAfter(to)) {
          break;
        }
        for (Instant edge : new Instant[] {start, end}) {
          if (edge.isAfter(from) && edge.isBefore(to)) {
            into.add(edge);
          }
        }
        day = day.plusDays(1);
      }
    }
  }
}
