package io.vigie.monitoring.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigie.events.inventory.ServerStatus;
import io.vigie.monitoring.capacity.CapacityPlan.CapacityForecast;
import io.vigie.monitoring.capacity.CapacityPlan.CapacityReport;
import io.vigie.monitoring.capacity.CapacityPlan.Host;
import io.vigie.monitoring.capacity.CapacityPlan.HostCapacity;
import io.vigie.monitoring.capacity.CapacityPlan.OvercommitPolicy;
import io.vigie.monitoring.capacity.CapacityPlan.PlacementAnswer;
import io.vigie.monitoring.capacity.CapacityPlan.PlacementFit;
import io.vigie.monitoring.capacity.CapacityPlan.PlacementRefusal;
import io.vigie.monitoring.capacity.CapacityPlan.UsageHour;
import io.vigie.monitoring.capacity.CapacityPlan.VmSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Capacity figures, run-out dates and placement against hand-computed answers. */
class CapacityPlanTest {

  static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  static final OvercommitPolicy POLICY = new OvercommitPolicy(4, 1, 1);

  private static Host host(
      String name,
      ServerStatus status,
      Integer threads,
      Integer ramGb,
      Long diskGb,
      int guests,
      long vcpus,
      long ram,
      long disk,
      List<UsageHour> usage) {
    return new Host(
        UUID.randomUUID(),
        name,
        "PAR-DC2",
        status,
        threads,
        ramGb,
        diskGb,
        guests,
        vcpus,
        ram,
        disk,
        usage);
  }

  /** 48 closed hours before NOW: cpu %, RAM and disk starting at the given values, per hour. */
  private static List<UsageHour> hours(
      double cpu,
      double cpuPerHour,
      double ram,
      double ramPerHour,
      double disk,
      double diskPerHour) {
    List<UsageHour> out = new ArrayList<>();
    for (int k = 0; k < 48; k++) {
      out.add(
          new UsageHour(
              NOW.minus(Duration.ofHours(48 - k)),
              cpu + cpuPerHour * k,
              ram + ramPerHour * k,
              disk + diskPerHour * k));
    }
    return out;
  }

  @Test
  void placementRespectsTheOvercommitPolicyAndPutsTheMostRoomFirst() {
    // a: 8 threads x4 = 32 vCPUs, 64 GB, 2000 GB; 24 vCPUs, 48 GB, 700 GB allocated
    Host a = host("hv-a", ServerStatus.ACTIVE, 8, 64, 2000L, 2, 24, 48, 700, List.of());
    // b: 64 vCPUs, 128 GB, 960 GB; 4, 16, 100 allocated
    Host b = host("hv-b", ServerStatus.ACTIVE, 16, 128, 960L, 1, 4, 16, 100, List.of());
    // c: 48 vCPUs, 32 GB, 2000 GB; 8, 24, 300 allocated: 24 + 12 GB of RAM is over 32
    Host c = host("hv-c", ServerStatus.ACTIVE, 12, 32, 2000L, 1, 8, 24, 300, List.of());
    Host d = host("hv-d", ServerStatus.MAINTENANCE, 64, 512, 8000L, 0, 0, 0, 0, List.of());
    Host e = host("hv-e", ServerStatus.ACTIVE, 4, 16, null, 0, 0, 0, 0, List.of());

    PlacementAnswer answer =
        CapacityPlan.placement(List.of(e, d, c, b, a), new VmSize(8, 12, 400), POLICY);

    // b: 52/64, 100/128, 460/960 left: the scarcest is disk, 0.4792; a: 0 vCPU left of 32
    assertThat(answer.fits()).extracting(PlacementFit::hostname).containsExactly("hv-b", "hv-a");
    PlacementFit best = answer.fits().get(0);
    assertThat(best.vcpusLeft()).isEqualTo(52);
    assertThat(best.ramGbLeft()).isEqualTo(100);
    assertThat(best.diskGbLeft()).isEqualTo(460);
    assertThat(best.tightestShareLeft()).isEqualTo(0.4792);
    PlacementFit full = answer.fits().get(1);
    assertThat(full.vcpusLeft()).isZero(); // exactly at the limit still fits
    assertThat(full.ramGbLeft()).isEqualTo(4);
    assertThat(full.tightestShareLeft()).isZero();

    assertThat(answer.refused())
        .extracting(PlacementRefusal::hostname)
        .containsExactly("hv-c", "hv-d", "hv-e");
    assertThat(answer.refused().get(0).reasons())
        .containsExactly("ram: 24 + 12 GB allocated would exceed 32 (32 GB × 1)");
    assertThat(answer.refused().get(1).reasons().get(0)).startsWith("status MAINTENANCE");
    assertThat(answer.refused().get(2).reasons().get(0)).startsWith("hardware unknown");

    // one vCPU more and a is refused too, naming the CPU
    PlacementAnswer bigger = CapacityPlan.placement(List.of(a), new VmSize(9, 12, 400), POLICY);
    assertThat(bigger.fits()).isEmpty();
    assertThat(bigger.refused().get(0).reasons())
        .containsExactly("cpu: 24 + 9 vCPUs allocated would exceed 32 (8 threads × 4)");
    // a fractional policy: 8 threads x 1.5 = 12 vCPUs
    PlacementAnswer tight =
        CapacityPlan.placement(List.of(a), new VmSize(1, 1, 1), new OvercommitPolicy(1.5, 1, 1));
    assertThat(tight.refused().get(0).reasons())
        .containsExactly("cpu: 24 + 1 vCPUs allocated would exceed 12 (8 threads × 1.5)");
  }

  @Test
  void forecastsAndRunOutDatesFollowTheLeastSquaresTrend() {
    // RAM from 48 GB, 0.05 GB more every hour (1.2 GB a day): the line is at 50.4 GB now; full is
    // 90 % of 64 GB = 57.6 GB, (57.6 - 50.4) / 1.2 = 6 days. CPU 25 % of 8 threads = 2, flat.
    Host a =
        host(
            "hv-a",
            ServerStatus.ACTIVE,
            8,
            64,
            2000L,
            2,
            24,
            48,
            700,
            hours(25, 0, 48, 0.05, 300, 0));
    // disk from 800 GB, 1 GB more an hour: 848 now, full at 864 (90 % of 960), 16 hours away
    Host b =
        host(
            "hv-b", ServerStatus.ACTIVE, 16, 128, 960L, 1, 4, 16, 100, hours(10, 0, 20, 0, 800, 1));
    Host idle = host("hv-c", ServerStatus.ACTIVE, 12, 32, 2000L, 0, 0, 0, 0, List.of());

    CapacityReport report =
        CapacityPlan.report(List.of(idle, b, a), POLICY, 0.9, Duration.ofDays(30), NOW);

    HostCapacity ha = report.hosts().get(0);
    assertThat(ha.hostname()).isEqualTo("hv-a");
    assertThat(ha.cpu().physical()).isEqualTo(8);
    assertThat(ha.cpu().allocatable()).isEqualTo(32);
    assertThat(ha.cpu().headroom()).isEqualTo(8);
    assertThat(ha.cpu().used()).isEqualTo(2);
    assertThat(ha.cpu().usedShare()).isEqualTo(0.25);
    assertThat(ha.cpu().fullAt()).isNull(); // flat
    assertThat(ha.ram().used()).isEqualTo(50.35); // the last closed hour
    assertThat(ha.ram().forecasts())
        .containsExactly(
            new CapacityForecast(30, 86.4),
            new CapacityForecast(90, 158.4),
            new CapacityForecast(180, 266.4));
    assertThat(ha.ram().daysUntilFull()).isEqualTo(6.0);
    assertThat(Duration.between(NOW.plus(Duration.ofDays(6)), ha.ram().fullAt()).abs())
        .isLessThan(Duration.ofSeconds(1));
    assertThat(ha.runsOutOf()).isEqualTo("ram");

    HostCapacity hb = report.hosts().get(1);
    assertThat(hb.runsOutOf()).isEqualTo("disk");
    assertThat(hb.disk().daysUntilFull()).isCloseTo(16 / 24.0, within(0.005));

    HostCapacity hc = report.hosts().get(2);
    assertThat(hc.cpu().used()).isNull();
    assertThat(hc.cpu().forecasts()).isEmpty();
    assertThat(hc.runsOutAt()).isNull();

    // b runs out first (16 h), then a (6 days); c never
    assertThat(report.runOutOrder())
        .extracting(r -> r.hostname() + ":" + r.resource())
        .containsExactly("hv-b:disk", "hv-a:ram");
    assertThat(report.runOutOrder().get(1).days()).isEqualTo(6.0);

    // the datacenter: the three hosts added up, the trends line by line
    var dc = report.datacenters().get(0);
    assertThat(dc.hosts()).isEqualTo(3);
    assertThat(dc.cpu().physical()).isEqualTo(36);
    assertThat(dc.cpu().allocated()).isEqualTo(28);
    assertThat(dc.cpu().allocatable()).isEqualTo(144);
    assertThat(dc.ram().physical()).isEqualTo(224);
    assertThat(dc.ram().used()).isEqualTo(70.35);
    assertThat(dc.ram().forecasts().get(0)).isEqualTo(new CapacityForecast(30, 106.4));
    assertThat(dc.disk().used()).isEqualTo(300 + 847);
    // the disk's line: 300 + 848 + 24 GB a day against 90 % of 4960 GB = 4464: 138.17 days
    assertThat(dc.disk().daysUntilFull()).isCloseTo((4464 - 1148) / 24.0, within(0.01));
    // RAM: 70.4 GB now, 1.2 GB a day, against 90 % of 224 = 201.6: 109.33 days, before the disk
    assertThat(dc.ram().daysUntilFull()).isEqualTo(109.33);
    assertThat(dc.runsOutOf()).isEqualTo("ram");
  }

  @Test
  void aHostAlreadyPastFullRunsOutNowAndAFlatOneNever() {
    Host over =
        host("hv-x", ServerStatus.ACTIVE, 4, 16, 100L, 0, 0, 0, 0, hours(99, 0, 15.5, 0, 10, 0));
    HostCapacity figures = CapacityPlan.host(over, POLICY, 0.9, NOW);
    assertThat(figures.cpu().fullAt()).isEqualTo(NOW);
    assertThat(figures.ram().fullAt()).isEqualTo(NOW);
    assertThat(figures.disk().fullAt()).isNull();
    assertThat(figures.runsOutOf()).isEqualTo("cpu"); // ties go to the first by name
  }
}
