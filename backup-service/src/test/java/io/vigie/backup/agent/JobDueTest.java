package io.vigie.backup.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.backup.schedule.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When the agent's jobs are due: saint-roch's hourly dump and nightly files, in Paris time. */
class JobDueTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final CronSchedule HOURLY = CronSchedule.parse("0 * * * *", PARIS);
  private static final CronSchedule NIGHTLY = CronSchedule.parse("0 1 * * *", PARIS);
  private static final Instant SINCE = Instant.parse("2026-11-02T08:20:00Z");

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void beforeAnyStartTheFirstDueTimeAfterThePolicyBegan() {
    assertThat(JobDue.due(HOURLY, null, SINCE, at("2026-11-02T08:59:59Z"))).isEmpty();
    // 10:00 in Paris is 09:00 UTC in November
    assertThat(JobDue.due(HOURLY, null, SINCE, at("2026-11-02T09:00:00Z")))
        .contains(at("2026-11-02T09:00:00Z"));
    // a start from before the policy began does not count
    assertThat(JobDue.due(HOURLY, at("2026-11-01T12:00:00Z"), SINCE, at("2026-11-02T09:00:00Z")))
        .contains(at("2026-11-02T09:00:00Z"));
  }

  @Test
  void aStartServesItsDueTimeAndAMissedRunIsRunOnceNotOncePerMissedTime() {
    Instant started = at("2026-11-02T09:00:20Z");
    assertThat(JobDue.due(HOURLY, started, SINCE, at("2026-11-02T09:59:59Z"))).isEmpty();
    assertThat(JobDue.due(HOURLY, started, SINCE, at("2026-11-02T10:00:00Z")))
        .contains(at("2026-11-02T10:00:00Z"));
    // the agent was down from 10:00 to 14:30: one run at 14:30 serves every missed hour
    Instant late = at("2026-11-02T14:30:00Z");
    assertThat(JobDue.due(HOURLY, late, SINCE, at("2026-11-02T14:59:00Z"))).isEmpty();
  }

  @Test
  void aHostClockAFewSecondsBehindDoesNotRunTheJobTwice() {
    // due at 01:00 Paris (00:00 UTC); the host, 40 s behind, says it started at 00:59:30 Paris
    assertThat(JobDue.due(NIGHTLY, null, SINCE, at("2026-11-03T00:00:10Z")))
        .contains(at("2026-11-03T00:00:00Z"));
    Instant startedByHostClock = at("2026-11-02T23:59:30Z");
    assertThat(JobDue.due(NIGHTLY, startedByHostClock, SINCE, at("2026-11-03T00:00:10Z")))
        .isEmpty();
    assertThat(JobDue.due(NIGHTLY, startedByHostClock, SINCE, at("2026-11-04T00:00:00Z")))
        .contains(at("2026-11-04T00:00:00Z"));
  }

  @Test
  void overdueOnlyAfterTheGrace() {
    Duration day = Duration.ofDays(1);
    CronSchedule weekly = CronSchedule.parse("0 5 * * 1", PARIS); // Monday 05:00 Paris
    Instant since = at("2026-11-01T10:00:00Z"); // a Sunday
    assertThat(JobDue.overdue(weekly, null, since, day, at("2026-11-03T03:59:59Z"))).isEmpty();
    assertThat(JobDue.overdue(weekly, null, since, day, at("2026-11-03T04:00:01Z")))
        .contains(at("2026-11-02T04:00:00Z"));
    assertThat(
            JobDue.overdue(
                weekly, at("2026-11-02T04:10:00Z"), since, day, at("2026-11-08T04:00:00Z")))
        .isEmpty();
  }
}
