package io.vigie.console.graph;

import io.vigie.console.api.InterfaceUsage;
import io.vigie.console.api.UsagePoint;
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

/**
 * A server's network traffic over a period as an SVG line chart, made on the server (no script, no
 * charting library): inbound and outbound bit rates, the server's interfaces summed slot by slot,
 * the time axis in the viewer's time zone (named under the axis), the rate axis in round steps. A
 * slot without a measurement is a gap in the line, never a made-up value. Plain Java, tested alone.
 */
public final class UsageChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  static final int LEFT = 64;
  static final int RIGHT = 16;
  static final int TOP = 16;
  static final int BOTTOM = 48;
  static final Duration SLOT = Duration.ofMinutes(5);
  private static final Svg.Frame FRAME = new Svg.Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);

  private UsageChart() {}

  /** The slots' rates summed over the interfaces, by slot start. */
  static TreeMap<Instant, double[]> summed(List<InterfaceUsage> interfaces) {
    TreeMap<Instant, double[]> slots = new TreeMap<>();
    if (interfaces == null) {
      return slots;
    }
    for (InterfaceUsage usage : interfaces) {
      if (usage.points() == null) {
        continue;
      }
      for (UsagePoint point : usage.points()) {
        if (point.slotStart() == null) {
          continue;
        }
        double[] sum = slots.computeIfAbsent(point.slotStart(), s -> new double[2]);
        sum[0] += point.rxBps() == null ? 0 : point.rxBps();
        sum[1] += point.txBps() == null ? 0 : point.txBps();
      }
    }
    return slots;
  }

  /**
   * @param labels the chart's words in the viewer's language: title, inbound, outbound, no data
   */
  public static String svg(
      List<InterfaceUsage> interfaces,
      Instant from,
      Instant to,
      ZoneId zone,
      Locale locale,
      Labels labels) {
    return svg("chart", interfaces, from, to, zone, locale, labels);
  }

  /** The same with ids {@code <id>-title} and {@code <id>-desc}, for a page with several charts. */
  public static String svg(
      String id,
      List<InterfaceUsage> interfaces,
      Instant from,
      Instant to,
      ZoneId zone,
      Locale locale,
      Labels labels) {
    TreeMap<Instant, double[]> slots = summed(interfaces);
    double max = 0;
    for (double[] rates : slots.values()) {
      max = Math.max(max, Math.max(rates[0], rates[1]));
    }
    double top = niceCeiling(max);
    Svg svg = Svg.open(id, "chart", WIDTH, HEIGHT, labels.title(), describe(slots, labels, locale));
    // the rate axis: four steps from zero to a round ceiling
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      svg.grid(FRAME, y(value, top), "rate", rate(value, locale));
    }
    // the time axis: ticks on round hours of the viewer's zone
    DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm", locale);
    for (Instant tick : ticks(from, to, zone)) {
      svg.tick(FRAME, FRAME.x(tick, from, to), hour.format(tick.atZone(zone)));
    }
    svg.zone(FRAME, zone);
    if (slots.isEmpty()) {
      return svg.noData(FRAME, labels.noData()).close();
    }
    svg.lines(FRAME, "rx", series(slots, 0), SLOT, from, to, v -> y(v, top));
    svg.lines(FRAME, "tx", series(slots, 1), SLOT, from, to, v -> y(v, top));
    return svg.text("legend rx", LEFT, HEIGHT - 6, null, labels.inbound())
        .text("legend tx", LEFT + 140, HEIGHT - 6, null, labels.outbound())
        .close();
  }

  /** The chart's words, in the viewer's language. */
  public record Labels(String title, String inbound, String outbound, String noData) {}

  /** One direction's rates (0 inbound, 1 outbound), by slot. */
  private static TreeMap<Instant, Double> series(TreeMap<Instant, double[]> slots, int which) {
    TreeMap<Instant, Double> rates = new TreeMap<>();
    slots.forEach((slot, both) -> rates.put(slot, both[which]));
    return rates;
  }

  /** Runs of consecutive slots: a missing slot breaks the line. */
  static List<List<Instant>> runs(TreeMap<Instant, double[]> slots) {
    return Svg.runs(slots.keySet(), SLOT);
  }

  /** Round hours of the zone within the period, every 1, 2, 3, 6 or 12 hours (about 8 ticks). */
  static List<Instant> ticks(Instant from, Instant to, ZoneId zone) {
    long hours = Math.max(1, Duration.between(from, to).toHours());
    long step = 1;
    for (long candidate : new long[] {1, 2, 3, 6, 12, 24}) {
      step = candidate;
      if (hours / candidate <= 8) {
        break;
      }
    }
    List<Instant> ticks = new ArrayList<>();
    ZonedDateTime tick = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    while (tick.toInstant().isBefore(from) || tick.getHour() % step != 0) {
      tick = tick.plusHours(1);
    }
    while (!tick.toInstant().isAfter(to)) {
      ticks.add(tick.toInstant());
      tick = tick.plusHours(step);
    }
    return ticks;
  }

  /** 1, 2 or 5 times a power of ten, at or above the value (1 kbit/s at least). */
  static double niceCeiling(double value) {
    return value <= 1000 ? 1000 : Svg.roundUp(value);
  }

  static String rate(double bps, Locale locale) {
    if (bps >= 1e9) {
      return Svg.number(bps / 1e9, locale) + " Gbit/s";
    }
    if (bps >= 1e6) {
      return Svg.number(bps / 1e6, locale) + " Mbit/s";
    }
    if (bps >= 1e3) {
      return Svg.number(bps / 1e3, locale) + " kbit/s";
    }
    return Svg.number(bps, locale) + " bit/s";
  }

  private static String describe(TreeMap<Instant, double[]> slots, Labels labels, Locale locale) {
    if (slots.isEmpty()) {
      return labels.noData();
    }
    double rx = 0;
    double tx = 0;
    for (double[] rates : slots.values()) {
      rx = Math.max(rx, rates[0]);
      tx = Math.max(tx, rates[1]);
    }
    return labels.inbound()
        + " max "
        + rate(rx, locale)
        + ", "
        + labels.outbound()
        + " max "
        + rate(tx, locale);
  }

  private static double y(double value, double top) {
    return FRAME.y(value / top);
  }
}
