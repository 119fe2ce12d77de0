package io.vigie.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.ServedApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hour monitoring first checked a published target, found from monitoring's availability
 * answers served as monitoring writes them: {@code checks} is 0 for a period with no result before
 * its end, and the time before the first check counts as measured and up.
 */
class TargetHistoriesTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant FROM = Uptime.from(NOW);
  static final Pattern ASKED =
      Pattern.compile("(serverId|hostedServiceId)=([^&]+)&from=([^&]+)&to=([^&]+)");

  private final ServedApi monitoring = ServedApi.start();

  @AfterEach
  void stop() {
    monitoring.close();
  }

  /** Monitoring's answer for targets whose first result came at the given instants. */
  void firstResults(Map<String, Instant> first) {
    monitoring.answer(
        uri -> {
          Matcher asked = ASKED.matcher(uri.getQuery());
          if (!asked.find()) {
            return new ServedApi.Answer(400, "{}");
          }
          Instant from = Instant.parse(asked.group(3));
          Instant to = Instant.parse(asked.group(4));
          Instant result = first.get(asked.group(2));
          int checks = result != null && result.isBefore(to) ? 2 : 0;
          return new ServedApi.Answer(
              200,
              """
              {"serverId":null,"from":"%s","to":"%s","measuredUntil":"%s",\
              "availabilityPercent":100,"measured":"%s","maintenance":"PT0S","downtime":"PT0S",\
              "checks":%d,"downtimes":[],"maintenanceIntervals":[]}"""
                  .formatted(from, to, to, Duration.between(from, to), checks));
        });
  }

  @Test
  void aTargetFirstCheckedLatelyIsMeasuredFromThatHourFoundOnceAndKept() {
    firstResults(
        Map.of(
            "web1", Instant.parse("2026-11-20T15:20:00Z"),
            "old", Instant.parse("2026-01-01T00:00:00Z")));
    TargetHistories histories = new TargetHistories(monitoring.calls());

    Uptime.Measured web1 = histories.read("status-token", "serverId=web1", FROM, NOW);

    assertThat(web1.firstChecked()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
    assertThat(web1.availability().checks()).isEqualTo(2);
    List<String> asked = monitoring.asked();
    assertThat(asked.get(0))
        .isEqualTo(
            "/api/v1/availability?serverId=web1&from=2026-09-02T00:00:00Z"
                + "&to=2026-11-30T12:00:00Z Bearer status-token");
    // the first hour, then halving 2,148 hours: a dozen hours asked, each one hour long
    assertThat(asked).hasSizeBetween(3, 14).allMatch(a -> a.endsWith(" Bearer status-token"));
    // and the days before it are no data on the page
    Uptime uptime = Uptime.measured(List.of(web1), NOW);
    assertThat(uptime.since()).isEqualTo("2026-11-20");

    monitoring.forget();
    assertThat(histories.read("status-token", "serverId=web1", FROM, NOW).firstChecked())
        .isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
    assertThat(monitoring.asked()).hasSize(1); // kept: a first check does not move

    monitoring.forget();
    Uptime.Measured old = histories.read("t", "hostedServiceId=old", FROM, NOW);
    assertThat(old.firstChecked()).isNull(); // checked before the period: one hour asked
    assertThat(monitoring.asked()).hasSize(2);

    monitoring.forget();
    Uptime.Measured never = histories.read("t", "serverId=never", FROM, NOW);
    assertThat(never.availability().checks()).isZero();
    assertThat(never.firstChecked()).isNull();
    assertThat(monitoring.asked()).hasSize(1); // nothing measured: nothing to look for
  }

  @Test
  void theFirstCheckedHourIsFoundByHalvingWithoutAskingTheHourStillRunning() {
    Instant from = Instant.parse("2026-09-02T00:00:00Z");
    Instant now = Instant.parse("2026-11-30T12:30:00Z");
    for (String first :
        List.of(
            "2026-09-02T00:10:00Z",
            "2026-09-02T01:00:00Z",
            "2026-10-15T07:59:59Z",
            "2026-11-30T11:59:00Z",
            "2026-11-30T12:10:00Z")) {
      Instant result = Instant.parse(first);
      List<Instant> asked = new ArrayList<>();
      Predicate<Instant> checkedBefore =
          end -> {
            asked.add(end);
            return result.isBefore(end);
          };
      assertThat(TargetHistories.firstCheckedHour(from, now, checkedBefore))
          .as(first)
          .isEqualTo(result.truncatedTo(ChronoUnit.HOURS));
      assertThat(asked).as(first).hasSizeLessThanOrEqualTo(13).allMatch(end -> !end.isAfter(now));
    }
  }
}
