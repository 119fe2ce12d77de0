package io.vigie.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.HourlyUsage;
import io.vigie.console.graph.HourlyUsageChart.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HourlyUsageChartTest {

  static final Instant TO = Instant.parse("2026-11-30T10:00:00Z");
  static final Instant FROM = TO.minus(Duration.ofDays(7));
  static final HourlyUsageChart.Labels RAM =
      new HourlyUsageChart.Labels("RAM in use", "average", "peak", "of", "No hour measured.");

  static HourlyUsage hour(String at, double cpu, double ram, double disk) {
    return new HourlyUsage(Instant.parse(at), 60, cpu, ram, disk);
  }

  static List<HourlyUsage> hours() {
    return List.of(
        hour("2026-11-29T06:00:00Z", 10, 8, 100),
        hour("2026-11-29T07:00:00Z", 30, 16, 101),
        // 08:00 not measured: never made up
        hour("2026-11-29T09:00:00Z", 20, 12, 102),
        hour("2026-11-29T10:00:00Z", 50, 20, 103),
        hour("2026-11-29T11:00:00Z", 40, 4, 104));
  }

  @Test
  void aWeekOnTheViewersMidnightsWithTheDayNamed() {
    List<HourlyUsageChart.Tick> paris =
        HourlyUsageChart.ticks(FROM, TO, ZoneId.of("Europe/Paris"), Locale.ENGLISH);
    // 23 Nov 11:00 Paris to 30 Nov 11:00: the midnights of the 24th to the 30th, Paris time
    assertThat(paris)
        .extracting(HourlyUsageChart.Tick::label)
        .containsExactly("Tue 24", "Wed 25", "Thu 26", "Fri 27", "Sat 28", "Sun 29", "Mon 30");
    assertThat(paris.get(0).at()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    assertThat(HourlyUsageChart.ticks(FROM, TO, ZoneOffset.UTC, Locale.FRENCH))
        .extracting(HourlyUsageChart.Tick::label)
        .startsWith("mar. 24")
        .hasSize(7);
    // 93 days: a mark a fortnight; a day: round hours as the traffic graph
    assertThat(
            HourlyUsageChart.ticks(
                TO.minus(Duration.ofDays(93)), TO, ZoneOffset.UTC, Locale.ENGLISH))
        .hasSize(7);
    assertThat(
            HourlyUsageChart.ticks(
                TO.minus(Duration.ofDays(1)), TO, ZoneOffset.UTC, Locale.ENGLISH))
        .extracting(HourlyUsageChart.Tick::label)
        .startsWith("12:00", "15:00");
  }

  @Test
  void ramUpToWhatTheMachineHasAMissingHourBreaksTheLine() throws Exception {
    String svg =
        HourlyUsageChart.svg(
            "usage-web1-ram",
            Resource.RAM,
            hours(),
            64.0,
            FROM,
            TO,
            ZoneOffset.UTC,
            Locale.ENGLISH,
            RAM);
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("aria-labelledby"))
        .isEqualTo("usage-web1-ram-title usage-web1-ram-desc");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("RAM in use");
    // (8 + 16 + 12 + 20 + 4) / 5 = 12
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo("RAM in use: average 12 GB, peak 20 GB of 64 GB");
    // the axis in quarters of the 64 GB the server has, a dashed line there
    assertThat(svg).contains(">64 GB</text>").contains(">16 GB</text>").contains(">0 GB</text>");
    assertThat(lines(doc, "total")).isEqualTo(1);
    NodeList polylines = doc.getElementsByTagName("polyline");
    assertThat(polylines.getLength()).isEqualTo(2); // 06:00-07:00, then 09:00-11:00
    String first = ((Element) polylines.item(0)).getAttribute("points");
    // 4 GB of 64 at 11:00, the last point: y = 12 + 124 * (1 - 4 / 64) = 128.25
    assertThat(((Element) polylines.item(1)).getAttribute("points")).endsWith(",128.3");
    assertThat(first.split(" ")).hasSize(2);
  }

  @Test
  void cpuInPercentAndATotalExceededOrUnknownGivesARoundCeiling() throws Exception {
    HourlyUsageChart.Labels cpu =
        new HourlyUsageChart.Labels("CPU busy", "average", "peak", "of", "No hour measured.");
    String svg =
        HourlyUsageChart.svg(
            "c", Resource.CPU, hours(), 8.0, FROM, TO, ZoneOffset.UTC, Locale.ENGLISH, cpu);
    assertThat(svg).contains(">100 %</text>").contains(">25 %</text>");
    assertThat(parse(svg).getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo("CPU busy: average 30 %, peak 50 %");
    assertThat(lines(parse(svg), "total")).isZero();

    assertThat(HourlyUsageChart.top(Resource.DISK, 104, null)).isEqualTo(200);
    assertThat(HourlyUsageChart.top(Resource.DISK, 104, 80.0)).isEqualTo(200);
    assertThat(HourlyUsageChart.top(Resource.RAM, 0.3, null)).isEqualTo(1);
    assertThat(HourlyUsageChart.top(Resource.RAM, 3, 4.0)).isEqualTo(4);
    assertThat(HourlyUsageChart.amount(62.5, Resource.DISK, Locale.FRENCH)).isEqualTo("62,5 GB");
  }

  @Test
  void noHourMeasuredIsSaidNotDrawn() throws Exception {
    String svg =
        HourlyUsageChart.svg(
            "e", Resource.RAM, List.of(), 64.0, FROM, TO, ZoneOffset.UTC, Locale.ENGLISH, RAM);
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isZero();
    assertThat(doc.getElementsByTagName("circle").getLength()).isZero();
    assertThat(svg).contains(">No hour measured.</text>");
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo("RAM in use: No hour measured.");
  }

  private static int lines(Document doc, String css) {
    NodeList lines = doc.getElementsByTagName("line");
    int n = 0;
    for (int i = 0; i < lines.getLength(); i++) {
      if (css.equals(((Element) lines.item(i)).getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
