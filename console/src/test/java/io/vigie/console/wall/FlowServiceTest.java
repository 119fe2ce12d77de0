package io.vigie.console.wall;

import static io.vigie.console.graph.SvgDocuments.parse;
import static io.vigie.console.graph.SvgDocuments.rects;
import static io.vigie.console.graph.SvgDocuments.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.console.ServedApi;
import io.vigie.console.ServiceUnavailableException;
import io.vigie.console.VigieService;
import io.vigie.console.web.BundleLabels;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The flow page's charts from monitoring's answer served over HTTP as monitoring writes it, read
 * with the viewer's token through the console's own client ({@link ServedApi}).
 */
class FlowServiceTest {

  static final Instant NOW = Instant.parse("2026-11-30T16:40:00Z");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final ServedApi monitoring = ServedApi.start();

  @AfterEach
  void stop() {
    monitoring.close();
  }

  /** 24 hours from 17:00 yesterday, zeros but at 15:00 and 16:00, with a field the page skips. */
  static String day() {
    StringBuilder hours = new StringBuilder();
    Instant first = Instant.parse("2026-11-29T17:00:00Z");
    for (int h = 0; h < 24; h++) {
      Instant hour = first.plus(Duration.ofHours(h));
      long[] counts =
          switch (hour.toString()) {
            case "2026-11-30T15:00:00Z" -> new long[] {12_000, 300, 3, 1};
            case "2026-11-30T16:00:00Z" -> new long[] {9_000, 0, 0, 2};
            default -> new long[] {0, 0, 0, 0};
          };
      hours
          .append(h == 0 ? "" : ",")
          .append(
              """
              {"hour":"%s","samplesAccepted":%d,"samplesRejected":%d,"requests":7,\
              "alertsFired":%d,"alertsResolved":%d}"""
                  .formatted(hour, counts[0], counts[1], counts[2], counts[3]));
    }
    return """
        {"from":"2026-11-29T17:00:00Z","to":"2026-11-30T16:40:00Z","hours":[%s]}"""
        .formatted(hours);
  }

  @Test
  void theLastTwentyFourHoursAsBarsInTheViewersZoneReadWithTheirToken() throws Exception {
    monitoring.answer(200, day());

    FlowCharts flow =
        service(monitoring.url()).load("staff-token", PARIS, Locale.ENGLISH, BundleLabels.of("en"));

    assertThat(monitoring.asked())
        .containsExactly(
            "/api/v1/flow?from=2026-11-29T17:00:00Z&to=2026-11-30T16:40:00Z Bearer staff-token");
    Document samples = parse(flow.samples());
    assertThat(samples.getDocumentElement().getAttribute("aria-labelledby"))
        .isEqualTo("flow-samples-title flow-samples-desc");
    assertThat(rects(samples, "accepted")).hasSize(2);
    assertThat(rects(samples, "rejected")).hasSize(1);
    // 15:00 UTC is the 23rd of 24 hours, 640/24 units each: x = 64 + 22 * 26.67 + 2.67
    Element busiest = rects(samples, "accepted").get(0);
    assertThat(busiest.getAttribute("x")).isEqualTo("653.3");
    // 12 000 on an axis up to 20 000 in steps of 5 k: y = 16 + 156 * 0.4
    assertThat(busiest.getAttribute("y")).isEqualTo("78.4");
    assertThat(flow.samples()).contains(">20 k</text>").contains(">5 k</text>");
    assertThat(text(samples, "desc"))
        .isEqualTo(
            "Samples received per hour: accepted total 21000, busiest hour 12000;"
                + " rejected total 300, busiest hour 300");
    // the time axis on round hours of Paris: 17:00 UTC is 18:00 there
    assertThat(flow.samples()).contains(">18:00</text>").contains(">Europe/Paris</text>");

    Document alerts = parse(flow.alerts());
    assertThat(rects(alerts, "fired")).hasSize(1);
    assertThat(rects(alerts, "resolved")).hasSize(2);
    assertThat(text(alerts, "title")).isEqualTo("Alerts per hour");
    assertThat(alerts.getDocumentElement().getAttribute("aria-labelledby"))
        .isEqualTo("flow-alerts-title flow-alerts-desc");
  }

  @Test
  void aQuietDayIsSaidNotDrawnInFrench() throws Exception {
    monitoring.answer(
        200,
        day()
            .replaceAll(
                "\"(samplesAccepted|samplesRejected|alertsFired|alertsResolved)\":\\d+",
                "\"$1\":0"));

    FlowCharts flow =
        service(monitoring.url()).load("staff-token", PARIS, Locale.FRENCH, BundleLabels.of("fr"));

    assertThat(parse(flow.samples()).getElementsByTagName("rect").getLength()).isZero();
    assertThat(flow.samples()).contains(">Aucun échantillon reçu sur ces 24 heures.</text>");
    assertThat(text(parse(flow.alerts()), "desc"))
        .isEqualTo("Alertes par heure: Aucune alerte déclenchée ni résolue sur ces 24 heures.");

    monitoring.answer(200, day());
    FlowCharts busy =
        service(monitoring.url()).load("staff-token", PARIS, Locale.FRENCH, BundleLabels.of("fr"));
    assertThat(text(parse(busy.samples()), "desc"))
        .startsWith("Échantillons reçus par heure: acceptés total 21000, heure la plus chargée");
    assertThat(busy.alerts()).contains(">déclenchées</text>").contains(">résolues</text>");
  }

  @Test
  void monitoringDownIsTheServiceUnavailablePageNamingIt() {
    monitoring.answer(503, "{}");
    assertThatThrownBy(
            () ->
                service(monitoring.url())
                    .load("staff-token", ZoneOffset.UTC, Locale.ENGLISH, BundleLabels.of("en")))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> assertThat(e.service()).isEqualTo(VigieService.MONITORING));

    URI gone = monitoring.url();
    monitoring.close();
    assertThatThrownBy(
            () ->
                service(gone)
                    .load("staff-token", ZoneOffset.UTC, Locale.ENGLISH, BundleLabels.of("en")))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> assertThat(e.service()).isEqualTo(VigieService.MONITORING));
  }

  static FlowService service(URI monitoringUrl) {
    return new FlowService(ServedApi.calls(monitoringUrl), Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
