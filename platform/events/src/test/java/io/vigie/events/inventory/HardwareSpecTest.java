package io.vigie.events.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.EventJson;
import io.vigie.events.inventory.HardwareSpec.DiskGroup;
import io.vigie.events.inventory.HardwareSpec.DiskMedia;
import io.vigie.events.inventory.HardwareSpec.RaidLevel;
import io.vigie.events.inventory.HardwareSpec.Storage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usable space after RAID, on the seeds' servers and the edge cases. */
class HardwareSpecTest {

  @Test
  void usableSpaceAfterRaid() {
    // the one-person hoster: 4x10 TB in RAID10 is 20 TB
    assertThat(
            new Storage(RaidLevel.RAID10, List.of(new DiskGroup(4, 10_000, DiskMedia.HDD)))
                .usableGb())
        .isEqualTo(20_000);
    // the web servers: 3x500 GB SSD in RAID5 is 1 TB
    assertThat(
            new Storage(RaidLevel.RAID5, List.of(new DiskGroup(3, 500, DiskMedia.SSD))).usableGb())
        .isEqualTo(1_000);
    // per group: 2x250 mirrored + 4x1000 mirrored
    assertThat(
            new Storage(
                    RaidLevel.RAID1,
                    List.of(
                        new DiskGroup(2, 250, DiskMedia.SSD),
                        new DiskGroup(4, 1000, DiskMedia.HDD)))
                .usableGb())
        .isEqualTo(2_250);
    assertThat(
            new Storage(RaidLevel.RAID6, List.of(new DiskGroup(6, 4000, DiskMedia.HDD))).usableGb())
        .isEqualTo(16_000);
    assertThat(
            new Storage(RaidLevel.ZFS_RAIDZ2, List.of(new DiskGroup(1, 4000, DiskMedia.HDD)))
                .usableGb())
        .isZero();
    assertThat(
            new Storage(RaidLevel.NONE, List.of(new DiskGroup(2, 480, DiskMedia.NVME))).usableGb())
        .isEqualTo(960);
  }

  @Test
  void usableSpaceIsNotPartOfTheContract() throws Exception {
    // a method, not a component: events and API bodies carry the disks, not a derived figure
    String json =
        EventJson.newMapper()
            .writeValueAsString(
                new Storage(RaidLevel.RAID10, List.of(new DiskGroup(4, 10_000, DiskMedia.HDD))));
    assertThat(json).doesNotContain("usable");
  }
}
