package io.vigie.console.window;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.Fetches;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.ServiceRejectedException;
import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.FeedView;
import io.vigie.console.api.GuestUsageSeries;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.InterventionView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.RequestCategory;
import io.vigie.console.api.ServerUsageSeries;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.ServiceMonth;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.VirtualMachineView;
import io.vigie.console.backup.BackupStandings;
import io.vigie.console.backup.PolicyStanding;
import io.vigie.console.graph.UsageGraphs;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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

  /**
   * How many machines' usage graphs the window asks for at most: each is a call to monitoring, and
   * each server's page shows its own.
   */
  static final int MAX_USAGE_MACHINES = 6;

  /** How many months the graphs of availability and GTI met show, this one included. */
  static final int MONTHS = 6;

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
      // the months before this one, for the graphs of availability and GTI met per month
      List<Future<AvailabilityReport>> pastAvailability = new ArrayList<>();
      List<Future<ServiceMonth>> ticketMonths = new ArrayList<>();
      List<YearMonth> graphMonths = months(month);
      for (YearMonth m : graphMonths) {
        if (!m.equals(month)) {
          pastAvailability.add(
              fetches.start(
                  VigieService.MONITORING,
                  () ->
                      orNone(
                          () ->
                              calls.get(
                                  VigieService.MONITORING,
                                  "/api/v1/availability/reports/" + encode(tenant) + "/" + m,
                                  token,
                                  AvailabilityReport.class)),
                  null));
        }
        ticketMonths.add(
            fetches.start(
                VigieService.TICKET,
                () ->
                    orNone(
                        () ->
                            calls.get(
                                VigieService.TICKET,
                                "/api/v1/service-reports/" + encode(tenant) + "/" + m,
                                token,
                                ServiceMonth.class)),
                null));
      }

      List<ServerView> serverList = items(Fetches.await(servers));
      List<VirtualMachineView> vmList = items(Fetches.await(vms));
      List<Machine> machines = usageMachines(vmList, serverList);
      Instant usageTo = now.truncatedTo(ChronoUnit.MINUTES);
      Instant usageFrom = usageTo.minus(UsageGraphs.PERIOD);
      String period = "?from=" + usageFrom + "&to=" + usageTo;
      List<Future<Object>> usage = new ArrayList<>();
      for (Machine machine : machines.subList(0, Math.min(MAX_USAGE_MACHINES, machines.size()))) {
        usage.add(
            fetches.start(VigieService.MONITORING, () -> usageOf(token, machine, period), null));
      }

      List<InterventionView> all = items(Fetches.await(interventions));
      AvailabilityReport thisMonth = availabilityOrNone(availability);
      List<MonthFigures> monthFigures = new ArrayList<>();
      for (int i = 0; i < graphMonths.size(); i++) {
        AvailabilityReport report =
            i < pastAvailability.size() ? Fetches.await(pastAvailability.get(i)) : thisMonth;
        monthFigures.add(
            new MonthFigures(graphMonths.get(i), report, Fetches.await(ticketMonths.get(i))));
      }
      List<ServerUsageSeries> serverUsage = new ArrayList<>();
      List<GuestUsageSeries> guestUsage = new ArrayList<>();
      for (Future<Object> series : usage) {
        switch (Fetches.await(series)) {
          case ServerUsageSeries server -> serverUsage.add(server);
          case GuestUsageSeries guest -> guestUsage.add(guest);
          case null, default -> {
            // not shown to this viewer (a shared server), or monitoring is down
          }
        }
      }
      return new ClientWindow(
          tenant,
          serverList,
          vmList,
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
          thisMonth,
          Fetches.await(backups),
          monthFigures,
          guestUsage,
          serverUsage,
          Math.max(0, machines.size() - MAX_USAGE_MACHINES),
          fetches.down());
    }
  }

  /** The months the graphs show, oldest first: {@link #MONTHS} up to {@code current}. */
  static List<YearMonth> months(YearMonth current) {
    List<YearMonth> months = new ArrayList<>();
    for (int back = MONTHS - 1; back >= 0; back--) {
      months.add(current.minusMonths(back));
    }
    return months;
  }

  /**
   * A month's report for a graph, or null when the service has none (before the client's contract)
   * or refuses that month: a month missing from a graph, not a window failing whole.
   */
  private static <T> T orNone(Supplier<T> report) {
    try {
      return report.get();
    } catch (PageNotFoundException | ServiceRejectedException none) {
      return null;
    }
  }

  /** A server or a guest whose usage the window may draw. */
  record Machine(UUID id, boolean guest) {}

  /** The client's VMs and containers first (surely theirs), then their servers. */
  static List<Machine> usageMachines(List<VirtualMachineView> vms, List<ServerView> servers) {
    List<Machine> machines = new ArrayList<>();
    vms.stream()
        .filter(vm -> vm.id() != null)
        .forEach(vm -> machines.add(new Machine(vm.id(), true)));
    servers.stream()
        .filter(server -> server.id() != null)
        .forEach(server -> machines.add(new Machine(server.id(), false)));
    return machines;
  }

  /**
   * The machine's usage series ({@link ServerUsageSeries} or {@link GuestUsageSeries}), or null
   * when monitoring does not show it to this viewer.
   */
  private Object usageOf(String token, Machine machine, String period) {
    try {
      return machine.guest()
          ? calls.get(
              VigieService.MONITORING,
              "/api/v1/usage/guests/" + machine.id() + period,
              token,
              GuestUsageSeries.class)
          : calls.get(
              VigieService.MONITORING,
              "/api/v1/usage/servers/" + machine.id() + period,
              token,
              ServerUsageSeries.class);
    } catch (PageNotFoundException | ServiceRejectedException notShown) {
      return null; // a graph left out, not a window failing whole
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
