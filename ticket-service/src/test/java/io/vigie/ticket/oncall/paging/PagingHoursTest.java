package io.vigie.ticket.oncall.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.inventory.SupportHours;
import io.vigie.ticket.clock.SupportCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When paging starts, every expected instant computed by hand. Paris is UTC+1 in winter (CET) and
 * UTC+2 in summer (CEST); in 2026 it springs forward on Sunday 29 March at 02:00 (to 03:00) and
 * falls back on Sunday 25 October at 03:00 (to 02:00). 2026-12-04 is a Friday.
 */
class PagingHoursTest {

  /** Monday to Friday 09:00-18:00 Paris time, Christmas off. */
  static final SupportHours OFFICE =
      new SupportHours(
          SupportHours.Coverage.BUSINESS_HOURS,
          "Europe/Paris",
          Arrays.stream(DayOfWeek.values())
              .filter(d -> d.getValue() <= 5)
              .map(d -> new BusinessDay(d, LocalTime.of(9, 0), LocalTime.of(18, 0)))
              .toList(),
          List.of(LocalDate.of(2026, 12, 25)));

  static final SupportHours ALWAYS =
      new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of());

  static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void aP1PagesAtOnceWhateverTheHour() {
    // Saturday 03:00 Paris
    assertThat(PagingHours.startsAt(Priority.P1, OFFICE, at("2026-12-05T02:00:00Z")))
        .isEqualTo(at("2026-12-05T02:00:00Z"));
  }

  @Test
  void aLowerPriorityInsideSupportHoursPagesAtOnce() {
    // Wednesday 10:30 Paris; 09:00 sharp is inside too
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-12-02T09:30:00Z")))
        .isEqualTo(at("2026-12-02T09:30:00Z"));
    assertThat(PagingHours.startsAt(Priority.P2, OFFICE, at("2026-12-02T08:00:00Z")))
        .isEqualTo(at("2026-12-02T08:00:00Z"));
  }

  @Test
  void aP3AtNightWaitsForTheMorning() {
    // Wednesday 02:00 Paris -> Wednesday 09:00 Paris (08:00Z)
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-12-02T01:00:00Z")))
        .isEqualTo(at("2026-12-02T08:00:00Z"));
    // Tuesday 18:00 Paris: closed -> Wednesday 09:00
    assertThat(PagingHours.startsAt(Priority.P4, OFFICE, at("2026-12-01T17:00:00Z")))
        .isEqualTo(at("2026-12-02T08:00:00Z"));
  }

  @Test
  void aFridayEveningOrAWeekendWaitsForMonday() {
    // Friday 18:30 Paris -> Monday 7 December 09:00 Paris
    assertThat(PagingHours.startsAt(Priority.P2, OFFICE, at("2026-12-04T17:30:00Z")))
        .isEqualTo(at("2026-12-07T08:00:00Z"));
    // Saturday 03:00, Sunday 23:59
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-12-05T02:00:00Z")))
        .isEqualTo(at("2026-12-07T08:00:00Z"));
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-12-06T22:59:00Z")))
        .isEqualTo(at("2026-12-07T08:00:00Z"));
  }

  @Test
  void aHolidayIsSkipped() {
    // Thursday 24 December 19:00 Paris -> Friday 25 is Christmas -> Monday 28 09:00
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-12-24T18:00:00Z")))
        .isEqualTo(at("2026-12-28T08:00:00Z"));
  }

  @Test
  void theMorningAfterTheSpringChangeIsInSummerTime() {
    // Saturday 28 March 23:00 Paris (CET) -> Monday 30 March 09:00 CEST = 07:00Z
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-03-28T22:00:00Z")))
        .isEqualTo(at("2026-03-30T07:00:00Z"));
  }

  @Test
  void theMorningAfterTheAutumnChangeIsInWinterTime() {
    // Friday 23 October 20:00 CEST -> Monday 26 October 09:00 CET = 08:00Z
    assertThat(PagingHours.startsAt(Priority.P3, OFFICE, at("2026-10-23T18:00:00Z")))
        .isEqualTo(at("2026-10-26T08:00:00Z"));
  }

  @Test
  void anOpeningInTheSpringGapStartsJustAfterIt() {
    // a Sunday opening at 02:30, a time 29 March 2026 skips: the wall clock moves on by the gap,
    // so it opens at 03:30 CEST (01:30Z), as the contract clocks count it
    SupportHours sundayNight =
        new SupportHours(
            SupportHours.Coverage.BUSINESS_HOURS,
            "Europe/Paris",
            List.of(new BusinessDay(DayOfWeek.SUNDAY, LocalTime.of(2, 30), LocalTime.of(6, 0))),
            List.of());
    assertThat(PagingHours.startsAt(Priority.P2, sundayNight, at("2026-03-28T23:30:00Z")))
        .isEqualTo(at("2026-03-29T01:30:00Z"));
    // in the autumn, 02:30 happens twice: the first one (CEST, 00:30Z)
    assertThat(PagingHours.startsAt(Priority.P2, sundayNight, at("2026-10-24T22:00:00Z")))
        .isEqualTo(at("2026-10-25T00:30:00Z"));
  }

  @Test
  void aroundTheClockOrWithoutAContractPagesAtOnce() {
    assertThat(PagingHours.startsAt(Priority.P4, ALWAYS, at("2026-12-05T02:00:00Z")))
        .isEqualTo(at("2026-12-05T02:00:00Z"));
    assertThat(PagingHours.startsAt(Priority.P3, null, at("2026-12-05T02:00:00Z")))
        .isEqualTo(at("2026-12-05T02:00:00Z"));
  }

  @Test
  void unreadableSupportHoursAreRefusedNamingTheField() {
    SupportHours noZone =
        new SupportHours(
            SupportHours.Coverage.BUSINESS_HOURS, "Mars/Olympus", OFFICE.businessDays(), List.of());
    assertThatThrownBy(() -> PagingHours.startsAt(Priority.P3, noZone, at("2026-12-05T02:00:00Z")))
        .isInstanceOf(SupportCalendar.InvalidCalendar.class)
        .extracting(e -> ((SupportCalendar.InvalidCalendar) e).field())
        .isEqualTo("supportHours.timeZone");
  }

  @Test
  void theHoldIsShownInTheContractsTimeZone() {
    assertThat(PagingHours.local(at("2026-12-07T08:00:00Z"), OFFICE))
        .isEqualTo("2026-12-07 09:00 CET (Europe/Paris)");
    assertThat(PagingHours.local(at("2026-03-30T07:00:00Z"), OFFICE))
        .isEqualTo("2026-03-30 09:00 CEST (Europe/Paris)");
  }
}
