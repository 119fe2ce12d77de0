package io.vigie.monitoring.capacity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.SqlTime;
import io.vigie.monitoring.capacity.CapacityPlan.CapacityReport;
import io.vigie.monitoring.capacity.CapacityPlan.GuestsHour;
import io.vigie.monitoring.capacity.CapacityPlan.Host;
import io.vigie.monitoring.capacity.CapacityPlan.OvercommitPolicy;
import io.vigie.monitoring.capacity.CapacityPlan.PlacementAnswer;
import io.vigie.monitoring.capacity.CapacityPlan.UsageHour;
import io.vigie.monitoring.capacity.CapacityPlan.VmSize;
import io.vigie.monitoring.targets.TargetServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the hypervisors (servers with the HYPERVISOR role or guests on them, not decommissioned),
 * what their guests were allocated and their closed hours of usage within the trend window, and
 * hands them to {@link CapacityPlan}.
 */
@ApplicationScoped
public class CapacityService {

  static final int MAX_VCPUS = 1024;
  static final int MAX_RAM_GB = 65_536;
  static final int MAX_DISK_GB = 1_000_000;

  private final CapacityConfig config;
  private final OvercommitPolicy policy;

  public CapacityService(CapacityConfig config) {
    this.config = config;
    if (config.cpuOvercommit() <= 0
        || config.ramOvercommit() <= 0
        || config.diskOvercommit() <= 0) {
      throw new IllegalArgumentException(
          "vigie.monitoring.capacity.*-overcommit must be positive ratios");
    }
    if (config.fullShare() <= 0 || config.fullShare() > 1) {
      throw new IllegalArgumentException("vigie.monitoring.capacity.full-share must be in (0, 1]");
    }
    this.policy =
        new OvercommitPolicy(
            config.cpuOvercommit(), config.ramOvercommit(), config.diskOvercommit());
  }

  public OvercommitPolicy policy() {
    return policy;
  }

  /** The report over every hypervisor, or those of {@code datacenter}, at {@code now}. */
  @WithSession
  public Uni<CapacityReport> report(String datacenter, Instant now) {
    String code = datacenter(datacenter);
    return hosts(code, true, now)
        .map(
            hosts ->
                CapacityPlan.report(hosts, policy, config.fullShare(), config.trendWindow(), now));
  }

  /** Where a VM of that size fits, among every hypervisor or those of {@code datacenter}. */
  @WithSession
  public Uni<PlacementAnswer> placement(
      String vcpus, String ramGb, String diskGb, String datacenter, Instant now) {
    VmSize vm =
        new VmSize(
            size("vcpus", vcpus, MAX_VCPUS),
            size("ramGb", ramGb, MAX_RAM_GB),
            size("diskGb", diskGb, MAX_DISK_GB));
    String code = datacenter(datacenter);
    return hosts(code, false, now).map(hosts -> CapacityPlan.placement(hosts, vm, policy));
  }

  static int size(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(
          field, "is required (a whole number from 1 to " + max + ")");
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(field, "must be a whole number from 1 to " + max);
    }
    if (value < 1 || value > max) {
      throw ProblemException.invalidField(field, "must be from 1 to " + max);
    }
    return value;
  }

  private static String datacenter(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
      throw ProblemException.invalidField(
          "datacenter", "must be a datacenter code such as PAR-DC2");
    }
    return text;
  }

  private Uni<List<Host>> hosts(String datacenter, boolean withUsage, Instant now) {
    Uni<List<TargetServer>> servers =
        datacenter == null
            ? TargetServer.<TargetServer>list(
                "status <> ?1 order by hostname", ServerStatus.DECOMMISSIONED)
            : TargetServer.count("datacenterCode", datacenter)
                .chain(
                    known -> {
                      if (known == 0) {
                        throw ProblemException.invalidField(
                            "datacenter", "no server of the inventory is in " + datacenter);
                      }
                      return TargetServer.<TargetServer>list(
                          "status <> ?1 and datacenterCode = ?2 order by hostname",
                          ServerStatus.DECOMMISSIONED,
                          datacenter);
                    });
    return servers.chain(
        list ->
            allocations()
                .chain(
                    allocated -> {
                      List<TargetServer> hypervisors =
                          list.stream()
                              .filter(
                                  s ->
                                      Arrays.asList(s.roles.split(",")).contains("HYPERVISOR")
                                          || allocated.containsKey(s.id))
                              .toList();
                      Uni<Map<UUID, List<UsageHour>>> usage =
                          withUsage && !hypervisors.isEmpty()
                              ? usage(hypervisors, now)
                              : Uni.createFrom().item(Map.of());
                      return usage.map(
                          hours -> {
                            List<Host> out = new ArrayList<>();
                            for (TargetServer s : hypervisors) {
                              long[] a = allocated.getOrDefault(s.id, new long[4]);
                              out.add(
                                  new Host(
                                      s.id,
                                      s.hostname,
                                      s.datacenterCode,
                                      s.status,
                                      s.cpuThreads,
                                      s.ramGb,
                                      s.diskGb,
                                      (int) a[0],
                                      a[1],
                                      a[2],
                                      a[3],
                                      hours.getOrDefault(s.id, List.of())));
                            }
                            return out;
                          });
                    }));
  }

  /** Per host: guests, vCPUs, RAM GB and disk GB allocated. */
  private static Uni<Map<UUID, long[]>> allocations() {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select host_server_id, count(*), sum(vcpus), sum(ram_gb), sum(disk_gb)"
                            + " from target_guest group by host_server_id",
                        Object[].class)
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, long[]> out = new HashMap<>();
              for (Object[] r : rows) {
                out.put(
                    (UUID) r[0],
                    new long[] {
                      ((Number) r[1]).longValue(),
                      ((Number) r[2]).longValue(),
                      ((Number) r[3]).longValue(),
                      ((Number) r[4]).longValue()
                    });
              }
              return out;
            });
  }

  /**
   * The closed hours within the trend window, per server, oldest first: its own, else its guests'
   * added up ({@link CapacityPlan#measured}).
   */
  private Uni<Map<UUID, List<UsageHour>>> usage(List<TargetServer> hosts, Instant now) {
    List<UUID> servers = hosts.stream().map(s -> s.id).toList();
    return own(servers, now)
        .chain(
            own ->
                guests(servers, now)
                    .map(
                        guests -> {
                          Map<UUID, List<UsageHour>> out = new HashMap<>();
                          for (TargetServer s : hosts) {
                            List<UsageHour> hours =
                                CapacityPlan.measured(
                                    own.getOrDefault(s.id, List.of()),
                                    guests.getOrDefault(s.id, List.of()),
                                    s.cpuThreads);
                            if (!hours.isEmpty()) {
                              out.put(s.id, hours);
                            }
                          }
                          return out;
                        }));
  }

  /** The closed hours of the hosts' guests' own usage in the trend window, added up per host. */
  private Uni<Map<UUID, List<GuestsHour>>> guests(List<UUID> servers, Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.HOURS);
    Instant from = to.minus(config.trendWindow());
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select h.server_id, h.hour_start, sum(h.cpu_sum / h.samples / 100 *"
                            + " coalesce(g.vcpus, 0)), sum(h.ram_gb_sum / h.samples),"
                            + " sum(h.disk_gb_sum / h.samples) from guest_usage_hour h left join"
                            + " target_guest g on g.id = h.guest_id where h.server_id = any(?1)"
                            + " and h.hour_start >= ?2 and h.hour_start < ?3 and h.samples > 0"
                            + " group by h.server_id, h.hour_start order by 1, 2",
                        Object[].class)
                    .setParameter(1, servers.toArray(UUID[]::new))
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, List<GuestsHour>> out = new HashMap<>();
              for (Object[] r : rows) {
                out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(
                        new GuestsHour(
                            SqlTime.instant(r[1]),
                            ((Number) r[2]).doubleValue(),
                            ((Number) r[3]).doubleValue(),
                            ((Number) r[4]).doubleValue()));
              }
              return out;
            });
  }

  /** The hosts' own closed hours within the trend window, per server, oldest first. */
  private Uni<Map<UUID, List<UsageHour>>> own(List<UUID> servers, Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.HOURS);
    Instant from = to.minus(config.trendWindow());
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select server_id, hour_start, cpu_sum / samples, ram_gb_sum / samples,"
                            + " disk_gb_sum / samples from host_usage_hour where server_id ="
                            + " any(?1) and hour_start >= ?2 and hour_start < ?3 and samples > 0"
                            + " order by server_id, hour_start",
                        Object[].class)
                    .setParameter(1, servers.toArray(UUID[]::new))
                    .setParameter(2, from)
                    .setParameter(3, to)
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, List<UsageHour>> out = new HashMap<>();
              for (Object[] r : rows) {
                out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(
                        new UsageHour(
                            SqlTime.instant(r[1]),
                            ((Number) r[2]).doubleValue(),
                            ((Number) r[3]).doubleValue(),
                            ((Number) r[4]).doubleValue()));
              }
              return out;
            });
  }
}
