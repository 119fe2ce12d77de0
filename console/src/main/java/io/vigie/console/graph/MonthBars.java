package io.vigie.console.graph;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure per month as an SVG bar chart made on the server — availability against the contract's
 * target, the share of GTI met: one bar per month, oldest first, named by the month in the viewer's
 * language, a dashed line at the target, a bar under the target marked as such. The value axis
 * starts where the figures are told apart (availability from 99 % when every month is above it, not
 * from 0 where 99.9 and 99.95 look alike). A month without a figure has no bar and says so, never
 * zero. Plain Java, tested alone.
 */
public final class MonthBars {

  static final int WIDTH = 360;
  static final int HEIGHT = 180;
  static final int LEFT = 56;
  static final int RIGHT = 12;
  static final int TOP = 12;
  static final int BOTTOM = 36;
  private static final Svg.Frame FRAME = new Svg.Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);

  /**
   * A month's figure in percent (null: none that month) and how it reads out in words ("3 of 4
   * met"), or null.
   */
  public record Bar(YearMonth month, Double percent, String detail) {}

  /**
   * @param title what the bars are
   * @param target the word before the target ("target")
   * @param none said for a month without a figure
   */
  public record Labels(String title, String target, String none) {}

  private MonthBars() {}

  /**
   * The bottom of the value axis: 0, or a whole percent below every figure and the target when they
   * are all above 90 % (so 99.9 and 99.95 can be told apart), at least 1 % below 100.
   */
  static double floor(List<Bar> bars, Double target) {
    double lowest = target == null ? 100 : target;
    boolean any = target != null;
    for (Bar bar : bars) {
      if (bar.percent() != null) {
        lowest = Math.min(lowest, bar.percent());
        any = true;
      }
    }
    if (!any || lowest < 90) {
      return 0;
    }
    return Math.min(99, Math.floor(lowest));
  }

  /**
   * @param id unique on the page: the title and description are {@code <id>-title} and {@code
   *     <id>-desc}
   * @param target the percent promised (a dashed line; bars under it marked {@code under}), or null
   */
  public static String svg(String id, List<Bar> bars, Double target, Locale locale, Labels labels) {
    double floor = floor(bars, target);
    Svg svg =
        Svg.open(
            id,
            "chart months",
            WIDTH,
            HEIGHT,
            labels.title(),
            describe(bars, target, locale, labels));
    for (int i = 0; i <= 4; i++) {
      double value = floor + (100 - floor) * i / 4;
      svg.grid(FRAME, y(value, floor), "value", percent(value, locale));
    }
    double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, bars.size());
    double width = slot * 0.6;
    DateTimeFormatter name = DateTimeFormatter.ofPattern("MMM", locale);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double center = LEFT + slot * i + slot / 2;
      if (bar.percent() == null) {
        svg.text("no-data", center, HEIGHT - BOTTOM - 6, "middle", "—");
      } else {
        double y = y(bar.percent(), floor);
        boolean under = target != null && bar.percent() < target;
        svg.rect(under ? "bar under" : "bar", center - width / 2, y, width, HEIGHT - BOTTOM - y);
      }
      svg.text("time", center, HEIGHT - BOTTOM + 16, "middle", name.format(bar.month()));
    }
    if (target != null) {
      svg.across(FRAME, "target", y(target, floor));
    }
    return svg.close();
  }

  static String percent(double value, Locale locale) {
    String number =
        value == Math.rint(value)
            ? String.valueOf((long) value)
            : String.format(locale, "%.2f", value).replaceAll("[.,]?0+$", "");
    return number + " %";
  }

  private static String describe(List<Bar> bars, Double target, Locale locale, Labels labels) {
    DateTimeFormatter name = DateTimeFormatter.ofPattern("MMMM uuuu", locale);
    List<String> months = new ArrayList<>();
    for (Bar bar : bars) {
      String figure =
          bar.percent() == null
              ? labels.none()
              : percent(bar.percent(), locale)
                  + (bar.detail() == null ? "" : " (" + bar.detail() + ")");
      months.add(name.format(bar.month()) + " " + figure);
    }
    return labels.title()
        + (target == null ? "" : ", " + labels.target() + " " + percent(target, locale))
        + ": "
        + String.join("; ", months);
  }

  private static double y(double value, double floor) {
    return FRAME.y((Math.max(floor, Math.min(100, value)) - floor) / (100 - floor));
  }
}
