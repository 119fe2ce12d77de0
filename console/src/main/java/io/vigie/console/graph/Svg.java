package io.vigie.console.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.DoubleUnaryOperator;

/**
 * What every chart of the console writes the same way: the accessible opening (a viewBox, {@code
 * role="img"}, a title and a description named by ids unique on the page), escaped text, one
 * decimal for every coordinate, and the plot's common marks (grid lines with their values, time
 * ticks, the zone under the axis, the empty state, lines broken where a value is missing). A chart
 * opens one, appends its own marks, and closes it. Plain Java.
 */
final class Svg {

  /**
   * The plot area inside a chart of {@code width} by {@code height}: the margins hold the axes'
   * values and names.
   */
  record Frame(int width, int height, int left, int right, int top, int bottom) {

    /** The x of {@code at} on a time axis from {@code from} to {@code to}, kept inside the plot. */
    double x(Instant at, Instant from, Instant to) {
      double span = Math.max(1, Duration.between(from, to).toSeconds());
      double offset = Duration.between(from, at).toSeconds();
      return left + (width - left - right) * Math.max(0, Math.min(1, offset / span));
    }

    /** The y of a value at {@code share} of the axis (0 the bottom, 1 the top). */
    double y(double share) {
      return top + (height - top - bottom) * (1 - share);
    }

    /** The baseline of the plot: where the time axis runs. */
    int baseline() {
      return height - bottom;
    }
  }

  private static final String[] LINE = {"x1", "x2", "y1", "y2"};
  private static final String[] RECT = {"x", "y", "width", "height"};
  private static final String[] DOT = {"r", "cx", "cy"};

  private final StringBuilder out;

  private Svg(StringBuilder out) {
    this.out = out;
  }

  /**
   * A chart's opening: {@code <svg class="css" viewBox="0 0 width height" role="img">} labelled by
   * its title ({@code <id>-title}) and described by {@code desc} ({@code <id>-desc}).
   */
  static Svg open(String id, String css, int width, int height, String title, String desc) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        .append(css)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"><title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(title))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(desc))
        .append("</desc>");
    return new Svg(out);
  }

  /** A line of class {@code css} from (x1, y1) to (x2, y2). */
  Svg line(String css, double x1, double x2, double y1, double y2) {
    return shape("line", css, LINE, x1, x2, y1, y2);
  }

  /** A line of class {@code css} across the plot at {@code y} (a target, a total). */
  Svg across(Frame frame, String css, double y) {
    return line(css, frame.left(), frame.width() - frame.right(), y, y);
  }

  /**
   * A grid line across the plot at {@code y}, its value written left of it in class {@code css}.
   */
  Svg grid(Frame frame, double y, String css, String value) {
    across(frame, "grid", y);
    return text(css, frame.left() - 6, y + 4, "end", value);
  }

  /** A mark under the time axis at {@code x}, with what it says. */
  Svg tick(Frame frame, double x, String label) {
    line("tick", x, x, frame.baseline(), frame.baseline() + 5);
    return text("time", x, frame.baseline() + 18, "middle", label);
  }

  /** The time zone's name, right under the time axis. */
  Svg zone(Frame frame, ZoneId zone) {
    return text("zone", frame.width() - frame.right(), frame.height() - 6, "end", zone.getId());
  }

  /** What the chart says instead of marks when it has none, in the middle of the plot. */
  Svg noData(Frame frame, String words) {
    return text(
        "no-data",
        (frame.left() + frame.width() - frame.right()) / 2,
        (frame.top() + frame.baseline()) / 2,
        "middle",
        words);
  }

  /** A text of class {@code css} anchored at (x, y) ({@code anchor} null: the start). */
  Svg text(String css, double x, double y, String anchor, String text) {
    out.append("<text class=\"")
        .append(css)
        .append("\" x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y));
    if (anchor != null) {
      out.append("\" text-anchor=\"").append(anchor);
    }
    out.append("\">").append(escape(text)).append("</text>");
    return this;
  }

  /** A rectangle of class {@code css}; none when it has no width or height. */
  Svg rect(String css, double x, double y, double width, double height) {
    return width <= 0 || height <= 0 ? this : shape("rect", css, RECT, x, y, width, height);
  }

  /**
   * A run of consecutive points as a line of class {@code css}, a lone point as a dot: a missing
   * value is a gap between runs, never joined.
   */
  Svg run(String css, List<double[]> points) {
    if (points.size() == 1) {
      return shape("circle", css, DOT, 2, points.get(0)[0], points.get(0)[1]);
    }
    out.append("<polyline class=\"").append(css).append("\" fill=\"none\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(fmt(points.get(i)[0])).append(',').append(fmt(points.get(i)[1]));
    }
    out.append("\"/>");
    return this;
  }

  /**
   * Values over time as lines of class {@code css}: consecutive slots ({@code step} apart) joined,
   * a slot not measured a gap, a lone slot a dot.
   */
  Svg lines(
      Frame frame,
      String css,
      SortedMap<Instant, Double> values,
      Duration step,
      Instant from,
      Instant to,
      DoubleUnaryOperator y) {
    for (List<Instant> run : runs(values.keySet(), step)) {
      List<double[]> points = new ArrayList<>(run.size());
      for (Instant at : run) {
        points.add(new double[] {frame.x(at, from, to), y.applyAsDouble(values.get(at))});
      }
      run(css, points);
    }
    return this;
  }

  /** An element {@code <tag class="css" name="value".../>}, the values as coordinates. */
  private Svg shape(String tag, String css, String[] names, double... values) {
    out.append('<').append(tag).append(" class=\"").append(css).append('"');
    for (int i = 0; i < names.length; i++) {
      out.append(' ').append(names[i]).append("=\"").append(fmt(values[i])).append('"');
    }
    out.append("/>");
    return this;
  }

  /** The chart, closed. */
  String close() {
    return out.append("</svg>").toString();
  }

  /**
   * Runs of consecutive instants, in order: a step longer than {@code step} between two of them (a
   * slot not measured) starts a new run.
   */
  static List<List<Instant>> runs(Collection<Instant> sorted, Duration step) {
    List<List<Instant>> runs = new ArrayList<>();
    List<Instant> current = new ArrayList<>();
    Instant previous = null;
    for (Instant at : sorted) {
      if (previous != null && Duration.between(previous, at).compareTo(step) > 0) {
        runs.add(current);
        current = new ArrayList<>();
      }
      current.add(at);
      previous = at;
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  /** 1, 2 or 5 times a power of ten, at or above {@code value} (1 at least). */
  static double roundUp(double value) {
    if (value <= 1) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  /** A whole number without decimals, another with one, in the viewer's language ("12,5"). */
  static String number(double value, Locale locale) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(locale, "%.1f", value);
  }

  /** A coordinate: one decimal, whatever the language. */
  static String fmt(double value) {
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
