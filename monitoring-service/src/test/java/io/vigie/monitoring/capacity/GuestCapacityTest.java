package io.vigie.monitoring.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.ServerStatus;
import io.vigie.monitoring.capacity.CapacityPlan.GuestsHour;
import io.vigie.monitoring.capacity.CapacityPlan.Host;
import io.vigie.monitoring.capacity.CapacityPlan.HostCapacity;
import io.vigie.monitoring.capacity.CapacityPlan.OvercommitPolicy;
import io.vigie.monitoring.capacity.CapacityPlan.UsageHour;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A hypervisor's used figures from its guests' own rollups where it has none of its own, by hand.
 */
class GuestCapacityTest {

  private static final Instant H0 = Instant.parse("2026-11-02T10:00:00Z");

  private static Instant hour(int k) {
    return H0.plus(Duration.ofHours(k));
  }

  @Test
  void theHostsOwnHoursWinAndItsGuestsFillTheOthers() {
    // hour 0: the host's own figures (50 %, 20 GB, 100 GB); hours 1 and 2: only its guests',
    // already added up: 2 then 6 busy vCPUs of 8 threads (25 %, 75 %), RAM 6 and 9 GB, disk 30 and
    // 31 GB; hour 3: both, the host's own (10 %, 21 GB, 101 GB) counts
    List<UsageHour> own =
        List.of(new UsageHour(hour(0), 50, 20, 100), new UsageHour(hour(3), 10, 21, 101));
    List<GuestsHour> guests =
        List.of(
            new GuestsHour(hour(1), 2, 6, 30),
            new GuestsHour(hour(2), 6, 9, 31),
            new GuestsHour(hour(3), 1, 5, 29));
    List<UsageHour> measured = CapacityPlan.measured(own, guests, 8);
    assertThat(measured)
        .containsExactly(
            new UsageHour(hour(0), 50, 20, 100),
            new UsageHour(hour(1), 25, 6, 30),
            new UsageHour(hour(2), 75, 9, 31),
            new UsageHour(hour(3), 10, 21, 101));
    // hardware unknown: the guests' CPU cannot be put against threads
    assertThat(CapacityPlan.measured(List.of(), guests, null).get(0).cpuPercent()).isZero();
  }

  @Test
  void aHypervisorWithoutItsOwnExporterIsMeasuredByItsGuests() {
    List<UsageHour> hours =
        CapacityPlan.measured(
            List.of(),
            List.of(new GuestsHour(hour(0), 3, 40, 500), new GuestsHour(hour(1), 5, 44, 520)),
            16);
    Host host =
        new Host(
            UUID.randomUUID(),
            "hv9.par-dc2.example.net",
            "PAR-DC2",
            ServerStatus.ACTIVE,
            16,
            128,
            2000L,
            3,
            24,
            96,
            1200,
            hours);
    HostCapacity c = CapacityPlan.host(host, new OvercommitPolicy(4, 1, 1), 0.9, hour(2));
    // the last closed hour: 5 busy vCPUs, 44 GB of RAM, 520 GB of disk
    assertThat(c.cpu().used()).isEqualTo(5.0);
    assertThat(c.ram().used()).isEqualTo(44.0);
    assertThat(c.disk().used()).isEqualTo(520.0);
    assertThat(c.ram().usedShare()).isEqualTo(0.3438);
    // the line through 40 and 44 GB an hour apart: +4 GB an hour, 44 + 4 × 24 × 30 in 30 days
    assertThat(c.ram().forecasts().get(0).used()).isEqualTo(44 + 4 * 24 * 30 + 4);
  }
}
