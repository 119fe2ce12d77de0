package io.vigie.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CapacityBarsTest {

  static final CapacityBars.Labels LABELS =
      new CapacityBars.Labels("CPU, per datacenter", "allocated", "used", "allowed");

  @Test
  void hardwareAllocatedUsedAndThePolicysMarkPerRow() throws Exception {
    List<CapacityBars.Row> rows =
        List.of(
            new CapacityBars.Row("PAR-DC2", 64, 96, 128, 20.5),
            // overcommitted past the policy: the allocated bar is the scale
            new CapacityBars.Row("PAR-DC3", 32, 80, 64, null));
    String svg = CapacityBars.svg("dc-cpu", rows, "vCPU", Locale.ENGLISH, LABELS);
    Document doc = parse(svg);
    assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 520 68");
    double track = CapacityBars.WIDTH - CapacityBars.LABEL - CapacityBars.FIGURES - 8; // 232
    // PAR-DC2 on a scale of 128: hardware half, allocated three quarters, used 20.5
    assertThat(width(doc, "physical", 0)).isEqualTo(fmt(track / 2));
    assertThat(width(doc, "allocated", 0)).isEqualTo(fmt(track * 0.75));
    assertThat(width(doc, "used", 0)).isEqualTo(fmt(track * 20.5 / 128));
    // PAR-DC3 on a scale of 80, nothing measured: no used bar, a dash in the figures
    assertThat(count(doc, "used")).isEqualTo(1);
    assertThat(width(doc, "allocated", 1)).isEqualTo(fmt(track));
    assertThat(svg).contains(">20.5 / 96 / 128 vCPU</text>").contains(">— / 80 / 64 vCPU</text>");
    assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo(
            "CPU, per datacenter. PAR-DC2: used 20.5, allocated 96, allowed 128 vCPU; PAR-DC3:"
                + " used —, allocated 80, allowed 64 vCPU");
    assertThat(CapacityBars.shorten("hv-par-dc2-0123456789.example.net")).hasSize(22).endsWith("…");
  }

  private static String width(Document doc, String css, int index) {
    NodeList rects = doc.getElementsByTagName("rect");
    int n = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if (css.equals(rect.getAttribute("class")) && n++ == index) {
        return rect.getAttribute("width");
      }
    }
    throw new AssertionError("no " + css + " bar " + index);
  }

  private static int count(Document doc, String css) {
    NodeList rects = doc.getElementsByTagName("rect");
    int n = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      if (css.equals(((Element) rects.item(i)).getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
