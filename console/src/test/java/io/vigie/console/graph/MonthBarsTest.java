package io.vigie.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MonthBarsTest {

  static final MonthBars.Labels LABELS =
      new MonthBars.Labels("Availability per month", "target", "no figure");

  static MonthBars.Bar bar(String month, Double percent) {
    return new MonthBars.Bar(YearMonth.parse(month), percent, null);
  }

  @Test
  void availabilityAgainstItsTargetFromAWholePercentBelow() throws Exception {
    List<MonthBars.Bar> bars =
        List.of(
            bar("2026-09", 99.98),
            bar("2026-10", 99.2),
            // November not reported: no bar, never zero
            bar("2026-11", null));
    assertThat(MonthBars.floor(bars, 99.95)).isEqualTo(99);
    String svg = MonthBars.svg("a", bars, 99.95, Locale.ENGLISH, LABELS);
    Document doc = parse(svg);
    NodeList rects = doc.getElementsByTagName("rect");
    assertThat(rects.getLength()).isEqualTo(2);
    assertThat(((Element) rects.item(0)).getAttribute("class")).isEqualTo("bar");
    // under the 99.95 % target: marked
    assertThat(((Element) rects.item(1)).getAttribute("class")).isEqualTo("bar under");
    // the axis from 99 % to 100 % in quarters, the months named in the viewer's language
    assertThat(svg)
        .contains(">99 %</text>")
        .contains(">99.25 %</text>")
        .contains(">100 %</text>")
        .contains(">Sep</text>")
        .contains(">—</text>");
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo(
            "Availability per month, target 99.95 %: September 2026 99.98 %; October 2026 99.2 %;"
                + " November 2026 no figure");
    // 99.98 on an axis from 99 to 100: y = 12 + 132 * (1 - 0.98) = 14.64
    assertThat(((Element) rects.item(0)).getAttribute("y")).isEqualTo("14.6");
    assertThat(MonthBars.svg("f", bars, 99.95, Locale.FRENCH, LABELS))
        .contains(">99,25 %</text>")
        .contains(">sept.</text>");
  }

  @Test
  void aShareFromZeroWhenAMonthIsLowAndItsDetailRead() throws Exception {
    List<MonthBars.Bar> bars =
        List.of(
            new MonthBars.Bar(YearMonth.parse("2026-10"), 75.0, "3/4"),
            new MonthBars.Bar(YearMonth.parse("2026-11"), 100.0, "2/2"));
    assertThat(MonthBars.floor(bars, null)).isZero();
    String svg = MonthBars.svg("g", bars, null, Locale.ENGLISH, LABELS);
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo("Availability per month: October 2026 75 % (3/4); November 2026 100 % (2/2)");
    assertThat(svg).doesNotContain("class=\"target\"").contains(">0 %</text>");
    assertThat(MonthBars.floor(List.of(bar("2026-11", 100.0)), null)).isEqualTo(99);
    assertThat(MonthBars.floor(List.of(bar("2026-11", null)), null)).isZero();
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
