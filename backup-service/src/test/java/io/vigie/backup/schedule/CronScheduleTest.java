package io.vigie.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void nightlyFilesAtOneInParisAreDueAtMidnightUtcInWinter() {
    CronSchedule nightly = CronSchedule.parse("0 1 * * *", PARIS);
    assertThat(nightly.next(at("2026-11-21T12:00:00Z"))).contains(at("2026-11-22T00:00:00Z"));
    // in summer Paris is UTC+2
    assertThat(nightly.next(at("2026-07-01T12:00:00Z"))).contains(at("2026-07-01T23:00:00Z"));
    // strictly after: a due time is not due again
    assertThat(nightly.next(at("2026-11-22T00:00:00Z"))).contains(at("2026-11-23T00:00:00Z"));
  }

  @Test
  void evenAndOddDaysSplitEveryDayBetweenTwoRepositories() {
    CronSchedule even = CronSchedule.parse("0 1 2-30/2 * *", PARIS);
    CronSchedule odd = CronSchedule.parse("0 1 1-31/2 * *", PARIS);
    Instant from = at("2026-01-27T12:00:00Z");
    Instant to = at("2026-02-03T12:00:00Z");
    assertThat(even.dueTimes(from, to))
        .containsExactly(
            at("2026-01-28T00:00:00Z"), at("2026-01-30T00:00:00Z"), at("2026-02-02T00:00:00Z"));
    // the 31st and the 1st are both odd, as in cron
    assertThat(odd.dueTimes(from, to))
        .containsExactly(
            at("2026-01-29T00:00:00Z"),
            at("2026-01-31T00:00:00Z"),
            at("2026-02-01T00:00:00Z"),
            at("2026-02-03T00:00:00Z"));
    List<Instant> both = new ArrayList<>(even.dueTimes(from, to));
    both.addAll(odd.dueTimes(from, to));
    assertThat(both).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  void everyTwoHoursFollowsTheClockAcrossTheSpringShift() {
    // 2026-03-29 02:00 Paris does not exist: clocks go from 02:00 (+01) to 03:00 (+02)
    CronSchedule everyTwoHours = CronSchedule.parse("0 */2 * * *", PARIS);
    assertThat(everyTwoHours.dueTimes(at("2026-03-28T22:30:00Z"), at("2026-03-29T04:00:00Z")))
        .containsExactly(
            at("2026-03-28T23:00:00Z"), // 00:00 +01
            at("2026-03-29T02:00:00Z"), // 04:00 +02; 02:00 was skipped by the clock
            at("2026-03-29T04:00:00Z")); // 06:00 +02
  }

  @Test
  void aFixedTimeInTheSkippedHourIsDueAtTheShift() {
    CronSchedule twoThirty = CronSchedule.parse("30 2 * * *", PARIS);
    assertThat(twoThirty.next(at("2026-03-28T12:00:00Z"))).contains(at("2026-03-29T01:00:00Z"));
    assertThat(twoThirty.next(at("2026-03-29T01:00:00Z"))).contains(at("2026-03-30T00:30:00Z"));
  }

  @Test
  void theAutumnShiftRunsAFixedTimeOnceAndAnHourlyJobEveryRealHour() {
    // 2026-10-25 03:00 (+02) becomes 02:00 (+01): local 02:xx happens twice
    CronSchedule twoThirty = CronSchedule.parse("30 2 * * *", PARIS);
    assertThat(twoThirty.dueTimes(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z")))
        .containsExactly(at("2026-10-25T00:30:00Z"));
    CronSchedule hourly = CronSchedule.parse("30 * * * *", PARIS);
    assertThat(hourly.dueTimes(at("2026-10-24T23:00:00Z"), at("2026-10-25T03:00:00Z")))
        .containsExactly(
            at("2026-10-24T23:30:00Z"), // 01:30 +02
            at("2026-10-25T00:30:00Z"), // 02:30 +02
            at("2026-10-25T01:30:00Z"), // 02:30 +01
            at("2026-10-25T02:30:00Z")); // 03:30 +01
  }

  @Test
  void dayOfMonthAndDayOfWeekCombineLikeCron() {
    // restricted both: the 1st or any Monday
    CronSchedule firstOrMonday = CronSchedule.parse("0 3 1 * mon", ZoneId.of("UTC"));
    assertThat(firstOrMonday.dueTimes(at("2026-05-30T00:00:00Z"), at("2026-06-09T00:00:00Z")))
        .containsExactly(at("2026-06-01T03:00:00Z"), at("2026-06-08T03:00:00Z"));
    // day of month left open: Sundays only (0 and 7 are both Sunday)
    CronSchedule sundays = CronSchedule.parse("0 3 * * 7", ZoneId.of("UTC"));
    assertThat(sundays.next(at("2026-06-01T00:00:00Z"))).contains(at("2026-06-07T03:00:00Z"));
    assertThat(CronSchedule.parse("@weekly", ZoneId.of("UTC")).next(at("2026-06-01T00:00:00Z")))
        .contains(at("2026-06-07T00:00:00Z"));
    assertThat(
            CronSchedule.parse("15 4 * jan-mar/2 *", ZoneId.of("UTC"))
                .next(at("2026-02-01T00:00:00Z")))
        .contains(at("2026-03-01T04:15:00Z"));
  }

  @Test
  void refusesWhatCronWouldNotRunNamingTheField() {
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", PARIS))
        .hasMessage("hour: 25 is outside 0-23");
    assertThatThrownBy(() -> CronSchedule.parse("0 1 * *", PARIS))
        .hasMessageContaining("expected five fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 30 2 *", PARIS))
        .hasMessage("'0 0 30 2 *' is never due");
    assertThatThrownBy(() -> CronSchedule.parse("x 1 * * *", PARIS))
        .hasMessage("minute: 'x' is not a number or a name");
    assertThatThrownBy(() -> CronSchedule.parse("0 5-2 * * *", PARIS))
        .hasMessage("hour: range '5-2' runs backwards");
    assertThatThrownBy(() -> CronSchedule.parse("*/0 1 * * *", PARIS))
        .hasMessage("minute: 0 is outside 1-59");
  }

  @Test
  void theFastPathAgreesWithTheFullExpansionAcrossZonesAndTheirShifts() {
    List<String> expressions =
        List.of(
            "* * * * *",
            "*/7 */3 * * *",
            "0 1 2-30/2 * *",
            "30 2 * * *",
            "15 1-3 * * 0",
            "@hourly",
            "5 4 * * MON-FRI",
            "0 0 29 2 *",
            "*/5 2 * * *",
            "59 23 31 * *",
            "0 */2 * * *");
    List<ZoneId> zones =
        List.of(
            PARIS,
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // a 30-minute shift
            ZoneId.of("Pacific/Apia"), // skipped 2011-12-30 entirely
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("UTC"));
    java.util.Random random = new java.util.Random(20261130);
    int compared = 0;
    for (ZoneId zone : zones) {
      // instants around each of the zone's shifts from 2011 to 2027, and anywhere in between
      List<Instant> instants = new ArrayList<>();
      java.time.zone.ZoneOffsetTransition shift =
          zone.getRules().nextTransition(at("2011-01-01T00:00:00Z"));
      while (shift != null && shift.getInstant().isBefore(at("2027-12-31T00:00:00Z"))) {
        instants.add(shift.getInstant().plusSeconds(random.nextInt(6 * 3600) - 3 * 3600));
        shift = zone.getRules().nextTransition(shift.getInstant());
      }
      for (int i = 0; i < 40; i++) {
        instants.add(at("2011-01-01T00:00:00Z").plusSeconds(random.nextLong(17L * 365 * 86400)));
      }
      for (String expression : expressions) {
        CronSchedule schedule = CronSchedule.parse(expression, zone);
        for (Instant after : instants) {
          assertThat(schedule.next(after))
              .as("%s after %s", schedule, after)
              .isEqualTo(schedule.nextByExpansion(after));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(2_000);
  }
}
