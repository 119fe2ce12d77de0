package io.vigie.console.wall;

import io.vigie.console.ServiceCalls;
import io.vigie.console.VigieService;
import io.vigie.console.api.FlowView;
import io.vigie.console.web.Labels;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Reads monitoring's ingest and alert flow of the last 24 hours with the viewer's token (monitoring
 * answers staff only) and draws it. Monitoring not answering is thrown as it comes: the page needs
 * it alone, so it is the console's "service unavailable" page (503) naming monitoring-service.
 */
@ApplicationScoped
public class FlowService {

  static final String FLOW = "/api/v1/flow";

  private final ServiceCalls calls;
  private final Clock clock;

  public FlowService(ServiceCalls calls, Clock clock) {
    this.calls = calls;
    this.clock = clock;
  }

  public FlowCharts load(String token, ZoneId zone, Locale locale, Labels labels) {
    Instant now = clock.instant();
    Instant from = FlowCharts.from(now);
    FlowView flow =
        calls.get(
            VigieService.MONITORING,
            FLOW + "?from=" + from + "&to=" + now.truncatedTo(ChronoUnit.SECONDS),
            token,
            FlowView.class);
    return FlowCharts.of(flow, from, zone, locale, labels);
  }
}
