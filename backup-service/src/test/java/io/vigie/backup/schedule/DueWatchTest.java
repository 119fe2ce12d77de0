package io.vigie.backup.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueWatchTest {

  private static final CronSchedule HOURLY_DUMP =
      CronSchedule.parse("0 * * * *", ZoneId.of("Europe/Paris"));
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final Instant SINCE = Instant.parse("2026-11-21T09:50:00Z");

  @Test
  void aNewPolicyIsOverdueOnlyOnceItsFirstRunPlusGraceHasPassed() {
    assertThat(
            DueWatch.overdue(
                HOURLY_DUMP, null, SINCE, GRACE, Instant.parse("2026-11-21T10:15:00Z")))
        .isEmpty();
    assertThat(
            DueWatch.overdue(
                HOURLY_DUMP, null, SINCE, GRACE, Instant.parse("2026-11-21T10:15:01Z")))
        .contains(Instant.parse("2026-11-21T10:00:00Z"));
  }

  @Test
  void aStartCoversItsDueTimeEvenAFewSecondsEarly() {
    Instant early = Instant.parse("2026-11-21T09:59:58Z");
    assertThat(
            DueWatch.overdue(
                HOURLY_DUMP, early, SINCE, GRACE, Instant.parse("2026-11-21T10:40:00Z")))
        .isEmpty();
    // the next hour's run did not start
    assertThat(
            DueWatch.overdue(
                HOURLY_DUMP, early, SINCE, GRACE, Instant.parse("2026-11-21T11:15:01Z")))
        .contains(Instant.parse("2026-11-21T11:00:00Z"));
    Instant late = Instant.parse("2026-11-21T10:07:00Z");
    assertThat(
            DueWatch.overdue(
                HOURLY_DUMP, late, SINCE, GRACE, Instant.parse("2026-11-21T11:15:00Z")))
        .isEmpty();
  }

  @Test
  void aRunIsTooLongOnlyAfterTheLongestARunMayTake() {
    Instant started = Instant.parse("2026-11-21T01:00:00Z");
    assertThat(
            DueWatch.runningTooLong(
                started, Duration.ofHours(6), Instant.parse("2026-11-21T07:00:00Z")))
        .isFalse();
    assertThat(
            DueWatch.runningTooLong(
                started, Duration.ofHours(6), Instant.parse("2026-11-21T07:00:01Z")))
        .isTrue();
  }
}
