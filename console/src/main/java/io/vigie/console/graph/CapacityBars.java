package io.vigie.console.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One resource (CPU, RAM or disk) of several hosts or datacenters as horizontal SVG bars made on
 * the server, a row each: the track is what the hardware has, the wide bar what is allocated to
 * guests, the thin dark bar what was used in the last closed hour, and a dashed mark the most the
 * overcommit policy allows. A row with a figure unknown draws none for it (never zero). Plain Java,
 * tested alone.
 */
public final class CapacityBars {

  static final int WIDTH = 520;
  static final int LABEL = 150;
  static final int FIGURES = 130;
  static final int ROW = 26;
  static final int TOP = 8;
  static final int BOTTOM = 8;

  /**
   * One host or datacenter: its figures in {@code unit} (vCPU, GB); {@code used} null when
   * monitoring measured nothing.
   */
  public record Row(
      String name, double physical, double allocated, double allocatable, Double used) {}

  /**
   * @param title the resource and what the rows are
   * @param allocated the word for what is allocated
   * @param used the word for what is used
   * @param allowed the word for what the policy allows
   */
  public record Labels(String title, String allocated, String used, String allowed) {}

  private CapacityBars() {}

  /**
   * @param id unique on the page: the title and description are {@code <id>-title} and {@code
   *     <id>-desc}
   */
  public static String svg(String id, List<Row> rows, String unit, Locale locale, Labels labels) {
    int height = TOP + BOTTOM + ROW * Math.max(1, rows.size());
    StringBuilder svg = new StringBuilder(1024 + rows.size() * 512);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart capacity\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"><title id=\"")
        .append(id)
        .append("-title\">")
        .append(UsageChart.escape(labels.title()))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(UsageChart.escape(describe(rows, unit, locale, labels)))
        .append("</desc>");
    double track = WIDTH - LABEL - FIGURES - 8;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double top = TOP + ROW * i;
      double scale =
          Math.max(1, Math.max(row.physical(), Math.max(row.allocated(), row.allocatable())));
      svg.append("<text class=\"name\" x=\"")
          .append(LABEL - 6)
          .append("\" y=\"")
          .append(fmt(top + 16))
          .append("\" text-anchor=\"end\">")
          .append(UsageChart.escape(shorten(row.name())))
          .append("</text>");
      bar(svg, "physical", LABEL, top + 4, track * row.physical() / scale, ROW - 8);
      bar(svg, "allocated", LABEL, top + 7, track * row.allocated() / scale, ROW - 14);
      if (row.used() != null) {
        bar(svg, "used", LABEL, top + 10, track * Math.min(row.used(), scale) / scale, ROW - 20);
      }
      if (row.allocatable() > 0) {
        double x = LABEL + track * row.allocatable() / scale;
        svg.append("<line class=\"allowed\" x1=\"")
            .append(fmt(x))
            .append("\" x2=\"")
            .append(fmt(x))
            .append("\" y1=\"")
            .append(fmt(top + 1))
            .append("\" y2=\"")
            .append(fmt(top + ROW - 1))
            .append("\"/>");
      }
      svg.append("<text class=\"figures\" x=\"")
          .append(WIDTH - FIGURES)
          .append("\" y=\"")
          .append(fmt(top + 16))
          .append("\">")
          .append(
              UsageChart.escape(
                  (row.used() == null ? "—" : number(row.used(), locale))
                      + " / "
                      + number(row.allocated(), locale)
                      + " / "
                      + number(row.allocatable(), locale)
                      + " "
                      + unit))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static void bar(StringBuilder svg, String css, double x, double y, double w, double h) {
    if (w <= 0) {
      return;
    }
    svg.append("<rect class=\"")
        .append(css)
        .append("\" x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" width=\"")
        .append(fmt(w))
        .append("\" height=\"")
        .append(fmt(h))
        .append("\"/>");
  }

  /** Host names are long: the first label and its start is what people read on a wall. */
  static String shorten(String name) {
    if (name == null) {
      return "";
    }
    return name.length() <= 22 ? name : name.substring(0, 21) + "…";
  }

  static String number(double value, Locale locale) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(locale, "%.1f", value);
  }

  private static String describe(List<Row> rows, String unit, Locale locale, Labels labels) {
    List<String> parts = new ArrayList<>();
    for (Row row : rows) {
      parts.add(
          row.name()
              + ": "
              + labels.used()
              + " "
              + (row.used() == null ? "—" : number(row.used(), locale))
              + ", "
              + labels.allocated()
              + " "
              + number(row.allocated(), locale)
              + ", "
              + labels.allowed()
              + " "
              + number(row.allocatable(), locale)
              + " "
              + unit);
    }
    return labels.title() + ". " + String.join("; ", parts);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
