package io.vigie.monitoring.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.monitoring.availability.Availability.Interval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

  @Test
  void aOneOffWindowIsItsOwnOnlyOccurrence() {
    Occurrences window =
        Occurrences.of(t("2026-11-03T22:00:00Z"), t("2026-11-03T23:30:00Z"), null, null);

    assertThat(window.within(t("2026-11-01T00:00:00Z"), t("2026-12-01T00:00:00Z")))
        .containsExactly(i("2026-11-03T22:00:00Z", "2026-11-03T23:30:00Z"));
    assertThat(window.within(t("2026-11-04T00:00:00Z"), t("2026-12-01T00:00:00Z"))).isEmpty();
    assertThat(window.contains(t("2026-11-03T22:00:00Z"))).isTrue();
    assertThat(window.contains(t("2026-11-03T23:29:59Z"))).isTrue();
    assertThat(window.contains(t("2026-11-03T23:30:00Z"))).isFalse(); // half-open
    assertThat(window.lastEnd()).contains(t("2026-11-03T23:30:00Z"));
  }

  @Test
  void aWeeklyWindowWithCountStopsAfterItsLastOccurrence() {
    // Tuesday 3 November 2026, 22:00-23:00 UTC, four Tuesdays in all
    Occurrences window =
        Occurrences.of(
            t("2026-11-03T22:00:00Z"),
            t("2026-11-03T23:00:00Z"),
            "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
            "UTC");

    assertThat(window.within(t("2026-11-01T00:00:00Z"), t("2027-01-01T00:00:00Z")))
        .containsExactly(
            i("2026-11-03T22:00:00Z", "2026-11-03T23:00:00Z"),
            i("2026-11-10T22:00:00Z", "2026-11-10T23:00:00Z"),
            i("2026-11-17T22:00:00Z", "2026-11-17T23:00:00Z"),
            i("2026-11-24T22:00:00Z", "2026-11-24T23:00:00Z"));
    // a period after the first ones still counts from the start: only the fourth is left
    assertThat(window.within(t("2026-11-20T00:00:00Z"), t("2027-01-01T00:00:00Z")))
        .containsExactly(i("2026-11-24T22:00:00Z", "2026-11-24T23:00:00Z"));
    assertThat(window.contains(t("2026-11-17T22:30:00Z"))).isTrue();
    assertThat(window.contains(t("2026-11-18T22:30:00Z"))).isFalse();
    assertThat(window.contains(t("2026-12-01T22:30:00Z"))).isFalse(); // a fifth Tuesday: no
    assertThat(window.lastEnd()).contains(t("2026-11-24T23:00:00Z"));
  }

  @Test
  void untilIsTheLastDayThatMayStartAnOccurrence() {
    // every night 01:00-02:00 UTC until the 5th inclusive (a date UNTIL means that whole day)
    Occurrences window =
        Occurrences.of(
            t("2026-11-02T01:00:00Z"),
            t("2026-11-02T02:00:00Z"),
            "FREQ=DAILY;UNTIL=20261105",
            null);

    assertThat(window.rrule()).isEqualTo("FREQ=DAILY;UNTIL=20261105T235959Z");
    assertThat(window.within(t("2026-11-01T00:00:00Z"), t("2026-11-30T00:00:00Z")))
        .extracting(Interval::start)
        .containsExactly(
            t("2026-11-02T01:00:00Z"),
            t("2026-11-03T01:00:00Z"),
            t("2026-11-04T01:00:00Z"),
            t("2026-11-05T01:00:00Z"));
    assertThat(window.lastEnd().orElseThrow()).isAfterOrEqualTo(t("2026-11-05T02:00:00Z"));

    Occurrences utcUntil =
        Occurrences.of(
            t("2026-11-02T01:00:00Z"),
            t("2026-11-02T02:00:00Z"),
            "RRULE:freq=daily;until=20261103T010000Z",
            null);
    assertThat(utcUntil.within(t("2026-11-01T00:00:00Z"), t("2026-11-30T00:00:00Z")))
        .extracting(Interval::start)
        .containsExactly(t("2026-11-02T01:00:00Z"), t("2026-11-03T01:00:00Z"));
  }

  @Test
  void occurrencesKeepTheirLocalWallTimeAcrossTheDstChangeInParis() {
    // Tuesday 24 March 2026, 02:30-04:00 Paris time (CET, UTC+1); Paris moves to CEST (UTC+2) on
    // Sunday 29 March: the next Tuesday is still 02:30-04:00 local, an hour earlier in UTC
    Occurrences window =
        Occurrences.of(
            t("2026-03-24T01:30:00Z"),
            t("2026-03-24T03:00:00Z"),
            "FREQ=WEEKLY;BYDAY=TU",
            "Europe/Paris");

    assertThat(window.within(t("2026-03-20T00:00:00Z"), t("2026-04-08T00:00:00Z")))
        .containsExactly(
            i("2026-03-24T01:30:00Z", "2026-03-24T03:00:00Z"),
            i("2026-03-31T00:30:00Z", "2026-03-31T02:00:00Z"),
            i("2026-04-07T00:30:00Z", "2026-04-07T02:00:00Z"));
    assertThat(window.contains(t("2026-03-31T00:45:00Z"))).isTrue();
    assertThat(window.contains(t("2026-03-31T02:15:00Z"))).isFalse();
    assertThat(window.lastEnd()).isEmpty(); // no COUNT, no UNTIL: recurs forever
  }

  @Test
  void aWindowAlreadyRunningAtThePeriodStartIsReturnedWhole() {
    // Saturday nights 22:00 to Sunday 04:00 UTC
    Occurrences window =
        Occurrences.of(
            t("2026-11-07T22:00:00Z"), t("2026-11-08T04:00:00Z"), "FREQ=WEEKLY;BYDAY=SA", "UTC");

    assertThat(window.within(t("2026-11-15T00:00:00Z"), t("2026-11-15T12:00:00Z")))
        .containsExactly(i("2026-11-14T22:00:00Z", "2026-11-15T04:00:00Z"));
    assertThat(window.contains(t("2026-11-15T03:59:00Z"))).isTrue();
  }

  @Test
  void aCancelledWindowStopsAtItsCancellationAndKeepsItsPast() {
    Occurrences window =
        Occurrences.of(t("2026-11-02T01:00:00Z"), t("2026-11-02T03:00:00Z"), "FREQ=DAILY", null)
            .cancelledAt(t("2026-11-04T02:00:00Z"));

    assertThat(window.within(t("2026-11-01T00:00:00Z"), t("2026-11-30T00:00:00Z")))
        .containsExactly(
            i("2026-11-02T01:00:00Z", "2026-11-02T03:00:00Z"),
            i("2026-11-03T01:00:00Z", "2026-11-03T03:00:00Z"),
            i("2026-11-04T01:00:00Z", "2026-11-04T02:00:00Z"));
    assertThat(window.contains(t("2026-11-05T01:30:00Z"))).isFalse();
    assertThat(window.lastEnd()).contains(t("2026-11-04T02:00:00Z"));
  }

  @Test
  void badSchedulesAreRefusedNamingTheField() {
    Instant start = t("2026-11-03T22:00:00Z");
    Instant end = t("2026-11-03T23:00:00Z");
    assertField(() -> Occurrences.of(end, start, null, null), "endsAt");
    assertField(() -> Occurrences.of(start, start.plusSeconds(32 * 86_400), null, null), "endsAt");
    assertField(() -> Occurrences.of(start, end, null, "Mars/Olympus_Mons"), "timeZone");
    for (String rule :
        List.of(
            "garbage",
            "FREQ=FORTNIGHTLY",
            "COUNT=3",
            "FREQ=WEEKLY;BYDAY=XX",
            "FREQ=WEEKLY;COUNT=abc",
            "FREQ=WEEKLY;COUNT=0",
            "FREQ=WEEKLY;INTERVAL=0",
            "FREQ=MINUTELY",
            "FREQ=DAILY;COUNT=3;UNTIL=20261231",
            "FREQ=DAILY;UNTIL=31/12/2026")) {
      assertField(() -> Occurrences.of(start, end, rule, null), "rrule");
    }
    // 3 November 2026 is a Tuesday: a Monday rule does not start there
    assertField(() -> Occurrences.of(start, end, "FREQ=WEEKLY;BYDAY=MO", null), "startsAt");
  }

  @Test
  void theReadmeExamplesWork() {
    // the first Sunday of every month, 01:00-03:00 Paris time, from Sunday 6 December 2026
    Occurrences monthly =
        Occurrences.of(
            t("2026-12-06T00:00:00Z"),
            t("2026-12-06T02:00:00Z"),
            "FREQ=MONTHLY;BYDAY=SU;BYSETPOS=1",
            "Europe/Paris");
    assertThat(monthly.within(t("2026-12-01T00:00:00Z"), t("2027-04-01T00:00:00Z")))
        .extracting(Interval::start)
        .containsExactly(
            t("2026-12-06T00:00:00Z"),
            t("2027-01-03T00:00:00Z"),
            t("2027-02-07T00:00:00Z"),
            t("2027-03-07T00:00:00Z"));
    // every other Saturday from 5 December 2026
    Occurrences fortnightly =
        Occurrences.of(
            t("2026-12-05T22:00:00Z"),
            t("2026-12-05T23:00:00Z"),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;UNTIL=20270630T220000Z",
            null);
    assertThat(fortnightly.within(t("2026-12-01T00:00:00Z"), t("2027-01-01T00:00:00Z")))
        .extracting(Interval::start)
        .containsExactly(t("2026-12-05T22:00:00Z"), t("2026-12-19T22:00:00Z"));
  }

  private static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOf(Occurrences.InvalidSchedule.class)
        .satisfies(e -> assertThat(((Occurrences.InvalidSchedule) e).field()).isEqualTo(field));
  }

  private static Interval i(String start, String end) {
    return new Interval(t(start), t(end));
  }

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }
}
