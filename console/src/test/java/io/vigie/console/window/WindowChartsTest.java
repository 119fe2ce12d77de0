package io.vigie.console.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.Viewer;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.AvailabilitySummary;
import io.vigie.console.api.ClockTally;
import io.vigie.console.web.Labels;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window's graphs per month from what the services answered, month by month. */
class WindowChartsTest {

  /** Each label is its own key: what the page says is the test's to read. */
  static final Labels LABELS =
      (Labels)
          Proxy.newProxyInstance(
              Labels.class.getClassLoader(),
              new Class<?>[] {Labels.class},
              (proxy, method, args) -> method.getName());

  static final Viewer VIEWER =
      new Viewer("louise", "Louise", "lumiere", Set.of(), "t", Instant.now(), Locale.ENGLISH, "f");

  static AvailabilityReport availability(String month, Double percent, Double target) {
    return new AvailabilityReport(
        "lumiere",
        "Lumière",
        month,
        null,
        true,
        target,
        new AvailabilitySummary(percent, null, null, null, null, 1),
        List.of());
  }

  static ClientWindow window(List<MonthFigures> months) {
    return new ClientWindow(
        "lumiere", List.of(), List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), null,
        List.of(), "k", null, List.of(), months, List.of(), List.of(), 0, Set.of());
  }

  @Test
  void availabilityAgainstTheLatestTargetAndGtiMetOnlyWhereSomeWasDue() {
    List<MonthFigures> months =
        List.of(
            new MonthFigures(YearMonth.parse("2026-09"), null, null), // no report: no bar
            new MonthFigures(
                YearMonth.parse("2026-10"),
                availability("2026-10", 99.9, 99.5),
                MonthFiguresTest.tickets(new ClockTally(1, 1, 0, 0))),
            new MonthFigures(
                YearMonth.parse("2026-11"),
                availability("2026-11", 99.98, 99.95),
                MonthFiguresTest.tickets(new ClockTally(0, 0, 2, 0))));
    String availability = WindowResource.availabilityChart(window(months), VIEWER, LABELS);
    assertThat(availability)
        .contains("months_availability, months_target 99.95 %:")
        .contains("September 2026 months_none; October 2026 99.9 %; November 2026 99.98 %")
        // October's 99.9 % is under the 99.95 % promised now
        .contains("class=\"bar under\"");
    String gti = WindowResource.gtiChart(window(months), VIEWER, LABELS);
    assertThat(gti)
        .contains("October 2026 50 % (1/2); November 2026 months_none")
        .doesNotContain("class=\"target\"");
  }

  @Test
  void noMonthWithAFigureDrawsNoGraph() {
    List<MonthFigures> months = List.of(new MonthFigures(YearMonth.parse("2026-11"), null, null));
    assertThat(WindowResource.availabilityChart(window(months), VIEWER, LABELS)).isNull();
    assertThat(WindowResource.gtiChart(window(months), VIEWER, LABELS)).isNull();
    assertThat(new WindowResource.MonthCharts(null, null).isEmpty()).isTrue();
  }
}
