package io.vigie.console.server;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.Fetches;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.ServiceRejectedException;
import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.ServerUsage;
import io.vigie.console.api.ServerUsageSeries;
import io.vigie.console.api.ServerView;
import io.vigie.console.api.TicketView;
import io.vigie.console.api.ZoneView;
import io.vigie.console.backup.BackupStandings;
import io.vigie.console.backup.PolicyStanding;
import io.vigie.console.graph.UsageGraphs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Gathers a server's page from every service at once, with the viewer's token. The server itself
 * comes first from inventory-service: another client's server is not found, before anything else is
 * asked.
 */
@ApplicationScoped
public class ServerService {

  /** The period of the traffic graph. */
  static final Duration TRAFFIC_PERIOD = Duration.ofHours(24);

  /** How many zones are read for the records pointing to a server (each zone is one call). */
  static final int MAX_ZONES = 100;

  private static final TypeReference<Listing<HostedServiceView>> HOSTED = new TypeReference<>() {};
  private static final TypeReference<Listing<AlertView>> ALERTS = new TypeReference<>() {};
  private static final TypeReference<Listing<TicketView>> TICKETS = new TypeReference<>() {};
  private static final TypeReference<Listing<ZoneView>> ZONES = new TypeReference<>() {};

  private final ServiceCalls calls;
  private final BackupStandings standings;
  private final Clock clock;

  public ServerService(ServiceCalls calls, BackupStandings standings, Clock clock) {
    this.calls = calls;
    this.standings = standings;
    this.clock = clock;
  }

  public ServerPage load(String token, UUID id) {
    ServerView server =
        calls.get(VigieService.INVENTORY, "/api/v1/servers/" + id, token, ServerView.class);
    Instant now = clock.instant();
    try (Fetches fetches = new Fetches()) {
      Future<List<HostedServiceView>> hosted =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  items(
                      calls.get(
                          VigieService.INVENTORY,
                          "/api/v1/hosted-services?size=200&serverId=" + id,
                          token,
                          HOSTED)),
              List.of());
      Future<List<AlertView>> alerts =
          fetches.start(
              VigieService.MONITORING,
              () ->
                  items(
                      calls.get(
                          VigieService.MONITORING,
                          "/api/v1/alerts?state=FIRING&size=200&serverId=" + id,
                          token,
                          ALERTS)),
              List.of());
      Future<List<TicketView>> incidents =
          fetches.start(VigieService.TICKET, () -> incidentsAbout(token, id), List.of());
      Future<List<PolicyStanding>> backups =
          fetches.start(
              VigieService.BACKUP, () -> standings.of(token, "targetId=" + id, now), List.of());
      Future<List<DnsPointers.Pointer>> dns =
          fetches.start(VigieService.DNS, () -> dnsPointingTo(token, server), List.of());
      Instant to = now.truncatedTo(ChronoUnit.MINUTES);
      Instant from = to.minus(TRAFFIC_PERIOD);
      Future<ServerUsage> traffic =
          fetches.start(
              VigieService.MONITORING,
              () -> {
                try {
                  return calls.get(
                      VigieService.MONITORING,
                      "/api/v1/network-usage/servers/" + id + "?from=" + from + "&to=" + to,
                      token,
                      ServerUsage.class);
                } catch (PageNotFoundException notShown) {
                  return null;
                }
              },
              null);
      Instant usageFrom = to.minus(UsageGraphs.PERIOD);
      Future<ServerUsageSeries> usage =
          fetches.start(
              VigieService.MONITORING,
              () -> {
                try {
                  return calls.get(
                      VigieService.MONITORING,
                      "/api/v1/usage/servers/" + id + "?from=" + usageFrom + "&to=" + to,
                      token,
                      ServerUsageSeries.class);
                } catch (PageNotFoundException | ServiceRejectedException notShown) {
                  return null; // not this viewer's to see: the panel says so
                }
              },
              null);
      return new ServerPage(
          server,
          Fetches.await(hosted),
          Fetches.await(alerts),
          Fetches.await(incidents),
          Fetches.await(backups),
          Fetches.await(dns),
          Fetches.await(traffic),
          from,
          to,
          Fetches.await(usage),
          fetches.down());
    }
  }

  /** The open incidents that name this server (ticket-service has no filter by server yet). */
  private List<TicketView> incidentsAbout(String token, UUID id) {
    String target = id.toString();
    return items(
            calls.get(
                VigieService.TICKET,
                "/api/v1/tickets?type=INCIDENT&open=true&size=200",
                token,
                TICKETS))
        .stream()
        .filter(
            t ->
                t.links() != null
                    && t.links().stream()
                        .anyMatch(l -> "SERVER".equals(l.kind()) && target.equals(l.target())))
        .toList();
  }

  private List<DnsPointers.Pointer> dnsPointingTo(String token, ServerView server) {
    List<String> addresses = new ArrayList<>();
    addresses.add(server.managementIp());
    if (server.publicIps() != null) {
      addresses.addAll(server.publicIps());
    }
    if (server.privateIps() != null) {
      addresses.addAll(server.privateIps());
    }
    List<ZoneView> zones = new ArrayList<>();
    for (ZoneView zone :
        items(calls.get(VigieService.DNS, "/api/v1/zones?size=" + MAX_ZONES, token, ZONES))) {
      zones.add(calls.get(VigieService.DNS, "/api/v1/zones/" + zone.id(), token, ZoneView.class));
    }
    return DnsPointers.to(zones, addresses, server.hostname());
  }

  private static <T> List<T> items(Listing<T> listing) {
    return listing == null || listing.items() == null ? List.of() : listing.items();
  }
}
