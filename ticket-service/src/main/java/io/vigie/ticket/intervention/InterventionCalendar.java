package io.vigie.ticket.intervention;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A client's interventions as an RFC 5545 calendar (ical4j): one VEVENT per intervention that was
 * scheduled, with a UID stable across updates, DTSTAMP and LAST-MODIFIED at its last change, a
 * SEQUENCE bumped with every change a calendar shows, times in UTC, and STATUS:CANCELLED once it is
 * cancelled. An intervention ended early ends there. Plain Java: the feed's content without HTTP.
 */
public final class InterventionCalendar {

  static final String PRODID = "-//Vigie//Planned interventions//EN";

  private InterventionCalendar() {}

  /** What one event shows. */
  public record Event(
      String uid,
      String reference,
      String title,
      String text,
      Instant startsAt,
      Instant endsAt,
      boolean cancelled,
      int sequence,
      Instant changedAt) {}

  /** The event of an intervention as the feed shows it, or null when it was never scheduled. */
  static Event of(Intervention i) {
    if (i.scheduledAt == null) {
      return null;
    }
    Instant end = i.endedAt != null && i.endedAt.isBefore(i.endsAt) ? i.endedAt : i.endsAt;
    if (!end.isAfter(i.startsAt)) {
      end = i.endsAt;
    }
    return new Event(
        i.id + "@vigie",
        i.reference,
        i.title,
        i.clientText,
        i.startsAt,
        end,
        i.status == InterventionStatus.CANCELLED,
        i.sequence,
        i.updatedAt);
  }

  /** The whole calendar, CRLF line ends and lines folded at 75 octets. */
  public static String render(String name, List<Event> events) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    for (Event e : events) {
      VEvent event = new VEvent(e.startsAt(), e.endsAt(), e.reference() + " " + e.title());
      event.add(new Uid(e.uid()));
      event.replace(new DtStamp(e.changedAt()));
      event.add(new LastModified(e.changedAt()));
      event.add(new Sequence(e.sequence()));
      event.add(
          e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
      event.add(new Description(e.text()));
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      // ical4j folds by characters; RFC 5545 counts octets, so lines are folded here instead
      new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fold(out.toString());
  }

  /**
   * Folds every content line longer than 75 octets (RFC 5545 3.1): CRLF and one space before each
   * continuation, never inside a UTF-8 character.
   */
  static String fold(String unfolded) {
    StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 60);
    for (String line : unfolded.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int octets = 0;
      int limit = 75;
      for (int i = 0; i < line.length(); ) {
        int codePoint = line.codePointAt(i);
        int size = utf8Length(codePoint);
        if (octets + size > limit) {
          folded.append("\r\n ");
          octets = 1;
        }
        folded.appendCodePoint(codePoint);
        octets += size;
        i += Character.charCount(codePoint);
      }
      folded.append("\r\n");
    }
    return folded.toString();
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
