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
import java.util.Map;
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
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"><title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(labels.title()))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(describe(slots, labels, locale)))
        .append("</desc>");
    // the rate axis: four steps from zero to a round ceiling
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      double y = y(value, top);
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\"/><text class=\"rate\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(fmt(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(escape(rate(value, locale)))
          .append("</text>");
    }
    // the time axis: ticks on round hours of the viewer's zone
    for (Instant tick : ticks(from, to, zone)) {
      double x = x(tick, from, to);
      svg.append("<line class=\"tick\" x1=\"")
          .append(fmt(x))
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y1=\"")
          .append(HEIGHT - BOTTOM)
          .append("\" y2=\"")
          .append(HEIGHT - BOTTOM + 5)
          .append("\"/><text class=\"time\" x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(HEIGHT - BOTTOM + 18)
          .append("\" text-anchor=\"middle\">")
          .append(DateTimeFormatter.ofPattern("HH:mm", locale).format(tick.atZone(zone)))
          .append("</text>");
    }
    svg.append("<text class=\"zone\" x=\"")
        .append(WIDTH - RIGHT)
        .append("\" y=\"")
        .append(HEIGHT - 6)
        .append("\" text-anchor=\"end\">")
        .append(escape(zone.getId()))
        .append("</text>");
    if (slots.isEmpty()) {
      svg.append("<text class=\"no-data\" x=\"")
          .append((LEFT + WIDTH - RIGHT) / 2)
          .append("\" y=\"")
          .append((TOP + HEIGHT - BOTTOM) / 2)
          .append("\" text-anchor=\"middle\">")
          .append(escape(labels.noData()))
          .append("</text>");
    } else {
      lines(svg, slots, from, to, top, 0, "rx");
      lines(svg, slots, from, to, top, 1, "tx");
      svg.append("<text class=\"legend rx\" x=\"")
          .append(LEFT)
          .append("\" y=\"")
          .append(HEIGHT - 6)
          .append("\">")
          .append(escape(labels.inbound()))
          .append("</text><text class=\"legend tx\" x=\"")
          .append(LEFT + 140)
          .append("\" y=\"")
          .append(HEIGHT - 6)
          .append("\">")
          .append(escape(labels.outbound()))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** The chart's words, in the viewer's language. */
  public record Labels(String title, String inbound, String outbound, String noData) {}

  /** One polyline per run of consecutive slots: a missing slot breaks the line. */
  private static void lines(
      StringBuilder svg,
      TreeMap<Instant, double[]> slots,
      Instant from,
      Instant to,
      double top,
      int which,
      String css) {
    List<List<Map.Entry<Instant, double[]>>> runs = runs(slots);
    for (List<Map.Entry<Instant, double[]>> run : runs) {
      if (run.size() == 1) {
        Map.Entry<Instant, double[]> only = run.get(0);
        svg.append("<circle class=\"")
            .append(css)
            .append("\" r=\"2\" cx=\"")
            .append(fmt(x(only.getKey(), from, to)))
            .append("\" cy=\"")
            .append(fmt(y(only.getValue()[which], top)))
            .append("\"/>");
        continue;
      }
      svg.append("<polyline class=\"").append(css).append("\" fill=\"none\" points=\"");
      for (int i = 0; i < run.size(); i++) {
        Map.Entry<Instant, double[]> slot = run.get(i);
        if (i > 0) {
          svg.append(' ');
        }
        svg.append(fmt(x(slot.getKey(), from, to)))
            .append(',')
            .append(fmt(y(slot.getValue()[which], top)));
      }
      svg.append("\"/>");
    }
  }

  static List<List<Map.Entry<Instant, double[]>>> runs(TreeMap<Instant, double[]> slots) {
    List<List<Map.Entry<Instant, double[]>>> runs = new ArrayList<>();
    List<Map.Entry<Instant, double[]>> current = new ArrayList<>();
    Instant previous = null;
    for (Map.Entry<Instant, double[]> slot : slots.entrySet()) {
      if (previous != null && Duration.between(previous, slot.getKey()).compareTo(SLOT) > 0) {
        runs.add(current);
        current = new ArrayList<>();
      }
      current.add(slot);
      previous = slot.getKey();
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
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
    if (value <= 1000) {
      return 1000;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  static String rate(double bps, Locale locale) {
    if (bps >= 1e9) {
      return number(bps / 1e9, locale) + " Gbit/s";
    }
    if (bps >= 1e6) {
      return number(bps / 1e6, locale) + " Mbit/s";
    }
    if (bps >= 1e3) {
      return number(bps / 1e3, locale) + " kbit/s";
    }
    return number(bps, locale) + " bit/s";
  }

  private static String number(double value, Locale locale) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(locale, "%.1f", value);
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

  private static double x(Instant at, Instant from, Instant to) {
    double span = Math.max(1, Duration.between(from, to).toSeconds());
    double offset = Duration.between(from, at).toSeconds();
    return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(1, offset / span));
  }

  private static double y(double value, double top) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
