package io.vigie.ticket.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.report.IncidentFacts.AlertPeriod;
import io.vigie.ticket.report.IncidentFacts.Line;
import io.vigie.ticket.report.ReportViews.ReportView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The documents a client reads: the facts in order, and no engineer text turned into markup. */
class ReportDocumentTest {

  static final String HOSTILE = "<script>alert('x')</script> & <img src=x onerror=\"y\">";

  static ReportView report(String cause, List<String> followUps) {
    Instant start = Instant.parse("2026-11-21T22:00:00Z");
    IncidentFacts facts =
        new IncidentFacts(
            "INC-2026-000123",
            "Shop <down>",
            List.of("Lumière"),
            List.of("shop"),
            List.of("lb1"),
            start,
            start.plusSeconds(120),
            start.plusSeconds(2400),
            start.plusSeconds(4020),
            Duration.ofSeconds(4020),
            List.of(new AlertPeriod(start, start.plusSeconds(4020))),
            Duration.ofHours(1),
            true,
            List.of(new Line(start, "ALERT_FIRED", "monitoring", "Alert fired <b>on lb1</b>")));
    return new ReportView(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "INC-2026-000123",
        "lumiere",
        ReportViews.Status.PUBLISHED,
        2,
        2L,
        Instant.parse("2026-11-22T09:30:00Z"),
        Instant.parse("2026-11-22T09:29:00Z"),
        "alice",
        facts,
        cause,
        "Pool restarted\nand raised to 200",
        followUps);
  }

  @Test
  void theHtmlPageEscapesEveryPieceOfText() {
    String html = ReportDocument.html(report(HOSTILE, List.of(HOSTILE)), ZoneOffset.UTC);
    assertThat(html)
        .doesNotContain("<script>", "<img", "<b>", "<down>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x")
        .contains("onerror=&quot;y&quot;&gt;")
        .contains("<title>Incident report INC-2026-000123: Shop &lt;down&gt;</title>")
        .contains("Alert fired &lt;b&gt;on lb1&lt;/b&gt;")
        .contains("<dt>Duration</dt><dd>1 h 07 min</dd>")
        .contains("<dt>Time to intervention (GTI)</dt><dd>1 h 00 min, met</dd>")
        .contains("<dt>Start</dt><dd>2026-11-21 22:00:00 UTC</dd>")
        .contains("<dt>Recovery</dt><dd>2026-11-21 23:07:00 UTC</dd>")
        .contains("Pool restarted<br>\nand raised to 200")
        .contains("<em>Version 2, published 2026-11-22 09:30:00 UTC</em>");
  }

  @Test
  void theMarkdownReadsAsWrittenAndCarriesNoMarkup() {
    String md =
        ReportDocument.markdown(
            report("A *bad* [link](http://x) <b>bold</b>", List.of()), ZoneOffset.UTC);
    assertThat(md)
        .startsWith("# Incident report INC-2026-000123: Shop &lt;down&gt;\n")
        .contains("- **Clients affected**: Lumière\n")
        .contains("- **First intervention**: 2026-11-21 22:40:00 UTC\n")
        .contains("- **Duration**: 1 h 07 min\n")
        .contains("## Cause\n\nA \\*bad\\* \\[link\\](http://x) &lt;b&gt;bold&lt;/b&gt;\n")
        .contains("## Follow-up actions\n\nNone.\n")
        .doesNotContain("<b>");
  }

  @Test
  void instantsReadInTheClientsTimeZone() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(ReportDocument.markdown(report("c", List.of()), paris))
        .contains("- **Start**: 2026-11-21 23:00:00 CET\n")
        .contains("_Version 2, published 2026-11-22 10:30:00 CET_");
    // summer time: two hours ahead
    assertThat(ReportDocument.at(Instant.parse("2026-07-14T10:00:00Z"), paris))
        .isEqualTo("2026-07-14 12:00:00 CEST");
  }

  @Test
  void durationsReadLikeAnOperatorWritesThem() {
    assertThat(ReportDocument.duration(Duration.ofSeconds(4020))).isEqualTo("1 h 07 min");
    assertThat(ReportDocument.duration(Duration.ofSeconds(2710))).isEqualTo("45 min 10 s");
    assertThat(ReportDocument.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h 00 min");
    assertThat(ReportDocument.duration(null)).isEqualTo("unknown");
  }
}
