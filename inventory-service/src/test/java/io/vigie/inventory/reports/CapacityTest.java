package io.vigie.inventory.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HardwareSpec.DiskGroup;
import io.vigie.events.inventory.HardwareSpec.DiskMedia;
import io.vigie.events.inventory.HardwareSpec.RaidLevel;
import io.vigie.events.inventory.HardwareSpec.Storage;
import io.vigie.inventory.reports.Capacity.DatacenterCapacity;
import io.vigie.inventory.reports.Capacity.Guest;
import io.vigie.inventory.reports.Capacity.HostCapacity;
import io.vigie.inventory.reports.Capacity.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityTest {

  /** The one-person hoster's only server: Proxmox, 32 GB ECC, 4x10 TB HDD in RAID10. */
  private static final HardwareSpec PROXMOX_HOST =
      hardware(
          "Intel Core i7-8700",
          6,
          12,
          32,
          new Storage(RaidLevel.RAID10, List.of(new DiskGroup(4, 10_000, DiskMedia.HDD))));

  /** A Toulouse web server: Xeon E3-1245 v5 4C/8T, 64 GB DDR4 ECC, 3x500 GB SSD (RAID5 here). */
  private static final HardwareSpec TOULOUSE_WEB =
      hardware(
          "Intel Xeon E3-1245 v5",
          4,
          8,
          64,
          new Storage(RaidLevel.RAID5, List.of(new DiskGroup(3, 500, DiskMedia.SSD))));

  /** A Toulouse load balancer's box used as a small hypervisor: Xeon D-1531, 2x250 GB SSD. */
  private static final HardwareSpec XEON_D_HYPERVISOR =
      hardware(
          "Intel Xeon D-1531",
          6,
          12,
          32,
          new Storage(RaidLevel.RAID1, List.of(new DiskGroup(2, 250, DiskMedia.SSD))));

  @ParameterizedTest(name = "{1}x{2} GB in {0} leaves {3} GB")
  @CsvSource({
    "NONE,       2, 1000,  2000",
    "RAID0,      2, 1000,  2000",
    "RAID1,      2,  250,   250",
    "RAID10,     4, 10000, 20000",
    "ZFS_MIRROR, 2, 1000,  1000",
    "RAID5,      3,  500,  1000",
    "ZFS_RAIDZ1, 3, 1000,  2000",
    "RAID6,      6, 4000, 16000",
    "ZFS_RAIDZ2, 4, 4000,  8000",
    "RAID6,      1, 4000,     0",
  })
  void usable_disk_follows_the_raid_level(RaidLevel raid, int count, int sizeGb, long usable) {
    Storage storage = new Storage(raid, List.of(new DiskGroup(count, sizeGb, DiskMedia.HDD)));

    assertThat(Capacity.usableDiskGb(storage)).isEqualTo(usable);
  }

  @Test
  void raid_applies_to_each_disk_group_on_its_own() {
    Storage storage =
        new Storage(
            RaidLevel.RAID1,
            List.of(new DiskGroup(2, 480, DiskMedia.SSD), new DiskGroup(2, 4_000, DiskMedia.HDD)));

    assertThat(Capacity.usableDiskGb(storage)).isEqualTo(480 + 4_000);
  }

  @Test
  void a_server_without_described_storage_has_no_usable_disk() {
    assertThat(Capacity.usableDiskGb(null)).isZero();
  }

  @Test
  void one_person_hoster_proxmox_host_with_one_container_per_client() {
    UUID id = UUID.randomUUID();
    List<Guest> containers =
        List.of(
            new Guest(2, 4, 2_000),
            new Guest(2, 4, 2_000),
            new Guest(4, 8, 4_000),
            new Guest(1, 2, 1_000),
            new Guest(2, 4, 3_000));

    HostCapacity host =
        Capacity.host(
            id, "pve1.fsn1.example.net", "fsn1", PROXMOX_HOST, containers, new Usage(23.5, 19.4));

    assertThat(host)
        .isEqualTo(
            new HostCapacity(
                id,
                "pve1.fsn1.example.net",
                "fsn1",
                12,
                32,
                20_000,
                11,
                22,
                12_000,
                5,
                0.92, // 11 / 12 = 0.9166…
                0.69, // 22 / 32 = 0.6875, half up
                0.6, // 12 TB of 20 TB sold
                23.5,
                19.4));
  }

  @Test
  void a_host_monitoring_never_reported_has_no_usage_figures() {
    HostCapacity host =
        Capacity.host(UUID.randomUUID(), "web1", "par-dc2", TOULOUSE_WEB, List.of(), null);

    assertThat(host.threads()).isEqualTo(8);
    assertThat(host.ramGb()).isEqualTo(64);
    assertThat(host.diskGb()).isEqualTo(1_000);
    assertThat(host.guests()).isZero();
    assertThat(host.cpuOvercommit()).isZero();
    assertThat(host.cpuUsedPercent()).isNull();
    assertThat(host.ramUsedGb()).isNull();
  }

  @Test
  void unknown_physical_disk_gives_no_ratio_rather_than_infinity() {
    HardwareSpec noStorage =
        hardware("Intel Xeon E3-1245 v5", 4, 8, 64, null /* storage not described yet */);

    HostCapacity host =
        Capacity.host(
            UUID.randomUUID(), "web9", "par-dc2", noStorage, List.of(new Guest(2, 4, 100)), null);

    assertThat(host.diskGb()).isZero();
    assertThat(host.diskGbAllocated()).isEqualTo(100);
    assertThat(host.diskOvercommit()).isZero();
  }

  @Test
  void datacenter_adds_hosts_up_and_weights_cpu_usage_by_threads_of_reporting_hosts() {
    HostCapacity web1 =
        Capacity.host(
            UUID.randomUUID(), "web1", "par-dc2", TOULOUSE_WEB, List.of(), new Usage(40, 20));
    HostCapacity web2 =
        Capacity.host(
            UUID.randomUUID(), "web2", "par-dc2", TOULOUSE_WEB, List.of(), new Usage(60, 30));
    HostCapacity pve =
        Capacity.host(
            UUID.randomUUID(),
            "pve1",
            "par-dc2",
            XEON_D_HYPERVISOR,
            List.of(new Guest(4, 8, 100), new Guest(4, 8, 100)),
            null);
    assertThat(pve.cpuOvercommit()).isEqualTo(0.67); // 8 / 12
    assertThat(pve.ramOvercommit()).isEqualTo(0.5);
    assertThat(pve.diskOvercommit()).isEqualTo(0.8); // 200 / 250

    DatacenterCapacity dc = Capacity.datacenter("par-dc2", List.of(web1, web2, pve));

    assertThat(dc)
        .isEqualTo(
            new DatacenterCapacity(
                "par-dc2", 3, 28, // 8 + 8 + 12
                160, // 64 + 64 + 32
                2_250, // 1000 + 1000 + 250
                8, 16, 200, 2, 0.29, // 8 / 28
                0.1, // 16 / 160
                0.09, // 200 / 2250
                50.0, // (40 x 8 + 60 x 8) / 16; pve1 did not report
                50.0));
  }

  @Test
  void a_datacenter_where_no_host_reported_has_no_usage() {
    HostCapacity pve =
        Capacity.host(UUID.randomUUID(), "pve1", "fsn1", PROXMOX_HOST, List.of(), null);

    DatacenterCapacity dc = Capacity.datacenter("fsn1", List.of(pve));

    assertThat(dc.cpuUsedPercent()).isNull();
    assertThat(dc.ramUsedGb()).isNull();
  }

  @Test
  void by_datacenter_groups_hosts_in_code_order() {
    HostCapacity dc5 =
        Capacity.host(UUID.randomUUID(), "b", "par-dc5", TOULOUSE_WEB, List.of(), null);
    HostCapacity dc2a =
        Capacity.host(UUID.randomUUID(), "a", "par-dc2", TOULOUSE_WEB, List.of(), null);
    HostCapacity dc2b =
        Capacity.host(UUID.randomUUID(), "c", "par-dc2", XEON_D_HYPERVISOR, List.of(), null);

    List<DatacenterCapacity> totals = Capacity.byDatacenter(List.of(dc5, dc2a, dc2b));

    assertThat(totals)
        .extracting(DatacenterCapacity::datacenterCode)
        .containsExactly("par-dc2", "par-dc5");
    assertThat(totals).extracting(DatacenterCapacity::hosts).containsExactly(2, 1);
    assertThat(totals.get(0).threads()).isEqualTo(20);
  }

  private static HardwareSpec hardware(
      String cpu, int cores, int threads, int ramGb, Storage storage) {
    return new HardwareSpec(
        new HardwareSpec.Cpu(cpu, 1, cores, threads, new BigDecimal("3.5")),
        new HardwareSpec.Memory(ramGb, "DDR4", true),
        storage);
  }
}
