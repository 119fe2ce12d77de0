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
    Svg svg =
        Svg.open(
            id,
            "chart capacity",
            WIDTH,
            height,
            labels.title(),
            describe(rows, unit, locale, labels));
    double track = WIDTH - LABEL - FIGURES - 8;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double top = TOP + ROW * i;
      double scale =
          Math.max(1, Math.max(row.physical(), Math.max(row.allocated(), row.allocatable())));
      svg.text("name", LABEL - 6, top + 16, "end", shorten(row.name()));
      svg.rect("physical", LABEL, top + 4, track * row.physical() / scale, ROW - 8);
      svg.rect("allocated", LABEL, top + 7, track * row.allocated() / scale, ROW - 14);
      if (row.used() != null) {
        svg.rect("used", LABEL, top + 10, track * Math.min(row.used(), scale) / scale, ROW - 20);
      }
      if (row.allocatable() > 0) {
        double x = LABEL + track * row.allocatable() / scale;
        svg.line("allowed", x, x, top + 1, top + ROW - 1);
      }
      svg.text(
          "figures",
          WIDTH - FIGURES,
          top + 16,
          null,
          (row.used() == null ? "—" : Svg.number(row.used(), locale))
              + " / "
              + Svg.number(row.allocated(), locale)
              + " / "
              + Svg.number(row.allocatable(), locale)
              + " "
              + unit);
    }
    return svg.close();
  }

  /** Host names are long: the first label and its start is what people read on a wall. */
  static String shorten(String name) {
    if (name == null) {
      return "";
    }
    return name.length() <= 22 ? name : name.substring(0, 21) + "…";
  }

  private static String describe(List<Row> rows, String unit, Locale locale, Labels labels) {
    List<String> parts = new ArrayList<>();
    for (Row row : rows) {
      parts.add(
          row.name()
              + ": "
              + labels.used()
              + " "
              + (row.used() == null ? "—" : Svg.number(row.used(), locale))
              + ", "
              + labels.allocated()
              + " "
              + Svg.number(row.allocated(), locale)
              + ", "
              + labels.allowed()
              + " "
              + Svg.number(row.allocatable(), locale)
              + " "
              + unit);
    }
    return labels.title() + ". " + String.join("; ", parts);
  }
}
