package io.vigie.console.wall;

import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.CoverageGap;
import io.vigie.console.api.OverdueRestoreTest;
import io.vigie.console.api.ZoneView;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the wall shows at one instant. A service that did not answer is in {@code down}: its panel
 * says so and the others stay.
 */
public record WallView(
    Instant at,
    List<SeverityGroup> alerts,
    List<ClientAlerts> alertsByClient,
    int firing,
    List<IncidentRow> incidents,
    List<OnCallRow> onCall,
    List<OverdueRestoreTest> overdueRestoreTests,
    List<GapRow> coverageGaps,
    List<ZoneView> zonesOutOfSync,
    Set<VigieService> down) {

  public boolean isDown(String service) {
    return down.contains(VigieService.valueOf(service));
  }

  /** The firing alerts of one severity, newest first. */
  public record SeverityGroup(String severity, List<AlertView> alerts) {}

  /**
   * The firing alerts that hurt one client, the worst severity first among them.
   *
   * @param tenant the client, or null for alerts on the hoster's own infrastructure
   */
  public record ClientAlerts(String tenant, String worst, List<AlertView> alerts) {}

  /** An open incident with its GTI countdown. */
  public record IncidentRow(io.vigie.console.api.TicketView ticket, GtiCountdown gti) {}

  /** Who holds an on-call schedule now, and until when. */
  public record OnCallRow(String schedule, String subject, Instant until, String nextSubject) {}

  /** A backup promise not kept, with its client. */
  public record GapRow(String tenant, CoverageGap gap) {}
}
