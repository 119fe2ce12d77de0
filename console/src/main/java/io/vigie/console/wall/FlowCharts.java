package io.vigie.console.wall;

import io.vigie.console.api.FlowHour;
import io.vigie.console.api.FlowView;
import io.vigie.console.graph.HourBars;
import io.vigie.console.web.Labels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The ingest and alert flow of the last 24 hours for staff, as two charts ({@link HourBars}):
 * samples remote_write accepted and rejected, alerts fired and resolved, hour by hour from
 * monitoring's flow, in the viewer's zone and language. Plain Java.
 *
 * @param samples the samples' chart (SVG)
 * @param alerts the alerts' chart (SVG)
 */
public record FlowCharts(String samples, String alerts) {

  /** The period drawn: the current hour and the 23 before it. */
  static final Duration PERIOD = Duration.ofHours(24);

  /** The first hour drawn at {@code now}. */
  static Instant from(Instant now) {
    return now.truncatedTo(ChronoUnit.HOURS).minus(PERIOD).plusSeconds(3600);
  }

  static FlowCharts of(FlowView flow, Instant from, ZoneId zone, Locale locale, Labels labels) {
    List<FlowHour> hours =
        flow == null || flow.hours() == null
            ? List.of()
            : flow.hours().stream().filter(h -> h.hour() != null).toList();
    Instant to = from.plus(PERIOD);
    HourBars.Labels samples =
        words(
            labels.flow_samples(),
            "accepted",
            labels.flow_accepted(),
            "rejected",
            labels.flow_rejected(),
            labels.flow_no_samples(),
            labels);
    HourBars.Labels alerts =
        words(
            labels.flow_alerts(),
            "fired",
            labels.flow_fired(),
            "resolved",
            labels.flow_resolved(),
            labels.flow_no_alerts(),
            labels);
    return new FlowCharts(
        HourBars.svg(
            "flow-samples",
            hours(
                hours, h -> new HourBars.Hour(h.hour(), h.samplesAccepted(), h.samplesRejected())),
            from,
            to,
            zone,
            locale,
            samples),
        HourBars.svg(
            "flow-alerts",
            hours(hours, h -> new HourBars.Hour(h.hour(), h.alertsFired(), h.alertsResolved())),
            from,
            to,
            zone,
            locale,
            alerts));
  }

  /** A chart's words: its title, its two series (class and name) and what a quiet day says. */
  private static HourBars.Labels words(
      String title,
      String first,
      String firstName,
      String second,
      String secondName,
      String none,
      Labels labels) {
    return new HourBars.Labels(
        title,
        new HourBars.Series(first, firstName),
        new HourBars.Series(second, secondName),
        labels.flow_total(),
        labels.flow_peak(),
        none);
  }

  private static List<HourBars.Hour> hours(
      List<FlowHour> hours, Function<FlowHour, HourBars.Hour> counts) {
    return hours.stream().map(counts).toList();
  }
}
