package io.vigie.console.graph;

import static io.vigie.console.graph.SvgDocuments.parse;
import static io.vigie.console.graph.SvgDocuments.rects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HourBarsTest {

  static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
  static final Instant TO = FROM.plus(Duration.ofHours(4));
  static final HourBars.Labels LABELS =
      new HourBars.Labels(
          "Alerts per hour",
          new HourBars.Series("fired", "fired"),
          new HourBars.Series("resolved", "resolved"),
          "total",
          "busiest hour",
          "No alert.");

  static HourBars.Hour hour(int h, long fired, long resolved) {
    return new HourBars.Hour(FROM.plus(Duration.ofHours(h)), fired, resolved);
  }

  @Test
  void aPairOfBarsPerHourOnRoundStepsAndAZeroDrawsNoBar() throws Exception {
    String svg =
        HourBars.svg(
            "a",
            List.of(hour(0, 3, 0), hour(1, 0, 0), hour(2, 7, 5), hour(3, 1, 2)),
            FROM,
            TO,
            ZoneOffset.UTC,
            Locale.ENGLISH,
            LABELS);
    Document doc = parse(svg);
    // 7 at most: four steps of 2, every grid line a whole count
    assertThat(HourBars.top(7)).isEqualTo(8);
    assertThat(svg).contains(">8</text>").contains(">6</text>").contains(">0</text>");
    assertThat(rects(doc, "fired")).hasSize(3);
    assertThat(rects(doc, "resolved")).hasSize(2);
    // 02:00 is the third of four hours 160 units wide: its first bar a tenth into the slot
    Element busiest = rects(doc, "fired").get(1);
    assertThat(busiest.getAttribute("x")).isEqualTo("400.0"); // 64 + 2 * 160 + 16
    assertThat(busiest.getAttribute("width")).isEqualTo("64.0");
    // 7 of 8: y = 16 + 156 / 8 = 35.5, down to the axis at 172
    assertThat(busiest.getAttribute("y")).isEqualTo("35.5");
    assertThat(busiest.getAttribute("height")).isEqualTo("136.5");
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo(
            "Alerts per hour: fired total 11, busiest hour 7; resolved total 7, busiest hour 5");
    assertThat(doc.getDocumentElement().getAttribute("aria-labelledby"))
        .isEqualTo("a-title a-desc");
    assertThat(svg).contains(">00:00</text>").contains(">Z</text>");
  }

  @Test
  void nothingCountedIsSaidNotDrawnAndCountsReadShort() throws Exception {
    String svg =
        HourBars.svg("e", List.of(hour(0, 0, 0)), FROM, TO, ZoneOffset.UTC, Locale.ENGLISH, LABELS);
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("rect").getLength()).isZero();
    assertThat(svg).contains(">No alert.</text>");
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo("Alerts per hour: No alert.");
    assertThat(HourBars.top(0)).isEqualTo(4);
    assertThat(HourBars.top(12_000)).isEqualTo(20_000);
    assertThat(HourBars.count(750, Locale.ENGLISH)).isEqualTo("750");
    assertThat(HourBars.count(1500, Locale.FRENCH)).isEqualTo("1,5 k");
    assertThat(HourBars.count(2_000_000, Locale.ENGLISH)).isEqualTo("2 M");
  }
}
