package io.vigie.ticket.oncall.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A rotation: its participants take turns, each for {@code shiftDays} days, handing off at {@code
 * handoff} local time in {@code zone}, the first from {@code firstHandoff}. Hand-offs are counted
 * in local dates, so a hand-off at 09:00 stays at 09:00 across DST changes (the shift that spans
 * one is an hour shorter or longer); a hand-off time the spring change skips happens just after the
 * gap. Plain Java.
 */
public record Rotation(
    List<String> participants,
    int shiftDays,
    LocalTime handoff,
    ZoneId zone,
    LocalDate firstHandoff) {

  public Rotation {
    participants = List.copyOf(participants);
    if (participants.isEmpty() || shiftDays < 1) {
      throw new IllegalArgumentException("a rotation needs participants and a shift of 1+ days");
    }
  }

  /** The instant of hand-off number {@code k} (0 is the first). */
  public Instant handoff(long k) {
    return ZonedDateTime.of(firstHandoff.plusDays(k * shiftDays), handoff, zone).toInstant();
  }

  /** The number of the shift running at {@code at}; negative before the first hand-off. */
  public long shiftAt(Instant at) {
    LocalDate local = at.atZone(zone).toLocalDate();
    long k = Math.floorDiv(ChronoUnit.DAYS.between(firstHandoff, local), shiftDays);
    while (handoff(k).isAfter(at)) {
      k--;
    }
    while (!handoff(k + 1).isAfter(at)) {
      k++;
    }
    return k;
  }

  /** Who holds the rotation at {@code at}, or null before its first hand-off. */
  public String holder(Instant at) {
    long k = shiftAt(at);
    return k < 0 ? null : participants.get((int) Math.floorMod(k, participants.size()));
  }
}
