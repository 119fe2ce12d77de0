package io.vigie.ticket.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class InterventionCalendarTest {

  static final InterventionCalendar.Event KERNEL =
      new InterventionCalendar.Event(
          "0192f3a0-0000-7000-8000-00000000aa01@vigie",
          "INT-2026-000042",
          "Kernel update",
          "Your shop restarts once, for about five minutes; we check it right after. "
              + "A line this long is folded at 75 octets — with accents: é, à, ü.",
          Instant.parse("2026-12-02T22:00:00Z"),
          Instant.parse("2026-12-02T23:30:00Z"),
          false,
          3,
          Instant.parse("2026-11-30T10:00:00Z"));
  static final InterventionCalendar.Event CANCELLED =
      new InterventionCalendar.Event(
          "0192f3a0-0000-7000-8000-00000000aa02@vigie",
          "INT-2026-000043",
          "Switch replacement",
          "Postponed",
          Instant.parse("2026-12-03T22:00:00Z"),
          Instant.parse("2026-12-03T23:00:00Z"),
          true,
          2,
          Instant.parse("2026-11-30T11:00:00Z"));

  @Test
  void linesAreFoldedAt75OctetsNeverInsideACharacter() {
    String line = "DESCRIPTION:" + "é".repeat(100);
    String folded = InterventionCalendar.fold(line + "\r\n");
    for (String part : folded.split("\r\n")) {
      assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    assertThat(InterventionCalendar.fold("SHORT:1\r\n")).isEqualTo("SHORT:1\r\n");
  }

  @Test
  void eachInterventionIsAnEventWithAStableUidItsSequenceAndItsStatus() throws Exception {
    String ics =
        InterventionCalendar.render("Planned interventions — lumiere", List.of(KERNEL, CANCELLED));

    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    calendar.validate();
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(2);
    VEvent first = events.get(0);
    assertThat(first.getUid().orElseThrow().getValue()).isEqualTo(KERNEL.uid());
    assertThat(first.getSequence().getSequenceNo()).isEqualTo(3);
    assertThat(first.getStatus().getValue()).isEqualTo("CONFIRMED");
    assertThat(first.getSummary().getValue()).isEqualTo("INT-2026-000042 Kernel update");
    assertThat(events.get(1).getStatus().getValue()).isEqualTo("CANCELLED");
    // folded at octets, unfolded by the parser into the very text
    assertThat(
            first
                .<net.fortuna.ical4j.model.Property>getProperty("DESCRIPTION")
                .orElseThrow()
                .getValue())
        .isEqualTo(KERNEL.text());

    assertThat(ics)
        .contains("DTSTART:20261202T220000Z\r\n")
        .contains("DTEND:20261202T233000Z\r\n")
        .contains("DTSTAMP:20261130T100000Z\r\n")
        .contains("SEQUENCE:3\r\n")
        .contains("STATUS:CANCELLED\r\n")
        .contains("VERSION:2.0\r\n");
    // one DTSTAMP per event (the last change), not one more for "now"
    assertThat(ics.split("DTSTAMP", -1)).hasSize(3);
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
      assertThat(line).doesNotContain("\n");
    }
  }
}
