package io.vigie.monitoring.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored hours side by side: one per hour of the period, zeros filled, nothing outside. */
class FlowHoursTest {

  private static final Instant H0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final Instant H1 = Instant.parse("2026-11-30T11:00:00Z");
  private static final Instant H2 = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant H3 = Instant.parse("2026-11-30T13:00:00Z");

  @Test
  void everyHourOfThePeriodOldestFirstWithZerosWhereNothingWasStored() {
    FlowPeriod period = new FlowPeriod(H0, H3);
    List<FlowHours.Ingest> ingest =
        List.of(
            new FlowHours.Ingest(H2, 70, 2, 4),
            new FlowHours.Ingest(H0, 150, 1, 5),
            new FlowHours.Ingest(H3, 999, 9, 9)); // after the period
    List<FlowHours.Alerts> alerts =
        List.of(
            new FlowHours.Alerts(H1, 0, 2),
            new FlowHours.Alerts(H0, 2, 0),
            new FlowHours.Alerts(H0.minusSeconds(3600), 5, 5)); // before it

    assertThat(FlowHours.of(period, ingest, alerts))
        .containsExactly(
            new FlowHour(H0, 150, 1, 5, 2, 0),
            new FlowHour(H1, 0, 0, 0, 0, 2),
            new FlowHour(H2, 70, 2, 4, 0, 0));
  }

  @Test
  void nothingStoredIsEveryHourQuiet() {
    assertThat(FlowHours.of(new FlowPeriod(H0, H2), List.of(), List.of()))
        .containsExactly(FlowHour.quiet(H0), FlowHour.quiet(H1));
  }

  @Test
  void rowsOfTheSameHourAddUp() {
    assertThat(
            FlowHours.of(
                new FlowPeriod(H0, H1),
                List.of(new FlowHours.Ingest(H0, 1, 2, 3), new FlowHours.Ingest(H0, 10, 20, 30)),
                List.of(new FlowHours.Alerts(H0, 1, 0), new FlowHours.Alerts(H0, 0, 1))))
        .containsExactly(new FlowHour(H0, 11, 22, 33, 1, 1));
  }
}
