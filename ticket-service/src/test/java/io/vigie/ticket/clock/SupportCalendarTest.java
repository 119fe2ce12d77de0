package io.vigie.ticket.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.SupportHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every expected instant below was computed by hand. Paris is UTC+1 in winter (CET) and UTC+2 in
 * summer (CEST); in 2026 it springs forward on Sunday 29 March at 02:00 (to 03:00) and falls back
 * on Sunday 25 October at 03:00 (to 02:00).
 */
class SupportCalendarTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Monday to Friday 09:00-18:00 Paris time, Christmas and New Year's Day off. */
  static SupportCalendar parisOffice() {
    return SupportCalendar.businessHours(
        PARIS,
        List.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)
            .stream()
            .map(d -> new BusinessDay(d, LocalTime.of(9, 0), LocalTime.of(18, 0)))
            .toList(),
        List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
  }

  static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Nested
  class AroundTheClock {

    final SupportCalendar always = SupportCalendar.always();

    @Test
    void anHourIsAnHour() {
      assertThat(always.after(at("2026-11-27T16:55:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-11-27T17:55:00Z"));
      assertThat(always.supportTime(at("2026-11-27T16:55:00Z"), at("2026-11-30T08:55:00Z")))
          .isEqualTo(Duration.ofHours(64));
    }

    @Test
    void springForwardDoesNotShortenTheClock() {
      // 01:30 CET + 4 h of real time = 06:30 CEST (the wall clock shows 5 h)
      assertThat(always.after(at("2026-03-29T00:30:00Z"), Duration.ofHours(4)))
          .isEqualTo(at("2026-03-29T04:30:00Z"));
    }

    @Test
    void fallBackDoesNotLengthenTheClock() {
      // 02:30 CEST + 1 h = 02:30 CET: the same wall-clock reading, one real hour later
      assertThat(always.after(at("2026-10-25T00:30:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-10-25T01:30:00Z"));
      assertThat(always.supportTime(at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z")))
          .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void holidaysAndWeekendsCountAroundTheClock() {
      SupportCalendar fromContract =
          SupportCalendar.of(
              new SupportHours(
                  SupportHours.Coverage.ALWAYS,
                  "Europe/Paris",
                  List.of(),
                  List.of(LocalDate.of(2026, 12, 25))));
      assertThat(fromContract.isAlways()).isTrue();
      assertThat(fromContract.after(at("2026-12-24T23:30:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-12-25T00:30:00Z"));
    }
  }

  @Nested
  class BusinessHours {

    final SupportCalendar office = parisOffice();

    @Test
    void aTicketOpenedFridayAt1755WaitsForMonday() {
      // Friday 27 Nov 17:55 CET: 5 min on Friday, 55 min on Monday from 09:00 -> 09:55 CET
      Instant friday1755 = at("2026-11-27T16:55:00Z");
      assertThat(office.after(friday1755, Duration.ofHours(1)))
          .isEqualTo(at("2026-11-30T08:55:00Z"));
      // 4 h: 5 min on Friday, 3 h 55 on Monday -> 12:55 CET
      assertThat(office.after(friday1755, Duration.ofHours(4)))
          .isEqualTo(at("2026-11-30T11:55:00Z"));
      assertThat(office.supportTime(friday1755, at("2026-11-30T08:55:00Z")))
          .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void exactlyFiveMinutesLeftOnFridayEndsAtClosing() {
      assertThat(office.after(at("2026-11-27T16:55:00Z"), Duration.ofMinutes(5)))
          .isEqualTo(at("2026-11-27T17:00:00Z"));
    }

    @Test
    void aTicketOpenedAtNightStartsCountingAtOpening() {
      // Tuesday 1 Dec 03:00 CET -> opens 09:00 CET (08:00Z) -> 1 h -> 10:00 CET
      assertThat(office.after(at("2026-12-01T02:00:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-12-01T09:00:00Z"));
      assertThat(office.supportTime(at("2026-12-01T02:00:00Z"), at("2026-12-01T08:00:00Z")))
          .isEqualTo(Duration.ZERO);
    }

    @Test
    void openingHoursFollowTheWallClockAcrossSpringForward() {
      // Friday 27 Mar 17:30 CET (16:30Z): 30 min Friday, 30 min Monday 30 Mar from 09:00 CEST
      assertThat(office.after(at("2026-03-27T16:30:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-03-30T07:30:00Z"));
    }

    @Test
    void openingHoursFollowTheWallClockAcrossFallBack() {
      // Friday 23 Oct 17:30 CEST (15:30Z): 30 min Friday, Monday 26 Oct 09:30 CET = 08:30Z
      assertThat(office.after(at("2026-10-23T15:30:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-10-26T08:30:00Z"));
      // a whole working week straddling the change is still 5 x 9 h
      assertThat(office.supportTime(at("2026-10-22T00:00:00Z"), at("2026-10-29T00:00:00Z")))
          .isEqualTo(Duration.ofHours(45));
    }

    @Test
    void anOpeningThatSpansTheChangeCountsTheHoursThatReallyElapse() {
      SupportCalendar sundayNight =
          SupportCalendar.businessHours(
              PARIS,
              List.of(new BusinessDay(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(5, 0))),
              List.of());
      // 29 Mar: 01:00 CET (00:00Z) to 05:00 CEST (03:00Z) is 3 h
      assertThat(sundayNight.supportTime(at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z")))
          .isEqualTo(Duration.ofHours(3));
      // 25 Oct: 01:00 CEST (24 Oct 23:00Z) to 05:00 CET (04:00Z) is 5 h
      assertThat(sundayNight.supportTime(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z")))
          .isEqualTo(Duration.ofHours(5));
      // 4 h of support from 01:00 CEST on 25 Oct ends at 04:00 CET (the second 02:00 is counted)
      assertThat(sundayNight.after(at("2026-10-24T23:00:00Z"), Duration.ofHours(4)))
          .isEqualTo(at("2026-10-25T03:00:00Z"));
    }

    @Test
    void aHolidayIsSkipped() {
      // Thursday 24 Dec 17:30 CET: 30 min, Friday 25 Dec off, weekend, Monday 28 Dec 09:30 CET
      assertThat(office.after(at("2026-12-24T16:30:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-12-28T08:30:00Z"));
      // New Year: Thursday 31 Dec 17:00 CET + 4 h -> 1 h Thursday, Monday 4 Jan 12:00 CET
      assertThat(office.after(at("2026-12-31T16:00:00Z"), Duration.ofHours(4)))
          .isEqualTo(at("2027-01-04T11:00:00Z"));
      assertThat(office.supportTime(at("2026-12-25T00:00:00Z"), at("2026-12-26T00:00:00Z")))
          .isEqualTo(Duration.ZERO);
    }

    @Test
    void aLunchBreakAndAMidnightClosingAreUnderstood() {
      SupportCalendar split =
          SupportCalendar.businessHours(
              PARIS,
              List.of(
                  new BusinessDay(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0)),
                  new BusinessDay(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                  new BusinessDay(DayOfWeek.TUESDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)),
              List.of());
      // Monday 30 Nov 11:00 CET + 2 h -> 1 h before lunch, 1 h after -> 15:00 CET
      assertThat(split.after(at("2026-11-30T10:00:00Z"), Duration.ofHours(2)))
          .isEqualTo(at("2026-11-30T14:00:00Z"));
      // 8 h from Monday 09:00: 3 + 4 on Monday, 1 h on Tuesday from 20:00 -> 21:00 CET
      assertThat(split.after(at("2026-11-30T08:00:00Z"), Duration.ofHours(8)))
          .isEqualTo(at("2026-12-01T20:00:00Z"));
      assertThat(split.supportTime(at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z")))
          .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void theContractShapeIsRead() {
      SupportCalendar fromContract =
          SupportCalendar.of(
              new SupportHours(
                  SupportHours.Coverage.BUSINESS_HOURS,
                  "Europe/Paris",
                  List.of(
                      new BusinessDay(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
                  List.of()));
      assertThat(fromContract.isAlways()).isFalse();
      assertThat(fromContract.after(at("2026-11-27T16:55:00Z"), Duration.ofHours(1)))
          .isEqualTo(at("2026-12-04T08:55:00Z"));
    }
  }

  @Test
  void calendarsThatCannotBeCountedInAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                SupportCalendar.of(
                    new SupportHours(
                        SupportHours.Coverage.BUSINESS_HOURS, "Europe/Atlantis", List.of(), null)))
        .isInstanceOfSatisfying(
            SupportCalendar.InvalidCalendar.class,
            e -> assertThat(e.field()).isEqualTo("supportHours.timeZone"));
    assertThatThrownBy(
            () ->
                SupportCalendar.of(
                    new SupportHours(
                        SupportHours.Coverage.BUSINESS_HOURS, "Europe/Paris", List.of(), null)))
        .isInstanceOfSatisfying(
            SupportCalendar.InvalidCalendar.class,
            e -> assertThat(e.field()).isEqualTo("businessDays"));
    assertThatThrownBy(
            () ->
                SupportCalendar.businessHours(
                    PARIS,
                    List.of(
                        new BusinessDay(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
                        new BusinessDay(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0))),
                    List.of()))
        .isInstanceOfSatisfying(
            SupportCalendar.InvalidCalendar.class,
            e -> assertThat(e.field()).isEqualTo("businessDays[1].closesAt"));
  }

  @Test
  void aCalendarThatNeverOpensIsReportedNotLoopedOn() {
    SupportCalendar onlyOnAHoliday =
        SupportCalendar.businessHours(
            PARIS,
            List.of(new BusinessDay(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
            java.util.stream.Stream.iterate(LocalDate.of(2026, 11, 27), d -> d.plusWeeks(1))
                .limit(600)
                .toList());
    assertThatThrownBy(() -> onlyOnAHoliday.after(at("2026-11-27T08:00:00Z"), Duration.ofHours(1)))
        .isInstanceOf(SupportCalendar.InvalidCalendar.class);
  }
}
