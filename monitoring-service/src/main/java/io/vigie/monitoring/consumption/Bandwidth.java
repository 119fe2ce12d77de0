package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.availability.TargetClient;
import io.vigie.monitoring.targets.TargetServer;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads the recorded 5-minute network usage: a server's points over a period, and a month's 95th
 * percentile per link, per host and per client, beside the contracted bandwidth and burst. A
 * server's interfaces are mapped to its inventory links by name ({@code eth0}); a client's total is
 * the slot-by-slot sum of its own guests' interfaces and of the linked interfaces of the servers
 * dedicated to it (every guest and hosted service on them is its own).
 */
public class Bandwidth {

  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
  static final Duration MAX_PERIOD = Duration.ofDays(31);
  static final double MBPS = 1_000_000;

  private Bandwidth() {}

  /** The inventory link an interface carries, when it names one. */
  public record LinkTerms(
      NetworkLink.Kind kind, String name, int bandwidthMbps, Integer burstMbps) {
    static LinkTerms of(NetworkLink link) {
      return link == null
          ? null
          : new LinkTerms(link.kind(), link.name(), link.bandwidthMbps(), link.burstMbps());
    }
  }

  /** One 5-minute average, bits per second. */
  public record UsagePoint(Instant slotStart, double rxBps, double txBps) {}

  /** An interface of a server (or of a guest on it) and its points. */
  public record InterfaceUsage(
      String interfaceName, UUID guestId, LinkTerms link, List<UsagePoint> points) {}

  /** A server's points over [from, to). */
  public record ServerUsage(
      UUID serverId, String hostname, Instant from, Instant to, List<InterfaceUsage> interfaces) {}

  /** A month's 95th percentile figures, in Mbit/s. */
  public record MonthFigures(
      int samples,
      int expectedSamples,
      int discarded,
      double inboundMbps,
      double outboundMbps,
      double billedMbps,
      Integer commitMbps,
      Integer burstMbps,
      long minutesAboveCommit,
      long minutesInBurst,
      long minutesAboveBurst) {}

  /** One link's (interface's) month. */
  public record LinkMonth(
      UUID serverId,
      String hostname,
      UUID guestId,
      String interfaceName,
      LinkTerms link,
      MonthFigures figures) {}

  /** A server's month: per link, and the host's linked interfaces summed. */
  public record ServerBandwidthReport(
      UUID serverId, String hostname, String month, List<LinkMonth> links, MonthFigures total) {}

  /** A client's month: the interfaces it uses and their slot-by-slot sum. */
  public record ClientBandwidthReport(
      String clientCode, String month, List<LinkMonth> links, MonthFigures total) {}

  // parsing

  static YearMonth month(String text, Instant now) {
    YearMonth month;
    try {
      month = YearMonth.parse(text == null ? "" : text, MONTH);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("month", "must be a month such as 2026-11");
    }
    if (month.isAfter(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
      throw ProblemException.invalidField("month", "has not started yet");
    }
    if (!NetworkUsage.fiveMinutePointsKept(month, now)) {
      throw ProblemException.invalidField(
          "month",
          "5-minute points are kept for the current and the previous month only; older months"
              + " have hourly figures, not enough for a 95th percentile");
    }
    return month;
  }

  static Instant instant(String text, String field) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(field, "is required (an ISO instant)");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be an ISO instant such as 2026-11-01T00:00:00Z");
    }
  }

  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  // access

  /**
   * The server if the caller may read its traffic: staff always; a client only a server dedicated
   * to it (else 404, as for an unknown one); agents get 403 at the resource.
   */
  static Uni<TargetServer> visibleServer(UUID serverId, Caller caller) {
    return TargetServer.<TargetServer>findById(serverId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Server", serverId))
        .chain(
            server ->
                !caller.isClient()
                    ? Uni.createFrom().item(server)
                    : dedicatedServers(caller.tenant())
                        .map(
                            ids -> {
                              if (!ids.contains(serverId)) {
                                throw ProblemException.notFound("Server", serverId);
                              }
                              return server;
                            }));
  }

  /** The servers every guest and hosted service of which is {@code tenant}'s (at least one). */
  static Uni<List<UUID>> dedicatedServers(String tenant) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select s.id from target_server s where (exists (select 1 from"
                            + " target_guest g where g.host_server_id = s.id and g.tenant = ?1)"
                            + " or exists (select 1 from target_service h where h.tenant = ?1 and"
                            + " h.server_ids like '%' || s.id::text || '%')) and not exists"
                            + " (select 1 from target_guest g where g.host_server_id = s.id and"
                            + " g.tenant <> ?1) and not exists (select 1 from target_service h"
                            + " where h.tenant <> ?1 and h.server_ids like '%' || s.id::text ||"
                            + " '%') order by s.hostname",
                        UUID.class)
                    .setParameter(1, tenant)
                    .getResultList());
  }

  // reading

  /** A server's points over [from, to), per interface. */
  static Uni<ServerUsage> serverUsage(
      UUID serverId, String fromText, String toText, Caller caller) {
    Instant from = instant(fromText, "from");
    Instant to = instant(toText, "to");
    if (!from.isBefore(to)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw ProblemException.invalidField("to", "at most 31 days after from");
    }
    return visibleServer(serverId, caller)
        .chain(
            server ->
                serverRows(List.of(server.id), from, to)
                    .map(
                        rows ->
                            new ServerUsage(
                                server.id,
                                server.hostname,
                                from,
                                to,
                                interfaces(rows, Map.of(server.id, server)))));
  }

  static Uni<ServerBandwidthReport> serverMonth(
      UUID serverId, String monthText, Caller caller, Instant now) {
    YearMonth month = month(monthText, now);
    Instant from = start(month);
    Instant to = start(month.plusMonths(1));
    return visibleServer(serverId, caller)
        .chain(
            server ->
                serverRows(List.of(server.id), from, to)
                    .map(
                        rows -> {
                          List<LinkMonth> links =
                              linkMonths(rows, Map.of(server.id, server), month);
                          return new ServerBandwidthReport(
                              server.id,
                              server.hostname,
                              month.format(MONTH),
                              links,
                              total(rows, Map.of(server.id, server), month, server));
                        }));
  }

  static Uni<ClientBandwidthReport> clientMonth(
      String clientCode, String monthText, Caller caller, Instant now) {
    if (caller.isClient() && !clientCode.equals(caller.tenant())) {
      throw ProblemException.notFound("Client", clientCode);
    }
    YearMonth month = month(monthText, now);
    Instant from = start(month);
    Instant to = start(month.plusMonths(1));
    return TargetClient.<TargetClient>find("code", clientCode)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Client", clientCode))
        .chain(() -> dedicatedServers(clientCode))
        .chain(
            dedicated ->
                TargetServer.<TargetServer>list(
                        "id in (select g.hostServerId from TargetGuest g where g.tenant = ?1) or"
                            + " id in ?2",
                        clientCode,
                        dedicated.isEmpty() ? List.of(new UUID(0, 0)) : dedicated)
                    .chain(
                        servers -> {
                          Map<UUID, TargetServer> byId = new LinkedHashMap<>();
                          servers.forEach(s -> byId.put(s.id, s));
                          return clientRows(clientCode, dedicated, from, to)
                              .map(
                                  rows -> {
                                    List<Row> billed =
                                        rows.stream()
                                            .filter(
                                                r ->
                                                    r.guestId() != null
                                                        || linked(r, byId)
                                                        || byId.get(r.serverId())
                                                            .networkLinks
                                                            .isEmpty())
                                            .toList();
                                    return new ClientBandwidthReport(
                                        clientCode,
                                        month.format(MONTH),
                                        linkMonths(billed, byId, month),
                                        figures(points(billed), null, null, month));
                                  });
                        }));
  }

  /** A recorded point. */
  record Row(
      UUID serverId, UUID guestId, String interfaceName, Instant slot, double rx, double tx) {}

  private static Uni<List<Row>> serverRows(List<UUID> servers, Instant from, Instant to) {
    return rows(
        "select server_id, guest_id, interface, slot_start, rx_bps, tx_bps from network_usage_5m"
            + " where server_id = any(?1) and slot_start >= ?2 and slot_start < ?3 order by"
            + " guest_id nulls first, interface, slot_start",
        servers.toArray(UUID[]::new),
        from,
        to);
  }

  private static Uni<List<Row>> clientRows(
      String tenant, List<UUID> dedicated, Instant from, Instant to) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select u.server_id, u.guest_id, u.interface, u.slot_start, u.rx_bps,"
                            + " u.tx_bps from network_usage_5m u where u.slot_start >= ?2 and"
                            + " u.slot_start < ?3 and ((u.guest_id is null and u.server_id ="
                            + " any(?1)) or u.guest_id in (select g.id from target_guest g where"
                            + " g.tenant = ?4)) order by u.server_id, u.guest_id nulls first,"
                            + " u.interface, u.slot_start",
                        Object[].class)
                    .setParameter(1, dedicated.toArray(UUID[]::new))
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .setParameter(4, tenant)
                    .getResultList()
                    .map(Bandwidth::toRows));
  }

  private static Uni<List<Row>> rows(String sql, UUID[] servers, Instant from, Instant to) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(sql, Object[].class)
                    .setParameter(1, servers)
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList()
                    .map(Bandwidth::toRows));
  }

  private static List<Row> toRows(List<Object[]> result) {
    List<Row> rows = new ArrayList<>(result.size());
    for (Object[] r : result) {
      rows.add(
          new Row(
              (UUID) r[0],
              (UUID) r[1],
              (String) r[2],
              SqlTime.instant(r[3]),
              ((Number) r[4]).doubleValue(),
              ((Number) r[5]).doubleValue()));
    }
    return rows;
  }

  private record InterfaceRef(UUID serverId, UUID guestId, String name) {}

  private static Map<InterfaceRef, List<Row>> byInterface(List<Row> rows) {
    Map<InterfaceRef, List<Row>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(
              new InterfaceRef(r.serverId(), r.guestId(), r.interfaceName()),
              k -> new ArrayList<>())
          .add(r);
    }
    return out;
  }

  private static NetworkLink link(Row row, Map<UUID, TargetServer> servers) {
    if (row.guestId() != null) {
      return null; // a guest's interface is not a contracted link of the server
    }
    TargetServer server = servers.get(row.serverId());
    if (server == null || server.networkLinks == null) {
      return null;
    }
    return server.networkLinks.stream()
        .filter(l -> Objects.equals(l.name(), row.interfaceName()))
        .findFirst()
        .orElse(null);
  }

  private static boolean linked(Row row, Map<UUID, TargetServer> servers) {
    return link(row, servers) != null;
  }

  private static List<InterfaceUsage> interfaces(List<Row> rows, Map<UUID, TargetServer> servers) {
    List<InterfaceUsage> out = new ArrayList<>();
    byInterface(rows)
        .forEach(
            (ref, points) ->
                out.add(
                    new InterfaceUsage(
                        ref.name(),
                        ref.guestId(),
                        LinkTerms.of(link(points.get(0), servers)),
                        points.stream()
                            .map(p -> new UsagePoint(p.slot(), p.rx(), p.tx()))
                            .toList())));
    return out;
  }

  private static List<LinkMonth> linkMonths(
      List<Row> rows, Map<UUID, TargetServer> servers, YearMonth month) {
    List<LinkMonth> out = new ArrayList<>();
    byInterface(rows)
        .forEach(
            (ref, points) -> {
              NetworkLink link = link(points.get(0), servers);
              TargetServer server = servers.get(ref.serverId());
              out.add(
                  new LinkMonth(
                      ref.serverId(),
                      server == null ? null : server.hostname,
                      ref.guestId(),
                      ref.name(),
                      LinkTerms.of(link),
                      figures(
                          points(points),
                          link == null ? null : link.bandwidthMbps(),
                          link == null ? null : link.burstMbps(),
                          month)));
            });
    return out;
  }

  /** The host's linked interfaces summed (all its interfaces when none names a link). */
  private static MonthFigures total(
      List<Row> rows, Map<UUID, TargetServer> servers, YearMonth month, TargetServer server) {
    List<Row> own = rows.stream().filter(r -> r.guestId() == null).toList();
    List<Row> linked = own.stream().filter(r -> linked(r, servers)).toList();
    List<Row> counted = linked.isEmpty() ? own : linked;
    Integer commit = null;
    Integer burst = null;
    if (!linked.isEmpty()) {
      List<NetworkLink> links = counted.stream().map(r -> link(r, servers)).distinct().toList();
      commit = links.stream().mapToInt(NetworkLink::bandwidthMbps).sum();
      burst =
          links.stream().allMatch(l -> l.burstMbps() != null)
              ? links.stream().mapToInt(NetworkLink::burstMbps).sum()
              : null;
    }
    return figures(points(counted), commit, burst, month);
  }

  private static List<Percentile95.Point> points(List<Row> rows) {
    List<List<Percentile95.Point>> links = new ArrayList<>();
    byInterface(rows)
        .values()
        .forEach(
            points ->
                links.add(
                    points.stream()
                        .map(p -> new Percentile95.Point(p.slot().toEpochMilli(), p.rx(), p.tx()))
                        .toList()));
    return Percentile95.sum(links);
  }

  static MonthFigures figures(
      List<Percentile95.Point> points, Integer commitMbps, Integer burstMbps, YearMonth month) {
    Percentile95.Figures f =
        Percentile95.figures(
            points,
            commitMbps == null ? null : commitMbps * MBPS,
            burstMbps == null ? null : burstMbps * MBPS);
    long aboveCommit = f.minutesAboveCommit();
    long aboveBurst = f.minutesAboveBurst();
    return new MonthFigures(
        f.samples(),
        month.lengthOfMonth() * 24 * 12,
        f.discarded(),
        mbps(f.rxP95Bps()),
        mbps(f.txP95Bps()),
        mbps(f.maxP95Bps()),
        commitMbps,
        burstMbps,
        aboveCommit,
        burstMbps == null ? 0 : aboveCommit - aboveBurst,
        aboveBurst);
  }

  private static double mbps(double bps) {
    return Math.round(bps / MBPS * 1000) / 1000.0;
  }
}
