package io.vigie.console.graph;

import io.vigie.console.api.HourlyUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One resource of a machine — CPU, RAM or disk — hour by hour over a period, as a small SVG line
 * chart made on the server (the sibling of {@link UsageChart}, the traffic graph): the hourly
 * averages of monitoring's rollups, the value axis up to 100 % for CPU and up to what the machine
 * has for RAM and disk (in GB, with a dashed line there) or a round ceiling above the peak when the
 * inventory does not know it or it was exceeded, the time axis on midnights of the viewer's time
 * zone (round hours for two days or less), named under the axis. An hour not measured is a gap,
 * never made up. Plain Java, tested alone.
 */
public final class HourlyUsageChart {

  static final int WIDTH = 360;
  static final int HEIGHT = 180;
  static final int LEFT = 56;
  static final int RIGHT = 12;
  static final int TOP = 12;
  static final int BOTTOM = 44;
  static final Duration HOUR = Duration.ofHours(1);
  private static final Svg.Frame FRAME = new Svg.Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);

  /** What is drawn, read from each hour. */
  public enum Resource {
    CPU(HourlyUsage::cpuPercent, "%"),
    RAM(HourlyUsage::ramUsedGb, "GB"),
    DISK(HourlyUsage::diskUsedGb, "GB");

    final Function<HourlyUsage, Double> value;
    final String unit;

    Resource(Function<HourlyUsage, Double> value, String unit) {
      this.value = value;
      this.unit = unit;
    }
  }

  /**
   * The chart's words in the viewer's language.
   *
   * @param title the resource, e.g. "RAM in use"
   * @param average the word before the period's average
   * @param peak the word before the highest hour
   * @param of between a value and the machine's total ("8 GB of 64 GB")
   * @param noData said when no hour was measured
   */
  public record Labels(String title, String average, String peak, String of, String noData) {}

  private HourlyUsageChart() {}

  /** The measured hours' values of {@code resource}, by hour. */
  static TreeMap<Instant, Double> values(List<HourlyUsage> hours, Resource resource) {
    TreeMap<Instant, Double> values = new TreeMap<>();
    if (hours == null) {
      return values;
    }
    for (HourlyUsage hour : hours) {
      Double value = hour.hourStart() == null ? null : resource.value.apply(hour);
      if (value != null) {
        values.put(hour.hourStart(), value);
      }
    }
    return values;
  }

  /**
   * The top of the value axis: 100 % for CPU; the machine's total when known and not exceeded; else
   * a round ceiling above the peak (1 GB at least).
   */
  static double top(Resource resource, double peak, Double total) {
    if (resource == Resource.CPU) {
      return 100;
    }
    if (total != null && total > 0 && total >= peak) {
      return total;
    }
    // UsageChart's round ceilings start at 1000: in thousandths, 1 GB at least
    return UsageChart.niceCeiling(peak * 1000) / 1000;
  }

  /**
   * @param id unique on the page: the chart's title and description are {@code <id>-title} and
   *     {@code <id>-desc}
   * @param total what the machine has in the resource's unit (null: unknown); ignored for CPU
   */
  public static String svg(
      String id,
      Resource resource,
      List<HourlyUsage> hours,
      Double total,
      Instant from,
      Instant to,
      ZoneId zone,
      Locale locale,
      Labels labels) {
    TreeMap<Instant, Double> values = values(hours, resource);
    double peak = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Double capacity = resource == Resource.CPU ? null : total;
    double top = top(resource, peak, capacity);
    Svg svg =
        Svg.open(
            id,
            "chart usage " + resource.name().toLowerCase(Locale.ROOT),
            WIDTH,
            HEIGHT,
            labels.title(),
            describe(values, resource, capacity, labels, locale));
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      svg.grid(FRAME, y(value, top), "value", amount(value, resource, locale));
    }
    if (capacity != null && capacity > 0 && capacity <= top) {
      svg.across(FRAME, "total", y(capacity, top));
    }
    for (Tick tick : ticks(from, to, zone, locale)) {
      svg.tick(FRAME, FRAME.x(tick.at(), from, to), tick.label());
    }
    svg.zone(FRAME, zone);
    if (values.isEmpty()) {
      return svg.noData(FRAME, labels.noData()).close();
    }
    svg.lines(FRAME, "used", values, HOUR, from, to, v -> y(v, top));
    return svg.close();
  }

  /** A mark of the time axis and what it says. */
  record Tick(Instant at, String label) {}

  /**
   * Midnights of the zone every 1, 2, 7 or 14 days (at most 8 marks), labelled with the day ("Mon
   * 23", "lun. 23"); for two days or less the round hours of {@link UsageChart#ticks}.
   */
  static List<Tick> ticks(Instant from, Instant to, ZoneId zone, Locale locale) {
    List<Tick> ticks = new ArrayList<>();
    if (Duration.between(from, to).compareTo(Duration.ofDays(2)) <= 0) {
      DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm", locale);
      for (Instant at : UsageChart.ticks(from, to, zone)) {
        ticks.add(new Tick(at, hour.format(at.atZone(zone))));
      }
      return ticks;
    }
    long days = Math.max(1, Duration.between(from, to).toDays());
    long step = 14;
    for (long candidate : new long[] {1, 2, 7, 14}) {
      if (days / candidate <= 8) {
        step = candidate;
        break;
      }
    }
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d", locale);
    ZonedDateTime tick = from.atZone(zone).truncatedTo(ChronoUnit.DAYS);
    if (tick.toInstant().isBefore(from)) {
      tick = tick.plusDays(1);
    }
    while (!tick.toInstant().isAfter(to)) {
      ticks.add(new Tick(tick.toInstant(), day.format(tick)));
      tick = tick.plusDays(step);
    }
    return ticks;
  }

  /** "45 %", "12,5 GB": whole numbers without decimals, others with one. */
  static String amount(double value, Resource resource, Locale locale) {
    return Svg.number(value, locale) + " " + resource.unit;
  }

  private static String describe(
      TreeMap<Instant, Double> values,
      Resource resource,
      Double capacity,
      Labels labels,
      Locale locale) {
    if (values.isEmpty()) {
      return labels.title() + ": " + labels.noData();
    }
    double sum = 0;
    double peak = 0;
    for (double value : values.values()) {
      sum += value;
      peak = Math.max(peak, value);
    }
    String of =
        capacity == null ? "" : " " + labels.of() + " " + amount(capacity, resource, locale);
    return labels.title()
        + ": "
        + labels.average()
        + " "
        + amount(round(sum / values.size()), resource, locale)
        + ", "
        + labels.peak()
        + " "
        + amount(round(peak), resource, locale)
        + of;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static double y(double value, double top) {
    return FRAME.y(Math.min(value, top) / top);
  }
}
