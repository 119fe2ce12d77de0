package io.vigie.monitoring.capacity;

import io.vigie.events.inventory.ServerStatus;
import io.vigie.monitoring.consumption.LinearTrend;
import io.vigie.monitoring.metrics.Sample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Capacity planning of hypervisors, plain Java: for CPU (vCPUs against hardware threads), RAM and
 * disk (GB, usable after RAID), what a host physically has, what its guests were allocated, what
 * the overcommit policy lets it sell, what it used (the last closed hour of the usage rollups) and
 * where the least-squares trend of those hours (the line {@code PREDICT} fits, {@link LinearTrend})
 * takes it in 30, 90 and 180 days, and the day it reaches the "full" share of the physical figure.
 * Placement answers which hosts take a new VM of a given size without any resource crossing the
 * policy (allocated + new &le; physical &times; ratio), the one with the most room left after it
 * first.
 */
public final class CapacityPlan {

  /** The forecast horizons of the report, in days. */
  public static final List<Integer> HORIZONS = List.of(30, 90, 180);

  private static final double EPSILON = 1e-9;

  /** A run-out further away than this (ten years) is reported as none. */
  static final double MAX_RUN_OUT_DAYS = 3650;

  private CapacityPlan() {}

  /** How far each resource may be sold beyond the hardware: allocated &le; physical × ratio. */
  public record OvercommitPolicy(double cpu, double ram, double disk) {}

  /** One closed hour of a host's measured usage (averages). */
  public record UsageHour(Instant hourStart, double cpuPercent, double ramGb, double diskGb) {}

  /** One closed hour of a host's guests' own usage (their node_exporters), added up. */
  public record GuestsHour(Instant hourStart, double vcpusBusy, double ramGb, double diskGb) {}

  /**
   * The hours a host is measured by: its own rollup where it has one, else the sum of its guests'
   * (a hypervisor without an exporter of its own, such as an appliance, whose VMs have theirs); the
   * guests' busy vCPUs count as busy hardware threads. Oldest first.
   *
   * @param threads the host's hardware threads; unknown (null) makes the guests' CPU 0 %
   */
  public static List<UsageHour> measured(
      List<UsageHour> own, List<GuestsHour> guests, Integer threads) {
    Map<Instant, UsageHour> byHour = new TreeMap<>();
    for (GuestsHour g : guests) {
      double cpu = threads == null || threads == 0 ? 0 : g.vcpusBusy() / threads * 100;
      byHour.put(g.hourStart(), new UsageHour(g.hourStart(), cpu, g.ramGb(), g.diskGb()));
    }
    for (UsageHour u : own) {
      byHour.put(u.hourStart(), u);
    }
    return new ArrayList<>(byHour.values());
  }

  /**
   * A host as the inventory and the rollups know it.
   *
   * @param threads hardware threads, null while the hardware is unknown
   * @param ramGb physical RAM, null while unknown
   * @param diskGb usable disk after RAID, null while the storage is unknown
   * @param usage closed hours within the trend window, oldest first
   */
  public record Host(
      UUID serverId,
      String hostname,
      String datacenterCode,
      ServerStatus status,
      Integer threads,
      Integer ramGb,
      Long diskGb,
      int guests,
      long vcpusAllocated,
      long ramGbAllocated,
      long diskGbAllocated,
      List<UsageHour> usage) {}

  /** The size of a VM to place. */
  public record VmSize(int vcpus, int ramGb, int diskGb) {}

  /** The used figure the trend gives {@code inDays} ahead. */
  public record CapacityForecast(int inDays, double used) {}

  /**
   * One resource of a host or datacenter.
   *
   * @param unit {@code vCPU} (CPU used is in busy threads), {@code GB}
   * @param physical hardware threads, GB of RAM, GB of usable disk; 0 when unknown
   * @param allocatable physical × the policy's ratio
   * @param headroom allocatable − allocated (negative when already over the policy)
   * @param used the last closed hour's average, null when monitoring has none
   * @param usedShare used / physical, null without either
   * @param forecasts the trend's used figure at each horizon; empty without a trend (fewer than two
   *     hours)
   * @param fullAt when the trend reaches the configured full share of physical ({@code at} if it is
   *     there already), null when it does not head there within ten years
   */
  public record ResourceCapacity(
      String unit,
      double physical,
      double allocated,
      double allocatable,
      double headroom,
      Double used,
      Double usedShare,
      List<CapacityForecast> forecasts,
      Instant fullAt,
      Double daysUntilFull) {}

  /** A host's capacity; {@code runsOutOf} is its first resource to reach full, if any. */
  public record HostCapacity(
      UUID serverId,
      String hostname,
      String datacenterCode,
      ServerStatus status,
      int guests,
      ResourceCapacity cpu,
      ResourceCapacity ram,
      ResourceCapacity disk,
      String runsOutOf,
      Instant runsOutAt) {}

  /** A datacenter's hosts added up (trends added line by line). */
  public record DatacenterCapacity(
      String datacenterCode,
      int hosts,
      int guests,
      ResourceCapacity cpu,
      ResourceCapacity ram,
      ResourceCapacity disk,
      String runsOutOf,
      Instant runsOutAt) {}

  /** A host's first resource to run out, for the report's run-out order. */
  public record CapacityRunOut(
      UUID serverId,
      String hostname,
      String datacenterCode,
      String resource,
      Instant at,
      double days) {}

  /** The report. */
  public record CapacityReport(
      Instant at,
      OvercommitPolicy policy,
      double fullShare,
      String trendWindow,
      List<DatacenterCapacity> datacenters,
      List<HostCapacity> hosts,
      List<CapacityRunOut> runOutOrder) {}

  /** A host that takes the VM, and what each resource has left under the policy after it. */
  public record PlacementFit(
      UUID serverId,
      String hostname,
      String datacenterCode,
      double vcpusLeft,
      double ramGbLeft,
      double diskGbLeft,
      double tightestShareLeft) {}

  /** A host that cannot take it, and why (one reason per resource it would cross). */
  public record PlacementRefusal(
      UUID serverId, String hostname, String datacenterCode, List<String> reasons) {}

  /** Where a VM fits: the hosts that take it, best first, and the others with their reasons. */
  public record PlacementAnswer(
      VmSize vm,
      OvercommitPolicy policy,
      List<PlacementFit> fits,
      List<PlacementRefusal> refused) {}

  // the report

  /** The report over {@code hosts} at {@code at}. */
  public static CapacityReport report(
      List<Host> hosts,
      OvercommitPolicy policy,
      double fullShare,
      Duration trendWindow,
      Instant at) {
    List<HostCapacity> figures = new ArrayList<>();
    Map<String, List<Host>> byDatacenter = new LinkedHashMap<>();
    List<Host> sorted =
        hosts.stream()
            .sorted(Comparator.comparing(Host::datacenterCode).thenComparing(Host::hostname))
            .toList();
    for (Host h : sorted) {
      figures.add(host(h, policy, fullShare, at));
      byDatacenter.computeIfAbsent(h.datacenterCode(), k -> new ArrayList<>()).add(h);
    }
    List<DatacenterCapacity> datacenters = new ArrayList<>();
    byDatacenter.forEach(
        (dc, list) -> datacenters.add(datacenter(dc, list, policy, fullShare, at)));
    List<CapacityRunOut> order =
        figures.stream()
            .filter(f -> f.runsOutAt() != null)
            .map(
                f ->
                    new CapacityRunOut(
                        f.serverId(),
                        f.hostname(),
                        f.datacenterCode(),
                        f.runsOutOf(),
                        f.runsOutAt(),
                        round2(days(at, f.runsOutAt()))))
            .sorted(
                Comparator.comparing(CapacityRunOut::at).thenComparing(CapacityRunOut::hostname))
            .toList();
    return new CapacityReport(
        at, policy, fullShare, trendWindow.toString(), datacenters, figures, order);
  }

  /** One host's figures. */
  public static HostCapacity host(Host h, OvercommitPolicy policy, double fullShare, Instant at) {
    double threads = h.threads() == null ? 0 : h.threads();
    ResourceCapacity cpu =
        resource(
            "vCPU",
            threads,
            h.vcpusAllocated(),
            policy.cpu(),
            series(h.usage(), u -> u.cpuPercent() / 100 * threads),
            fullShare,
            at);
    ResourceCapacity ram =
        resource(
            "GB",
            h.ramGb() == null ? 0 : h.ramGb(),
            h.ramGbAllocated(),
            policy.ram(),
            series(h.usage(), UsageHour::ramGb),
            fullShare,
            at);
    ResourceCapacity disk =
        resource(
            "GB",
            h.diskGb() == null ? 0 : h.diskGb(),
            h.diskGbAllocated(),
            policy.disk(),
            series(h.usage(), UsageHour::diskGb),
            fullShare,
            at);
    RunOut first = first(cpu, ram, disk);
    return new HostCapacity(
        h.serverId(),
        h.hostname(),
        h.datacenterCode(),
        h.status(),
        h.guests(),
        cpu,
        ram,
        disk,
        first == null ? null : first.resource(),
        first == null ? null : first.at());
  }

  /** A datacenter's figures: physical and allocated summed, trends summed line by line. */
  static DatacenterCapacity datacenter(
      String code, List<Host> hosts, OvercommitPolicy policy, double fullShare, Instant at) {
    ResourceCapacity cpu =
        sum(
            "vCPU",
            hosts,
            h -> h.threads() == null ? 0 : h.threads(),
            Host::vcpusAllocated,
            policy.cpu(),
            h ->
                series(
                    h.usage(), u -> u.cpuPercent() / 100 * (h.threads() == null ? 0 : h.threads())),
            fullShare,
            at);
    ResourceCapacity ram =
        sum(
            "GB",
            hosts,
            h -> h.ramGb() == null ? 0 : h.ramGb(),
            Host::ramGbAllocated,
            policy.ram(),
            h -> series(h.usage(), UsageHour::ramGb),
            fullShare,
            at);
    ResourceCapacity disk =
        sum(
            "GB",
            hosts,
            h -> h.diskGb() == null ? 0 : h.diskGb(),
            Host::diskGbAllocated,
            policy.disk(),
            h -> series(h.usage(), UsageHour::diskGb),
            fullShare,
            at);
    RunOut first = first(cpu, ram, disk);
    return new DatacenterCapacity(
        code,
        hosts.size(),
        hosts.stream().mapToInt(Host::guests).sum(),
        cpu,
        ram,
        disk,
        first == null ? null : first.resource(),
        first == null ? null : first.at());
  }

  private record RunOut(String resource, Instant at) {}

  private static RunOut first(ResourceCapacity cpu, ResourceCapacity ram, ResourceCapacity disk) {
    RunOut first = null;
    for (var e : Map.of("cpu", cpu, "ram", ram, "disk", disk).entrySet()) {
      Instant when = e.getValue().fullAt();
      if (when != null
          && (first == null
              || when.isBefore(first.at())
              || (when.equals(first.at()) && e.getKey().compareTo(first.resource()) < 0))) {
        first = new RunOut(e.getKey(), when);
      }
    }
    return first;
  }

  /** A measured series as samples (time of the hour's start, value). */
  private static List<Sample> series(List<UsageHour> usage, ToDoubleFunction<UsageHour> value) {
    List<Sample> out = new ArrayList<>(usage.size());
    for (UsageHour u : usage) {
      out.add(new Sample(u.hourStart().toEpochMilli(), value.applyAsDouble(u)));
    }
    return out;
  }

  private static ResourceCapacity resource(
      String unit,
      double physical,
      double allocated,
      double ratio,
      List<Sample> used,
      double fullShare,
      Instant at) {
    Double latest = used.isEmpty() ? null : used.get(used.size() - 1).value();
    return figures(
        unit, physical, allocated, ratio, latest, LinearTrend.fit(used, at), fullShare, at);
  }

  private static ResourceCapacity sum(
      String unit,
      List<Host> hosts,
      ToDoubleFunction<Host> physical,
      ToDoubleFunction<Host> allocated,
      double ratio,
      java.util.function.Function<Host, List<Sample>> used,
      double fullShare,
      Instant at) {
    double physicalSum = 0;
    double allocatedSum = 0;
    Double latest = null;
    double slope = 0;
    double intercept = 0;
    boolean trended = false;
    for (Host h : hosts) {
      physicalSum += physical.applyAsDouble(h);
      allocatedSum += allocated.applyAsDouble(h);
      List<Sample> series = used.apply(h);
      if (!series.isEmpty()) {
        latest = (latest == null ? 0 : latest) + series.get(series.size() - 1).value();
      }
      LinearTrend trend = LinearTrend.fit(series, at);
      if (trend != null) {
        slope += trend.slope();
        intercept += trend.intercept();
        trended = true;
      }
    }
    return figures(
        unit,
        physicalSum,
        allocatedSum,
        ratio,
        latest,
        trended ? new LinearTrend(slope, intercept, at) : null,
        fullShare,
        at);
  }

  private static ResourceCapacity figures(
      String unit,
      double physical,
      double allocated,
      double ratio,
      Double latest,
      LinearTrend trend,
      double fullShare,
      Instant at) {
    double allocatable = physical * ratio;
    List<CapacityForecast> forecasts = new ArrayList<>();
    Instant fullAt = null;
    if (trend != null) {
      for (int days : HORIZONS) {
        forecasts.add(
            new CapacityForecast(days, round2(Math.max(0, trend.predict(Duration.ofDays(days))))));
      }
      if (physical > 0) {
        double full = physical * fullShare;
        double perDay = trend.slope() * 86_400;
        if (trend.intercept() >= full) {
          fullAt = at;
        } else if (perDay > 1e-9) {
          // a flat series fits a slope of rounding noise: beyond the planning horizon is never
          double days = (full - trend.intercept()) / perDay;
          fullAt = days > MAX_RUN_OUT_DAYS ? null : at.plusMillis(Math.round(days * 86_400_000));
        }
      }
    }
    return new ResourceCapacity(
        unit,
        round2(physical),
        round2(allocated),
        round2(allocatable),
        round2(allocatable - allocated),
        latest == null ? null : round2(latest),
        latest == null || physical <= 0 ? null : round4(latest / physical),
        forecasts,
        fullAt,
        fullAt == null ? null : round2(days(at, fullAt)));
  }

  // placement

  /**
   * Where {@code vm} fits among {@code hosts}: an ACTIVE host with its hardware known on which each
   * resource's allocation plus the VM's stays within physical × ratio. Fits are ordered by the
   * share left of their scarcest resource after placing, largest first (spreads the load), then
   * host name; refusals by host name.
   */
  public static PlacementAnswer placement(List<Host> hosts, VmSize vm, OvercommitPolicy policy) {
    List<PlacementFit> fits = new ArrayList<>();
    List<PlacementRefusal> refused = new ArrayList<>();
    for (Host h : hosts.stream().sorted(Comparator.comparing(Host::hostname)).toList()) {
      List<String> reasons = new ArrayList<>();
      if (h.status() != ServerStatus.ACTIVE) {
        reasons.add("status " + h.status() + ": only ACTIVE hosts take new guests");
      }
      if (h.threads() == null || h.ramGb() == null || h.diskGb() == null) {
        reasons.add("hardware unknown: the inventory has not described its CPU, memory and disks");
      }
      if (!reasons.isEmpty()) {
        refused.add(new PlacementRefusal(h.serverId(), h.hostname(), h.datacenterCode(), reasons));
        continue;
      }
      double cpuLimit = h.threads() * policy.cpu();
      double ramLimit = h.ramGb() * policy.ram();
      double diskLimit = h.diskGb() * policy.disk();
      double cpuLeft = cpuLimit - h.vcpusAllocated() - vm.vcpus();
      double ramLeft = ramLimit - h.ramGbAllocated() - vm.ramGb();
      double diskLeft = diskLimit - h.diskGbAllocated() - vm.diskGb();
      check(
          reasons,
          "cpu",
          h.vcpusAllocated(),
          vm.vcpus(),
          "vCPUs",
          cpuLeft,
          h.threads(),
          "threads",
          policy.cpu());
      check(
          reasons,
          "ram",
          h.ramGbAllocated(),
          vm.ramGb(),
          "GB",
          ramLeft,
          h.ramGb(),
          "GB",
          policy.ram());
      check(
          reasons,
          "disk",
          h.diskGbAllocated(),
          vm.diskGb(),
          "GB",
          diskLeft,
          h.diskGb(),
          "GB",
          policy.disk());
      if (!reasons.isEmpty()) {
        refused.add(new PlacementRefusal(h.serverId(), h.hostname(), h.datacenterCode(), reasons));
        continue;
      }
      double tightest =
          Math.min(
              share(cpuLeft, cpuLimit),
              Math.min(share(ramLeft, ramLimit), share(diskLeft, diskLimit)));
      fits.add(
          new PlacementFit(
              h.serverId(),
              h.hostname(),
              h.datacenterCode(),
              round2(cpuLeft),
              round2(ramLeft),
              round2(diskLeft),
              round4(tightest)));
    }
    fits.sort(
        Comparator.comparingDouble(PlacementFit::tightestShareLeft)
            .reversed()
            .thenComparing(PlacementFit::hostname));
    return new PlacementAnswer(vm, policy, fits, refused);
  }

  private static void check(
      List<String> reasons,
      String resource,
      long allocated,
      int asked,
      String unit,
      double left,
      long physical,
      String physicalUnit,
      double ratio) {
    if (left < -EPSILON) {
      reasons.add(
          resource
              + ": "
              + allocated
              + " + "
              + asked
              + " "
              + unit
              + " allocated would exceed "
              + plain(physical * ratio)
              + " ("
              + physical
              + " "
              + physicalUnit
              + " × "
              + plain(ratio)
              + ")");
    }
  }

  private static double share(double left, double limit) {
    return limit <= 0 ? 0 : left / limit;
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 86_400_000.0;
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static double round2(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  static double round4(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }
}
