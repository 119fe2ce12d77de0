package io.vigie.inventory.reports;

import io.vigie.events.inventory.HardwareSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a hypervisor physically has, what its guests were promised, and how far that is
 * overcommitted: the figures behind "can this host take one more client?".
 */
public final class Capacity {

  private Capacity() {}

  /** What one VM or container was allocated. */
  public record Guest(int vcpus, int ramGb, long diskGb) {}

  /** The latest hour of measured usage on a host. */
  public record Usage(double cpuUsedPercent, double ramUsedGb) {}

  /**
   * One host's capacity. Overcommit ratios are allocated / physical, rounded to 2 decimals; 0 when
   * the physical figure is unknown (no storage described), rather than an infinite ratio JSON
   * cannot carry.
   *
   * @param threads hardware threads of the whole server, the unit vCPUs are sold against
   * @param cpuUsedPercent from the latest usage rollup, null when monitoring never reported
   * @param ramUsedGb from the latest usage rollup, null when monitoring never reported
   */
  public record HostCapacity(
      UUID serverId,
      String hostname,
      String datacenterCode,
      int threads,
      int ramGb,
      long diskGb,
      int vcpusAllocated,
      int ramGbAllocated,
      long diskGbAllocated,
      int guests,
      double cpuOvercommit,
      double ramOvercommit,
      double diskOvercommit,
      Double cpuUsedPercent,
      Double ramUsedGb) {}

  /**
   * The hosts of one datacenter added up.
   *
   * @param cpuUsedPercent average over the hosts that reported usage, weighted by their threads;
   *     null when none did
   * @param ramUsedGb sum over the hosts that reported usage; null when none did
   */
  public record DatacenterCapacity(
      String datacenterCode,
      int hosts,
      int threads,
      int ramGb,
      long diskGb,
      int vcpusAllocated,
      int ramGbAllocated,
      long diskGbAllocated,
      int guests,
      double cpuOvercommit,
      double ramOvercommit,
      double diskOvercommit,
      Double cpuUsedPercent,
      Double ramUsedGb) {}

  /** Usable space of the storage after RAID redundancy, in GB; 0 when no storage is described. */
  public static long usableDiskGb(HardwareSpec.Storage storage) {
    if (storage == null || storage.disks() == null) {
      return 0;
    }
    return storage.disks().stream().mapToLong(group -> usableDiskGb(storage.raid(), group)).sum();
  }

  /**
   * Usable space of one group of identical disks. Mirrors keep half, parity levels lose one (RAID5,
   * RAIDZ1) or two (RAID6, RAIDZ2) disks; too few disks for the level leave nothing usable.
   */
  public static long usableDiskGb(HardwareSpec.RaidLevel raid, HardwareSpec.DiskGroup group) {
    long count = group.count();
    long size = group.sizeGb();
    return switch (raid) {
      case NONE, RAID0 -> count * size;
      case RAID1, RAID10, ZFS_MIRROR -> count * size / 2;
      case RAID5, ZFS_RAIDZ1 -> Math.max(0, count - 1) * size;
      case RAID6, ZFS_RAIDZ2 -> Math.max(0, count - 2) * size;
    };
  }

  /** A host's capacity from its hardware, its guests and its latest usage (null if none). */
  public static HostCapacity host(
      UUID serverId,
      String hostname,
      String datacenterCode,
      HardwareSpec hardware,
      List<Guest> guests,
      Usage latest) {
    int threads = hardware.cpu().threads();
    int ramGb = hardware.memory().sizeGb();
    long diskGb = usableDiskGb(hardware.storage());
    int vcpus = guests.stream().mapToInt(Guest::vcpus).sum();
    int ram = guests.stream().mapToInt(Guest::ramGb).sum();
    long disk = guests.stream().mapToLong(Guest::diskGb).sum();
    return new HostCapacity(
        serverId,
        hostname,
        datacenterCode,
        threads,
        ramGb,
        diskGb,
        vcpus,
        ram,
        disk,
        guests.size(),
        ratio(vcpus, threads),
        ratio(ram, ramGb),
        ratio(disk, diskGb),
        latest == null ? null : latest.cpuUsedPercent(),
        latest == null ? null : latest.ramUsedGb());
  }

  /** One datacenter's totals from its hosts. */
  public static DatacenterCapacity datacenter(String datacenterCode, List<HostCapacity> hosts) {
    int threads = hosts.stream().mapToInt(HostCapacity::threads).sum();
    int ramGb = hosts.stream().mapToInt(HostCapacity::ramGb).sum();
    long diskGb = hosts.stream().mapToLong(HostCapacity::diskGb).sum();
    int vcpus = hosts.stream().mapToInt(HostCapacity::vcpusAllocated).sum();
    int ram = hosts.stream().mapToInt(HostCapacity::ramGbAllocated).sum();
    long disk = hosts.stream().mapToLong(HostCapacity::diskGbAllocated).sum();
    List<HostCapacity> reporting =
        hosts.stream().filter(h -> h.cpuUsedPercent() != null && h.ramUsedGb() != null).toList();
    Double cpuUsed = null;
    Double ramUsed = null;
    if (!reporting.isEmpty()) {
      int reportingThreads = reporting.stream().mapToInt(HostCapacity::threads).sum();
      double busyThreads =
          reporting.stream().mapToDouble(h -> h.cpuUsedPercent() * h.threads()).sum();
      cpuUsed = reportingThreads == 0 ? 0.0 : round2(busyThreads / reportingThreads);
      ramUsed = round2(reporting.stream().mapToDouble(HostCapacity::ramUsedGb).sum());
    }
    return new DatacenterCapacity(
        datacenterCode,
        hosts.size(),
        threads,
        ramGb,
        diskGb,
        vcpus,
        ram,
        disk,
        hosts.stream().mapToInt(HostCapacity::guests).sum(),
        ratio(vcpus, threads),
        ratio(ram, ramGb),
        ratio(disk, diskGb),
        cpuUsed,
        ramUsed);
  }

  /** Totals per datacenter, ordered by datacenter code. */
  public static List<DatacenterCapacity> byDatacenter(List<HostCapacity> hosts) {
    Map<String, List<HostCapacity>> grouped = new LinkedHashMap<>();
    hosts.stream()
        .sorted(Comparator.comparing(HostCapacity::datacenterCode))
        .forEach(h -> grouped.computeIfAbsent(h.datacenterCode(), k -> new ArrayList<>()).add(h));
    return grouped.entrySet().stream().map(e -> datacenter(e.getKey(), e.getValue())).toList();
  }

  private static double ratio(long allocated, long physical) {
    return physical == 0 ? 0.0 : round2((double) allocated / physical);
  }

  /** Half-up on the decimal value, so 0.625 reads 0.63 as a person computing it would expect. */
  private static double round2(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
