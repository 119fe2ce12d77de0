package io.vigie.events.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What is inside a physical server: CPU, memory, disks and their RAID layout. */
public record HardwareSpec(
    @NotNull @Valid Cpu cpu, @NotNull @Valid Memory memory, @Valid Storage storage) {

  /** e.g. Intel Xeon D-1531, 1 socket, 6 cores, 12 threads, 2.2 GHz. */
  public record Cpu(
      @NotBlank @Size(max = 120) String model,
      @Min(1) @Max(16) int sockets,
      @Min(1) @Max(1024) int cores,
      @Min(1) @Max(2048) int threads,
      @NotNull @Positive BigDecimal ghz) {}

  /** e.g. 64 GB DDR4 ECC. */
  public record Memory(@Min(1) @Max(65536) int sizeGb, @Size(max = 20) String type, boolean ecc) {}

  /** Disks grouped by kind and the RAID level that ties them, e.g. 4x10 TB HDD in RAID10. */
  public record Storage(@NotNull RaidLevel raid, @NotEmpty List<@NotNull @Valid DiskGroup> disks) {

    /**
     * Usable space after RAID redundancy, in GB: per group of identical disks, mirrors keep half,
     * parity levels lose one disk (RAID5, RAIDZ1) or two (RAID6, RAIDZ2); too few disks for the
     * level leave nothing. The rule every capacity figure (inventory's, monitoring's) uses.
     */
    public long usableGb() {
      if (raid == null || disks == null) {
        return 0;
      }
      long usable = 0;
      for (DiskGroup group : disks) {
        long count = group.count();
        long size = group.sizeGb();
        usable +=
            switch (raid) {
              case NONE, RAID0 -> count * size;
              case RAID1, RAID10, ZFS_MIRROR -> count * size / 2;
              case RAID5, ZFS_RAIDZ1 -> Math.max(0, count - 1) * size;
              case RAID6, ZFS_RAIDZ2 -> Math.max(0, count - 2) * size;
            };
      }
      return usable;
    }
  }

  /** {@code count} identical disks. */
  public record DiskGroup(
      @Min(1) @Max(256) int count, @Min(1) int sizeGb, @NotNull DiskMedia media) {}

  public enum DiskMedia {
    HDD,
    SSD,
    NVME
  }

  public enum RaidLevel {
    NONE,
    RAID0,
    RAID1,
    RAID5,
    RAID6,
    RAID10,
    ZFS_MIRROR,
    ZFS_RAIDZ1,
    ZFS_RAIDZ2
  }
}
