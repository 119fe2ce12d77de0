package io.vigie.monitoring.usage;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.GuestKind;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.monitoring.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A server's or a guest's usage over time for graphs: the hourly rows {@link UsageRollup} keeps
 * ({@code host_usage_hour}, {@code guest_usage_hour}), each hour's averages of CPU, RAM and disk in
 * use, beside what the inventory says the machine has (a server's hardware, a guest's allocation).
 * Read through the kit's read path, PostgreSQL rendering each hour. Tenant walls: staff see every
 * machine; a client sees its own guests and the servers dedicated to it (every guest and hosted
 * service on them its own), as for network usage — a shared server or another client's machine is
 * not found.
 */
@ApplicationScoped
public class UsageSeries {

  /** A server dedicated to the tenant {@code ?}: the rule of the network usage endpoint. */
  static final String DEDICATED_TO_CLIENT =
      "(exists (select 1 from target_guest g where g.host_server_id = s.id and g.tenant = ?) or"
          + " exists (select 1 from target_service h where h.tenant = ? and h.server_ids like '%'"
          + " || s.id::text || '%')) and not exists (select 1 from target_guest g where"
          + " g.host_server_id = s.id and g.tenant <> ?) and not exists (select 1 from"
          + " target_service h where h.tenant <> ? and h.server_ids like '%' || s.id::text ||"
          + " '%')";

  private static final String SERVER =
      "json_build_object('serverId', s.id, 'hostname', s.hostname, 'datacenterCode',"
          + " s.datacenter_code, 'cpuThreads', s.cpu_threads, 'ramTotalGb', s.ram_gb,"
          + " 'diskTotalGb', s.disk_gb)";

  private static final String GUEST =
      "json_build_object('guestId', g.id, 'name', g.name, 'kind', g.kind, 'hostServerId',"
          + " g.host_server_id, 'vcpus', g.vcpus, 'ramTotalGb', g.ram_gb, 'diskTotalGb',"
          + " g.disk_gb)";

  private static final String HOUR =
      "json_build_object('hourStart', json_instant(h.hour_start), 'samples', h.samples,"
          + " 'cpuPercent', round((h.cpu_sum / h.samples)::numeric, 2), 'ramUsedGb',"
          + " round((h.ram_gb_sum / h.samples)::numeric, 2), 'diskUsedGb', round((h.disk_gb_sum /"
          + " h.samples)::numeric, 2))";

  private static final Keyset BY_HOUR = Keyset.ascending("h.hour_start", "timestamptz");

  /**
   * One hour's averages of the minutes measured in it ({@code samples}, 60 for a whole hour; the
   * hour in progress has fewer).
   *
   * @param cpuPercent CPU busy, a share of the machine's threads (a guest's: of its own vCPUs)
   * @param ramUsedGb memory in use (total minus available), GiB
   * @param diskUsedGb disk in use on the machine's real filesystems summed, GiB
   */
  public record HourlyUsage(
      Instant hourStart, int samples, double cpuPercent, double ramUsedGb, double diskUsedGb) {}

  /**
   * A physical server's hours over {@code [from, to)}, oldest first, beside its hardware (null
   * while the inventory does not know it).
   */
  public record ServerUsageSeries(
      UUID serverId,
      String hostname,
      String datacenterCode,
      Integer cpuThreads,
      Integer ramTotalGb,
      Long diskTotalGb,
      Instant from,
      Instant to,
      List<HourlyUsage> hours) {}

  /**
   * A VM's or container's own hours over {@code [from, to)}, oldest first, beside its allocation.
   */
  public record GuestUsageSeries(
      UUID guestId,
      String name,
      GuestKind kind,
      UUID hostServerId,
      int vcpus,
      int ramTotalGb,
      int diskTotalGb,
      Instant from,
      Instant to,
      List<HourlyUsage> hours) {}

  record ServerFacts(
      UUID serverId,
      String hostname,
      String datacenterCode,
      Integer cpuThreads,
      Integer ramTotalGb,
      Long diskTotalGb) {}

  record GuestFacts(
      UUID guestId,
      String name,
      GuestKind kind,
      UUID hostServerId,
      int vcpus,
      int ramTotalGb,
      int diskTotalGb) {}

  private final Reads reads;

  public UsageSeries(Reads reads) {
    this.reads = reads;
  }

  /** The server's hours in {@code period}; 404 for one unknown or not shown to {@code caller}. */
  public Uni<ServerUsageSeries> server(UUID serverId, UsagePeriod period, Caller caller) {
    SqlQuery server = SqlQuery.select(SERVER, "target_server s").where("s.id = ?", serverId);
    return reads
        .found(
            TenantScope.restrict(server, caller, DEDICATED_TO_CLIENT),
            ServerFacts.class,
            "Server",
            serverId)
        .chain(
            s ->
                hours("host_usage_hour h", "h.server_id = ?", serverId, period)
                    .map(
                        hours ->
                            new ServerUsageSeries(
                                s.serverId(),
                                s.hostname(),
                                s.datacenterCode(),
                                s.cpuThreads(),
                                s.ramTotalGb(),
                                s.diskTotalGb(),
                                period.from(),
                                period.to(),
                                hours)));
  }

  /** The guest's hours in {@code period}; 404 for one unknown or another client's. */
  public Uni<GuestUsageSeries> guest(UUID guestId, UsagePeriod period, Caller caller) {
    SqlQuery guest = SqlQuery.select(GUEST, "target_guest g").where("g.id = ?", guestId);
    return reads
        .found(
            TenantScope.restrict(guest, caller, "g.tenant = ?"), GuestFacts.class, "Guest", guestId)
        .chain(
            g ->
                hours("guest_usage_hour h", "h.guest_id = ?", guestId, period)
                    .map(
                        hours ->
                            new GuestUsageSeries(
                                g.guestId(),
                                g.name(),
                                g.kind(),
                                g.hostServerId(),
                                g.vcpus(),
                                g.ramTotalGb(),
                                g.diskTotalGb(),
                                period.from(),
                                period.to(),
                                hours)));
  }

  private Uni<List<HourlyUsage>> hours(String table, String whose, UUID id, UsagePeriod period) {
    SqlQuery hours =
        SqlQuery.select(HOUR, table)
            .where(whose, id)
            .where("h.hour_start >= ?", SqlTime.parameter(period.from()))
            .where("h.hour_start < ?", SqlTime.parameter(period.to()))
            .keyset(BY_HOUR);
    return reads.all(hours, UsagePeriod.MOST_HOURS + 1, HourlyUsage.class);
  }
}
