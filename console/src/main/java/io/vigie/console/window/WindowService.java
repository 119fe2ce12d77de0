package io.vigie.console.window;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.Fetches;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.FeedView;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.InterventionView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.RequestCategory;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.VirtualMachineView;
import io.vigie.console.backup.BackupStandings;
import io.vigie.console.backup.PolicyStanding;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/** Gathers a client's window from inventory, monitoring and ticket-service, all at once. */
@ApplicationScoped
public class WindowService {

  private static final TypeReference<Listing<ServerView>> SERVERS = new TypeReference<>() {};
  private static final TypeReference<Listing<VirtualMachineView>> VMS = new TypeReference<>() {};
  private static final TypeReference<Listing<HostedServiceView>> HOSTED = new TypeReference<>() {};
  private static final TypeReference<Listing<AlertView>> ALERTS = new TypeReference<>() {};
  private static final TypeReference<Listing<TicketView>> TICKETS = new TypeReference<>() {};
  private static final TypeReference<Listing<InterventionView>> INTERVENTIONS =
      new TypeReference<>() {};
  private static final TypeReference<List<RequestCategory>> CATEGORIES = new TypeReference<>() {};
  private static final List<String> SEVERITY_ORDER = List.of("critical", "warning", "info");

  private final ServiceCalls calls;
  private final BackupStandings standings;
  private final Clock clock;

  public WindowService(ServiceCalls calls, BackupStandings standings, Clock clock) {
    this.calls = calls;
    this.standings = standings;
    this.clock = clock;
  }

  /**
   * @param tenant the client to show: a client's token sees only its own whatever is asked; staff
   *     name the client they look at
   */
  public ClientWindow load(String token, String tenant, boolean staff) {
    String client = staff ? "&client=" + encode(tenant) : "";
    String ofTenant = staff ? "&tenant=" + encode(tenant) : "";
    try (Fetches fetches = new Fetches()) {
      Future<Listing<ServerView>> servers =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  calls.get(
                      VigieService.INVENTORY, "/api/v1/servers?size=200" + client, token, SERVERS),
              empty());
      Future<Listing<VirtualMachineView>> vms =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  calls.get(
                      VigieService.INVENTORY,
                      "/api/v1/virtual-machines?size=200" + client,
                      token,
                      VMS),
              empty());
      Future<Listing<HostedServiceView>> hosted =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  calls.get(
                      VigieService.INVENTORY,
                      "/api/v1/hosted-services?size=200" + client,
                      token,
                      HOSTED),
              empty());
      Future<Listing<AlertView>> alerts =
          fetches.start(
              VigieService.MONITORING,
              () ->
                  calls.get(
                      VigieService.MONITORING,
                      "/api/v1/alerts?state=FIRING&size=200" + client,
                      token,
                      ALERTS),
              empty());
      Future<Listing<TicketView>> tickets =
          fetches.start(
              VigieService.TICKET,
              () ->
                  calls.get(
                      VigieService.TICKET, "/api/v1/tickets?size=50" + ofTenant, token, TICKETS),
              empty());
      Future<Listing<InterventionView>> interventions =
          fetches.start(
              VigieService.TICKET,
              () ->
                  calls.get(
                      VigieService.TICKET,
                      "/api/v1/interventions?size=50" + ofTenant,
                      token,
                      INTERVENTIONS),
              empty());
      Future<FeedView> feed = fetches.start(VigieService.TICKET, () -> feed(token, tenant), null);
      Future<List<RequestCategory>> categories =
          fetches.start(
              VigieService.TICKET,
              () -> calls.get(VigieService.TICKET, "/api/v1/request-categories", token, CATEGORIES),
              List.of());

      Instant now = clock.instant();
      YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
      Future<AvailabilityReport> availability =
          fetches.start(
              VigieService.MONITORING,
              () ->
                  calls.get(
                      VigieService.MONITORING,
                      "/api/v1/availability/reports/" + encode(tenant) + "/" + month,
                      token,
                      AvailabilityReport.class),
              null);
      Future<List<PolicyStanding>> backups =
          fetches.start(
              VigieService.BACKUP,
              () -> standings.of(token, "tenant=" + encode(tenant), now),
              List.of());

      List<InterventionView> all = items(Fetches.await(interventions));
      return new ClientWindow(
          tenant,
          items(Fetches.await(servers)),
          items(Fetches.await(vms)),
          items(Fetches.await(hosted)),
          worstPerServer(items(Fetches.await(alerts))),
          items(Fetches.await(tickets)),
          all.stream().filter(i -> awaitsConsentOf(i, tenant)).toList(),
          all.stream()
              .filter(i -> "SCHEDULED".equals(i.status()) || "STARTED".equals(i.status()))
              .toList(),
          Fetches.await(feed),
          Fetches.await(categories),
          UUID.randomUUID().toString(),
          availabilityOrNone(availability),
          Fetches.await(backups),
          fetches.down());
    }
  }

  /** This month's availability, or null when monitoring has no report for the client yet. */
  private static AvailabilityReport availabilityOrNone(Future<AvailabilityReport> report) {
    try {
      return Fetches.await(report);
    } catch (PageNotFoundException none) {
      return null;
    }
  }

  /** The client's calendar feed, or null before its first address was made. */
  private FeedView feed(String token, String tenant) {
    try {
      return calls.get(
          VigieService.TICKET, "/api/v1/calendar-feeds/" + encode(tenant), token, FeedView.class);
    } catch (PageNotFoundException none) {
      return null;
    }
  }

  static boolean awaitsConsentOf(InterventionView intervention, String tenant) {
    return "PROPOSED".equals(intervention.status())
        && intervention.consents() != null
        && intervention.consents().stream()
            .anyMatch(c -> tenant.equals(c.tenant()) && "PENDING".equals(c.answer()));
  }

  static Map<String, String> worstPerServer(List<AlertView> alerts) {
    Map<String, String> worst = new HashMap<>();
    for (AlertView alert : alerts) {
      if (alert.serverId() == null || !"FIRING".equals(alert.state())) {
        continue;
      }
      String severity =
          alert.severity() == null ? "warning" : alert.severity().toLowerCase(Locale.ROOT);
      worst.merge(alert.serverId().toString(), severity, WindowService::worse);
    }
    return worst;
  }

  private static String worse(String a, String b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(String severity) {
    int rank = SEVERITY_ORDER.indexOf(severity);
    return rank < 0 ? SEVERITY_ORDER.size() : rank;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static <T> Listing<T> empty() {
    return new Listing<>(List.of(), null, 0L);
  }

  private static <T> List<T> items(Listing<T> listing) {
    return listing == null || listing.items() == null ? List.of() : listing.items();
  }
}
