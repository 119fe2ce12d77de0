package io.vigie.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.InterfaceUsage;
import io.vigie.console.api.UsagePoint;
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
import org.w3c.dom.NodeList;

class UsageChartTest {

  static final Instant FROM = Instant.parse("2026-11-29T10:00:00Z");
  static final Instant TO = Instant.parse("2026-11-30T10:00:00Z");
  static final UsageChart.Labels LABELS =
      new UsageChart.Labels("Traffic <24 h>", "inbound", "outbound", "No measurement.");

  static UsagePoint point(String at, double rx, double tx) {
    return new UsagePoint(Instant.parse(at), rx, tx);
  }

  @Test
  void theTimeAxisIsInTheViewersZoneOnRoundHours() {
    List<String> paris =
        UsageChart.ticks(FROM, TO, ZoneId.of("Europe/Paris")).stream()
            .map(t -> t.atZone(ZoneId.of("Europe/Paris")).toLocalTime().toString())
            .toList();
    // 24 hours: a tick every 3 hours of Paris time (UTC+1 in November), from 12:00 to 09:00
    assertThat(paris)
        .containsExactly("12:00", "15:00", "18:00", "21:00", "00:00", "03:00", "06:00", "09:00");
    assertThat(UsageChart.ticks(FROM, TO, ZoneOffset.UTC))
        .first()
        .isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(UsageChart.ticks(FROM, FROM.plus(Duration.ofHours(6)), ZoneOffset.UTC)).hasSize(7);

    String svg =
        UsageChart.svg(List.of(), FROM, TO, ZoneId.of("Europe/Paris"), Locale.FRENCH, LABELS);
    assertThat(svg).contains(">12:00</text>").contains(">Europe/Paris</text>");
  }

  @Test
  void interfacesAreSummedSlotBySlotAndAMissingSlotBreaksTheLine() throws Exception {
    InterfaceUsage eth0 =
        new InterfaceUsage(
            "eth0",
            null,
            List.of(
                point("2026-11-30T08:00:00Z", 1_000_000, 200_000),
                point("2026-11-30T08:05:00Z", 3_000_000, 400_000),
                // 08:10 is missing: not measured, never made up
                point("2026-11-30T08:15:00Z", 2_000_000, 100_000),
                point("2026-11-30T08:20:00Z", 2_000_000, 100_000)));
    InterfaceUsage eth1 =
        new InterfaceUsage("eth1", null, List.of(point("2026-11-30T08:05:00Z", 4_000_000, 0)));

    assertThat(UsageChart.summed(List.of(eth0, eth1)).get(Instant.parse("2026-11-30T08:05:00Z")))
        .containsExactly(7_000_000, 400_000);
    assertThat(UsageChart.runs(UsageChart.summed(List.of(eth0, eth1)))).hasSize(2);

    String svg =
        UsageChart.svg(List.of(eth0, eth1), FROM, TO, ZoneOffset.UTC, Locale.ENGLISH, LABELS);
    Document doc = parse(svg);
    NodeList lines = doc.getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(4); // two runs, inbound and outbound
    // the rate axis tops at a round 10 Mbit/s above the 7 Mbit/s peak
    assertThat(svg)
        .contains(">10 Mbit/s</text>")
        .contains(">5 Mbit/s</text>")
        .contains(">0 bit/s</text>");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Traffic <24 h>");
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo("inbound max 7 Mbit/s, outbound max 400 kbit/s");
  }

  @Test
  void noMeasurementIsSaidNotDrawn() throws Exception {
    String svg = UsageChart.svg(null, FROM, TO, ZoneOffset.UTC, Locale.ENGLISH, LABELS);
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isZero();
    assertThat(svg).contains("No measurement.");
  }

  @Test
  void roundCeilingsAndRates() {
    assertThat(UsageChart.niceCeiling(0)).isEqualTo(1000);
    assertThat(UsageChart.niceCeiling(1001)).isEqualTo(2000);
    assertThat(UsageChart.niceCeiling(7_000_000)).isEqualTo(10_000_000);
    assertThat(UsageChart.niceCeiling(120_000_000)).isEqualTo(200_000_000);
    assertThat(UsageChart.niceCeiling(500_000_000)).isEqualTo(500_000_000);
    assertThat(UsageChart.rate(2_500_000_000.0, Locale.FRENCH)).isEqualTo("2,5 Gbit/s");
    assertThat(UsageChart.rate(250, Locale.ENGLISH)).isEqualTo("250 bit/s");
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
