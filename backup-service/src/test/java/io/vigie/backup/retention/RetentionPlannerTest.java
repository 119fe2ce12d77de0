package io.vigie.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Hourly dumps at :05 for {@code hours} hours up to 2026-11-21T23:05 Paris. */
  private static List<Snapshot> hourly(int hours) {
    List<Snapshot> list = new ArrayList<>();
    Instant newest = Instant.parse("2026-11-21T22:05:00Z");
    for (int i = 0; i < hours; i++) {
      list.add(new Snapshot("s" + i, newest.minus(Duration.ofHours(i))));
    }
    return list;
  }

  private static Map<String, List<String>> reasons(RetentionPlan plan) {
    return plan.decisions().stream()
        .filter(RetentionPlan.Decision::keep)
        .collect(Collectors.toMap(d -> d.snapshot().id(), RetentionPlan.Decision::reasons));
  }

  @Test
  void dailyKeepsTheNewestOfEachLocalDay() {
    RetentionPlan plan =
        RetentionPlanner.plan(hourly(72), RetentionRules.counts(0, 0, 2, 0, 0, 0), PARIS);
    // s0 is 23:05 on the 21st; the 20th's newest is 24 hours earlier (s24)
    assertThat(plan.kept()).extracting(Snapshot::id).containsExactly("s0", "s24");
    assertThat(plan.forgotten()).hasSize(70);
    assertThat(reasons(plan).get("s24")).containsExactly("daily snapshot");
  }

  @Test
  void bucketsAreTakenInThePolicysTimeZone() {
    // s0 is 23:05 Paris, 22:05 UTC: the newest of the 20th is 24 h earlier in Paris, 23 h in UTC
    RetentionPlan paris =
        RetentionPlanner.plan(hourly(48), RetentionRules.counts(0, 0, 2, 0, 0, 0), PARIS);
    RetentionPlan utc =
        RetentionPlanner.plan(
            hourly(48), RetentionRules.counts(0, 0, 2, 0, 0, 0), ZoneId.of("UTC"));
    assertThat(paris.kept()).extracting(Snapshot::id).containsExactly("s0", "s24");
    assertThat(utc.kept()).extracting(Snapshot::id).containsExactly("s0", "s23");
  }

  @Test
  void aSnapshotKeptByManyRulesIsKeptOnceWithEveryReason() {
    RetentionRules rules =
        RetentionRules.counts(1, 3, 2, 1, 1, 1).withWithin(ResticDuration.parse("2h"));
    RetentionPlan plan = RetentionPlanner.plan(hourly(72), rules, PARIS);
    assertThat(reasons(plan).get("s0"))
        .containsExactly(
            "within 2h",
            "last snapshot",
            "hourly snapshot",
            "daily snapshot",
            "weekly snapshot",
            "monthly snapshot",
            "yearly snapshot");
    // within is strict: exactly 2 h older than the newest is not within
    assertThat(reasons(plan).get("s1")).containsExactly("within 2h", "hourly snapshot");
    assertThat(reasons(plan).get("s2")).containsExactly("hourly snapshot");
    assertThat(plan.kept()).extracting(Snapshot::id).containsExactly("s0", "s1", "s2", "s24");
  }

  @Test
  void withinIsCountedBackFromTheNewestSnapshotNotFromNow() {
    // ten days of hourly dumps (PKGData): everything younger than 10 d before the newest
    RetentionPlan plan =
        RetentionPlanner.plan(
            hourly(300),
            RetentionRules.counts(0, 0, 0, 0, 0, 0).withWithin(ResticDuration.parse("10d")),
            PARIS);
    assertThat(plan.kept()).hasSize(240);
    assertThat(plan.kept().get(239).id()).isEqualTo("s239");
  }

  @Test
  void withinBucketsKeepOnePerBucketInsideTheirWindow() {
    RetentionRules rules =
        RetentionRules.counts(0, 0, 0, 0, 0, 0)
            .withWithinBuckets(
                ResticDuration.parse("3h"), ResticDuration.parse("2d"), null, null, null);
    RetentionPlan plan = RetentionPlanner.plan(hourly(72), rules, PARIS);
    assertThat(plan.kept()).extracting(Snapshot::id).containsExactly("s0", "s1", "s2", "s24");
    assertThat(reasons(plan).get("s0")).containsExactly("hourly within 3h", "daily within 2d");
    assertThat(reasons(plan).get("s24")).containsExactly("daily within 2d");
  }

  @Test
  void noRuleKeepsEverythingAsResticDoes() {
    RetentionPlan plan =
        RetentionPlanner.plan(hourly(5), RetentionRules.counts(0, 0, 0, 0, 0, 0), PARIS);
    assertThat(plan.forgotten()).isEmpty();
    assertThat(plan.decisions().get(0).reasons()).containsExactly("policy is empty");
  }

  @Test
  void monthsSubtractLikeGo() {
    // 31 March minus one month is 3 March in Go (31 February rolls over), not 28 February
    var latest = Instant.parse("2026-03-31T10:00:00Z").atZone(ZoneId.of("UTC"));
    assertThat(ResticDuration.parse("1m").before(latest).toInstant())
        .isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
    assertThat(ResticDuration.parse("1y2m3d4h").before(latest).toInstant())
        .isEqualTo(Instant.parse("2025-01-28T06:00:00Z"));
  }

  @Test
  void durationsReadAndPrintInResticsForm() {
    assertThat(ResticDuration.parse("1y2m3d4h")).isEqualTo(new ResticDuration(1, 2, 3, 4));
    assertThat(ResticDuration.parse("10d").toString()).isEqualTo("10d");
    assertThatThrownBy(() -> ResticDuration.parse("10 days")).hasMessageContaining("10d, 2h");
    assertThatThrownBy(() -> ResticDuration.parse("")).hasMessageContaining("is not a duration");
  }
}
