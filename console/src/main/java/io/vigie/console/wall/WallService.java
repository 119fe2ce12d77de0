package io.vigie.console.wall;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.Fetches;
import io.vigie.console.ServiceCalls;
import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.CoverageReport;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.OnCallNow;
import io.vigie.console.api.OverdueRestoreTest;
import io.vigie.console.api.ScheduleView;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.ZoneView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Gathers the wall from the services' APIs with the viewer's token, every service at once: firing
 * alerts (monitoring), open incidents and who is on call (tickets), overdue restore tests and
 * coverage gaps (backups), zones a DNS provider does not serve as held (dns).
 */
@ApplicationScoped
public class WallService {

  private static final TypeReference<Listing<AlertView>> ALERTS = new TypeReference<>() {};
  private static final TypeReference<Listing<TicketView>> TICKETS = new TypeReference<>() {};
  private static final TypeReference<Listing<ScheduleView>> SCHEDULES = new TypeReference<>() {};
  private static final TypeReference<Listing<ZoneView>> ZONES = new TypeReference<>() {};
  private static final TypeReference<Listing<HostedServiceView>> HOSTED = new TypeReference<>() {};
  private static final TypeReference<List<OverdueRestoreTest>> OVERDUE = new TypeReference<>() {};
  private static final int MAX_SCHEDULES = 6;

  private final ServiceCalls calls;
  private final Clock clock;

  public WallService(ServiceCalls calls, Clock clock) {
    this.calls = calls;
    this.clock = clock;
  }

  public WallView load(String token) {
    Instant now = clock.instant();
    try (Fetches fetches = new Fetches()) {
      Future<Listing<AlertView>> alerts =
          fetches.start(
              VigieService.MONITORING,
              () ->
                  calls.get(
                      VigieService.MONITORING,
                      "/api/v1/alerts?state=FIRING&size=200",
                      token,
                      ALERTS),
              empty());
      Future<Listing<HostedServiceView>> hosted =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  calls.get(
                      VigieService.INVENTORY, "/api/v1/hosted-services?size=500", token, HOSTED),
              empty());
      Future<Listing<TicketView>> incidents =
          fetches.start(
              VigieService.TICKET,
              () ->
                  calls.get(
                      VigieService.TICKET,
                      "/api/v1/tickets?type=INCIDENT&open=true&size=100",
                      token,
                      TICKETS),
              empty());
      Future<List<WallView.OnCallRow>> onCall =
          fetches.start(VigieService.TICKET, () -> onCall(token, now), List.of());
      Future<List<OverdueRestoreTest>> overdue =
          fetches.start(
              VigieService.BACKUP,
              () -> calls.get(VigieService.BACKUP, "/api/v1/restore-tests/overdue", token, OVERDUE),
              List.of());
      Future<CoverageReport> coverage =
          fetches.start(
              VigieService.BACKUP,
              () -> calls.get(VigieService.BACKUP, "/api/v1/coverage", token, CoverageReport.class),
              null);
      Future<Listing<ZoneView>> zones =
          fetches.start(
              VigieService.DNS,
              () -> calls.get(VigieService.DNS, "/api/v1/zones?size=200", token, ZONES),
              empty());

      List<AlertView> firing = items(Fetches.await(alerts));
      List<WallView.IncidentRow> open =
          items(Fetches.await(incidents)).stream()
              .map(t -> new WallView.IncidentRow(t, GtiCountdown.of(t.interventionClock(), now)))
              .sorted(Comparator.comparing(WallService::urgency))
              .toList();
      List<WallView.GapRow> gaps = new ArrayList<>();
      CoverageReport report = Fetches.await(coverage);
      if (report != null && report.clients() != null) {
        report
            .clients()
            .forEach(
                client -> {
                  if (client.gaps() != null) {
                    client
                        .gaps()
                        .forEach(gap -> gaps.add(new WallView.GapRow(client.tenant(), gap)));
                  }
                });
      }
      List<ZoneView> outOfSync =
          items(Fetches.await(zones)).stream()
              .filter(
                  zone ->
                      zone.providers() != null
                          && zone.providers().stream().anyMatch(p -> !"IN_SYNC".equals(p.state())))
              .toList();
      return new WallView(
          now,
          AlertBoard.group(firing),
          AlertsByClient.group(firing, items(Fetches.await(hosted))),
          (int) firing.stream().filter(a -> "FIRING".equals(a.state())).count(),
          open,
          Fetches.await(onCall),
          nullToEmpty(Fetches.await(overdue)),
          List.copyOf(gaps),
          outOfSync,
          fetches.down());
    }
  }

  private List<WallView.OnCallRow> onCall(String token, Instant now) {
    List<WallView.OnCallRow> rows = new ArrayList<>();
    for (ScheduleView schedule :
        items(
            calls.get(
                VigieService.TICKET,
                "/api/v1/on-call/schedules?size=" + MAX_SCHEDULES,
                token,
                SCHEDULES))) {
      OnCallNow who =
          calls.get(
              VigieService.TICKET,
              "/api/v1/on-call/schedules/" + schedule.id() + "/on-call?at=" + now,
              token,
              OnCallNow.class);
      rows.add(
          new WallView.OnCallRow(
              schedule.name(),
              who.now() == null ? null : who.now().subject(),
              who.now() == null ? null : who.now().until(),
              who.next() == null ? null : who.next().subject()));
    }
    return rows;
  }

  /** Breaching soonest first; breached and paused after the running ones. */
  private static long urgency(WallView.IncidentRow row) {
    return switch (row.gti().state()) {
      case URGENT, RUNNING -> row.gti().remaining().toSeconds();
      case BREACHED -> 1_000_000_000L;
      default -> 2_000_000_000L;
    };
  }

  private static <T> Listing<T> empty() {
    return new Listing<>(List.of(), null, 0L);
  }

  private static <T> List<T> items(Listing<T> listing) {
    return listing == null || listing.items() == null ? List.of() : listing.items();
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
