package io.vigie.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.GuestUsageSeries;
import io.vigie.console.api.ServerUsageSeries;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageGraphsTest {

  static final UsageGraphs.Words WORDS =
      new UsageGraphs.Words(
          new HourlyUsageChart.Labels("CPU busy", "average", "peak", "of", "None."),
          new HourlyUsageChart.Labels("RAM in use", "average", "peak", "of", "None."),
          new HourlyUsageChart.Labels("Disk in use", "average", "peak", "of", "None."));

  @Test
  void aServersThreeChartsReadItsHardwareAndLeadToItsPage() {
    UUID id = UUID.fromString("0190a2b4-0000-7000-8000-000000000001");
    ServerUsageSeries series =
        new ServerUsageSeries(
            id,
            "web1.lumiere.example",
            8,
            64,
            null,
            HourlyUsageChartTest.FROM,
            HourlyUsageChartTest.TO,
            HourlyUsageChartTest.hours());
    UsageGraphs.MachineCharts charts =
        UsageGraphs.server(series, ZoneOffset.UTC, Locale.ENGLISH, WORDS);
    assertThat(charts.name()).isEqualTo("web1.lumiere.example");
    assertThat(charts.href()).isEqualTo("/servers/" + id);
    assertThat(charts.measured()).isTrue();
    // ids unique per machine and resource: several machines share the client's window
    assertThat(charts.cpu()).contains("id=\"usage-" + id + "-cpu-title\"");
    assertThat(charts.ram()).contains("id=\"usage-" + id + "-ram-title\"").contains("of 64 GB");
    // the disk size is unknown: a round ceiling above the 104 GB peak, no "of"
    assertThat(charts.disk()).contains(">200 GB</text>").doesNotContain(" of ");
  }

  @Test
  void aGuestWithoutMeasuredHoursIsNotMeasured() {
    UUID id = UUID.randomUUID();
    GuestUsageSeries series =
        new GuestUsageSeries(
            id,
            "vm-lumiere-1",
            2,
            4,
            40,
            HourlyUsageChartTest.FROM,
            HourlyUsageChartTest.TO,
            List.of());
    UsageGraphs.MachineCharts charts =
        UsageGraphs.guest(series, ZoneOffset.UTC, Locale.ENGLISH, WORDS);
    assertThat(charts.measured()).isFalse();
    assertThat(charts.href()).isNull();
    assertThat(charts.disk()).contains("Disk in use: None.");
  }
}
