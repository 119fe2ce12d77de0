package io.vigie.ticket.oncall.paging;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.inventory.SupportHours;
import io.vigie.ticket.clock.SupportCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When paging starts for a ticket: a P1 pages at once; a lower priority follows its contract's
 * support hours, so a P3 opened at night waits for the morning's opening (in the contract's time
 * zone, minus its holidays) unless the contract is 24/7. A ticket without a contract (an internal
 * parent incident, a client without one) pages at once: nobody is left unpaged for want of a
 * calendar. Plain Java.
 */
public final class PagingHours {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  private PagingHours() {}

  /**
   * The instant paging starts, {@code now} or later.
   *
   * @throws SupportCalendar.InvalidCalendar when the contract's support hours cannot be read
   */
  public static Instant startsAt(Priority priority, SupportHours hours, Instant now) {
    if (priority == Priority.P1 || hours == null) {
      return now;
    }
    return SupportCalendar.of(hours).nextSupportInstant(now);
  }

  /** {@code at} as people of the contract read it: {@code 2026-12-07 09:00 CET (Europe/Paris)}. */
  public static String local(Instant at, SupportHours hours) {
    ZoneId zone = ZoneId.of(hours.timeZone());
    return LOCAL.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }
}
