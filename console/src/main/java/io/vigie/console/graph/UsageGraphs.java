package io.vigie.console.graph;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vigie.console.api.GuestUsageSeries;
import io.vigie.console.api.HourlyUsage;
import io.vigie.console.api.ServerUsageSeries;
import io.vigie.console.graph.HourlyUsageChart.Resource;
import io.vigie.console.web.Labels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A machine's CPU, RAM and disk charts side by side (three {@link HourlyUsageChart}s), from
 * monitoring's usage series of a server or a guest, in the viewer's zone and language.
 */
public final class UsageGraphs {

  /** The period the server page and the client's window show. */
  public static final Duration PERIOD = Duration.ofDays(7);

  /**
   * A machine's three charts (SVG) and where its name leads (null: no page of its own).
   *
   * @param measured whether any hour was measured in the period
   */
  public record MachineCharts(
      String name, String href, boolean measured, String cpu, String ram, String disk) {}

  /** The charts' words in one language. */
  public record Words(
      HourlyUsageChart.Labels cpu, HourlyUsageChart.Labels ram, HourlyUsageChart.Labels disk) {

    /** From the console's labels. */
    public static Words of(Labels labels) {
      return new Words(
          chart(labels.usage_cpu(), labels),
          chart(labels.usage_ram(), labels),
          chart(labels.usage_disk(), labels));
    }

    private static HourlyUsageChart.Labels chart(String title, Labels labels) {
      return new HourlyUsageChart.Labels(
          title,
          labels.usage_average(),
          labels.usage_peak(),
          labels.usage_of(),
          labels.usage_none());
    }
  }

  private UsageGraphs() {}

  /** The console's labels in {@code language} (English unless French). */
  public static Labels labels(String language) {
    return "fr".equals(language)
        ? MessageBundles.get(Labels.class, Localized.Literal.of("fr"))
        : MessageBundles.get(Labels.class);
  }

  public static MachineCharts server(
      ServerUsageSeries usage, ZoneId zone, Locale locale, Words words) {
    return charts(
        "usage-" + usage.serverId(),
        usage.hostname(),
        "/servers/" + usage.serverId(),
        usage.hours(),
        usage.ramTotalGb() == null ? null : usage.ramTotalGb().doubleValue(),
        usage.diskTotalGb() == null ? null : usage.diskTotalGb().doubleValue(),
        usage.from(),
        usage.to(),
        zone,
        locale,
        words);
  }

  public static MachineCharts guest(
      GuestUsageSeries usage, ZoneId zone, Locale locale, Words words) {
    return charts(
        "usage-" + usage.guestId(),
        usage.name(),
        null,
        usage.hours(),
        usage.ramTotalGb() == null ? null : usage.ramTotalGb().doubleValue(),
        usage.diskTotalGb() == null ? null : usage.diskTotalGb().doubleValue(),
        usage.from(),
        usage.to(),
        zone,
        locale,
        words);
  }

  static MachineCharts charts(
      String id,
      String name,
      String href,
      List<HourlyUsage> hours,
      Double ramTotalGb,
      Double diskTotalGb,
      Instant from,
      Instant to,
      ZoneId zone,
      Locale locale,
      Words words) {
    return new MachineCharts(
        name,
        href,
        hours != null && !hours.isEmpty(),
        HourlyUsageChart.svg(
            id + "-cpu", Resource.CPU, hours, null, from, to, zone, locale, words.cpu()),
        HourlyUsageChart.svg(
            id + "-ram", Resource.RAM, hours, ramTotalGb, from, to, zone, locale, words.ram()),
        HourlyUsageChart.svg(
            id + "-disk", Resource.DISK, hours, diskTotalGb, from, to, zone, locale, words.disk()));
  }
}
