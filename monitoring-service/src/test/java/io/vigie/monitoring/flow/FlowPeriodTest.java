package io.vigie.monitoring.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hours a flow report covers: defaults, ends rounded out to whole hours, bounds. */
class FlowPeriodTest {

  private static final Instant NOW = Instant.parse("2026-11-30T17:42:10Z");

  @Test
  void byDefaultTheLast24HoursWithTheHourInProgress() {
    FlowPeriod period = FlowPeriod.of(null, null, NOW);

    assertThat(period.from()).isEqualTo(Instant.parse("2026-11-29T18:00:00Z"));
    assertThat(period.to()).isEqualTo(Instant.parse("2026-11-30T18:00:00Z"));
    assertThat(period.hours()).isEqualTo(24);
    assertThat(FlowPeriod.of("", " ", NOW)).isEqualTo(period);
  }

  @Test
  void theEndsAreRoundedOutToTheHoursTheyFallIn() {
    FlowPeriod period = FlowPeriod.of("2026-11-30T09:15:00Z", "2026-11-30T11:00:01Z", NOW);
    assertThat(period)
        .isEqualTo(
            new FlowPeriod(
                Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-11-30T12:00:00Z")));
    assertThat(period.hours()).isEqualTo(3);

    // an end on the hour excludes that hour; a lone `to` gets the 24 hours up to its hour's end
    assertThat(FlowPeriod.of("2026-11-30T09:00:00Z", "2026-11-30T11:00:00Z", NOW).hours())
        .isEqualTo(2);
    assertThat(FlowPeriod.of(null, "2026-11-01T00:30:00Z", NOW).from())
        .isEqualTo(Instant.parse("2026-10-31T01:00:00Z"));
    // a future period is no error: nothing happened in it yet
    assertThat(FlowPeriod.of("2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z", NOW).hours())
        .isEqualTo(2);
  }

  @Test
  void thirtyOneDaysAtMost() {
    FlowPeriod month = FlowPeriod.of("2026-10-30T00:30:00Z", "2026-11-30T00:30:00Z", NOW);
    assertThat(month.hours()).isEqualTo(FlowPeriod.MOST_HOURS);

    assertRefused("2026-10-30T00:30:00Z", "2026-11-30T00:30:01Z", "from");
  }

  @Test
  void badInputNamesTheField() {
    assertRefused("yesterday", null, "from");
    assertRefused(null, "2026-11-30", "to");
    assertRefused("2026-11-30T10:00:00Z", "2026-11-30T10:00:00Z", "to");
    assertRefused("2026-11-30T11:00:00Z", "2026-11-30T10:00:00Z", "to");
    assertRefused("1969-12-31T23:00:00Z", "1970-01-01T01:00:00Z", "from");
    assertRefused(null, "+12026-11-30T10:00:00Z", "to");
  }

  private static void assertRefused(String from, String to, String field) {
    assertThatThrownBy(() -> FlowPeriod.of(from, to, NOW))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.toProblem(null).errors())
                  .extracting(error -> error.field())
                  .containsExactly(field);
            });
  }
}
