package io.vigie.console.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Two counts per hour side by side as an SVG bar chart made on the server — samples accepted and
 * rejected, alerts fired and resolved: a pair of bars per hour, the count axis in round steps, the
 * time axis on round hours of the viewer's time zone (named under the axis), a legend naming the
 * two series. An hour counts what it counts, zero included (no bar); a period where nothing was
 * counted says so instead of drawing an empty axis. Plain Java, tested alone.
 */
public final class HourBars {

  static final int WIDTH = 720;
  static final int HEIGHT = 220;
  static final int LEFT = 64;
  static final int RIGHT = 16;
  static final int TOP = 16;
  static final int BOTTOM = 48;
  static final Duration HOUR = Duration.ofHours(1);
  private static final Svg.Frame FRAME = new Svg.Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);

  /** One hour's two counts. */
  public record Hour(Instant start, long first, long second) {}

  /** A series: its class on the page (its colour) and its name in the viewer's language. */
  public record Series(String css, String name) {}

  /**
   * The chart's words in the viewer's language.
   *
   * @param total the word before a series' sum over the period
   * @param peak the word before its busiest hour's count
   * @param none said when nothing was counted in the period
   */
  public record Labels(
      String title, Series first, Series second, String total, String peak, String none) {}

  private HourBars() {}

  /**
   * @param id unique on the page: the title and description are {@code <id>-title} and {@code
   *     <id>-desc}
   * @param from the first hour drawn (on the hour)
   * @param to the end of the last hour drawn
   */
  public static String svg(
      String id,
      List<Hour> hours,
      Instant from,
      Instant to,
      ZoneId zone,
      Locale locale,
      Labels labels) {
    long peak = 0;
    for (Hour hour : hours) {
      peak = Math.max(peak, Math.max(hour.first(), hour.second()));
    }
    double top = top(peak);
    Svg svg =
        Svg.open(id, "chart hours", WIDTH, HEIGHT, labels.title(), describe(hours, peak, labels));
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      svg.grid(FRAME, y(value, top), "value", count(value, locale));
    }
    DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm", locale);
    for (Instant tick : UsageChart.ticks(from, to, zone)) {
      svg.tick(FRAME, FRAME.x(tick, from, to), clock.format(tick.atZone(zone)));
    }
    svg.zone(FRAME, zone);
    if (peak == 0) {
      return svg.noData(FRAME, labels.none()).close();
    }
    for (Hour hour : hours) {
      double start = FRAME.x(hour.start(), from, to);
      double slot = FRAME.x(hour.start().plus(HOUR), from, to) - start;
      bar(svg, labels.first().css(), start + slot * 0.1, slot * 0.4, hour.first(), top);
      bar(svg, labels.second().css(), start + slot * 0.5, slot * 0.4, hour.second(), top);
    }
    return svg.text("legend " + labels.first().css(), LEFT, HEIGHT - 6, null, labels.first().name())
        .text(
            "legend " + labels.second().css(), LEFT + 200, HEIGHT - 6, null, labels.second().name())
        .close();
  }

  private static void bar(Svg svg, String css, double x, double width, long count, double top) {
    double y = y(count, top);
    svg.rect(css, x, y, width, FRAME.baseline() - y);
  }

  /**
   * The top of the count axis: four round steps (1, 2 or 5 times a power of ten) at or above the
   * busiest hour, so every grid line is a whole count; 4 at least.
   */
  static double top(long peak) {
    return 4 * Svg.roundUp(peak / 4.0);
  }

  /** A count as the axis writes it: "750", "1.5 k", "2 M" ("1,5 k" in French). */
  static String count(double value, Locale locale) {
    if (value >= 1e6) {
      return Svg.number(value / 1e6, locale) + " M";
    }
    if (value >= 1e3) {
      return Svg.number(value / 1e3, locale) + " k";
    }
    return Svg.number(value, locale);
  }

  private static String describe(List<Hour> hours, long peak, Labels labels) {
    if (peak == 0) {
      return labels.title() + ": " + labels.none();
    }
    long first = 0;
    long second = 0;
    long firstPeak = 0;
    long secondPeak = 0;
    for (Hour hour : hours) {
      first += hour.first();
      second += hour.second();
      firstPeak = Math.max(firstPeak, hour.first());
      secondPeak = Math.max(secondPeak, hour.second());
    }
    return labels.title()
        + ": "
        + series(labels.first().name(), first, firstPeak, labels)
        + "; "
        + series(labels.second().name(), second, secondPeak, labels);
  }

  private static String series(String name, long total, long peak, Labels labels) {
    return name + " " + labels.total() + " " + total + ", " + labels.peak() + " " + peak;
  }

  private static double y(double value, double top) {
    return FRAME.y(Math.min(value, top) / top);
  }
}
