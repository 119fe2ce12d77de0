package io.vigie.monitoring.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsagePeriodTest {

  static final Instant NOW = Instant.parse("2026-11-30T14:35:00Z");

  @Test
  void theLastWeekUntilNowByDefault() {
    assertThat(UsagePeriod.of(null, null, NOW))
        .isEqualTo(new UsagePeriod(Instant.parse("2026-11-23T14:35:00Z"), NOW));
    assertThat(UsagePeriod.of("", " ", NOW).to()).isEqualTo(NOW);
    // a week before the given end; a given start up to now
    assertThat(UsagePeriod.of(null, "2026-11-10T00:00:00Z", NOW).from())
        .isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    assertThat(UsagePeriod.of("2026-11-29T00:00:00Z", null, NOW))
        .isEqualTo(new UsagePeriod(Instant.parse("2026-11-29T00:00:00Z"), NOW));
  }

  @Test
  void at93DaysAndStartingInThePast() {
    Instant from = NOW.minus(UsagePeriod.LONGEST);
    assertThat(UsagePeriod.of(from.toString(), NOW.toString(), NOW).from()).isEqualTo(from);
    assertThat(UsagePeriod.MOST_HOURS).isEqualTo(2232);
    // an end in the future is no fault: nothing is there yet
    assertThat(UsagePeriod.of(null, NOW.plus(Duration.ofDays(1)).toString(), NOW).to())
        .isEqualTo(NOW.plus(Duration.ofDays(1)));

    assertField(() -> UsagePeriod.of(from.minusSeconds(1).toString(), NOW.toString(), NOW), "from");
    assertField(
        () -> UsagePeriod.of(NOW.toString(), NOW.plusSeconds(3600).toString(), NOW), "from");
    assertField(() -> UsagePeriod.of(NOW.toString(), NOW.toString(), NOW), "to");
    assertField(() -> UsagePeriod.of("2026-11-29T00:00:00Z", "2026-11-28T00:00:00Z", NOW), "to");
    assertField(() -> UsagePeriod.of("yesterday", null, NOW), "from");
    assertField(() -> UsagePeriod.of(null, "2026-11-30", NOW), "to");
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.toProblem(null).errors()).extracting("field").containsExactly(field));
  }
}
