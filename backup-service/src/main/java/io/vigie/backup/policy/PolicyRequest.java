package io.vigie.backup.policy;

import io.vigie.events.backup.BackupKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A policy to create or replace. Left-out schedule, retention, RPO and per-copy limits come from
 * the client's contract ({@link PolicyDefaults}).
 *
 * @param timeZone IANA id the schedules and retention buckets follow; UTC when absent
 */
public record PolicyRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String tenant,
    @NotNull @Valid Target target,
    @NotNull BackupKind kind,
    @Size(max = 64) String timeZone,
    Duration rpo,
    Duration startGrace,
    Duration maxRunDuration,
    @Valid Retention retention,
    @NotEmpty @Size(max = 10) List<@NotNull @Valid Copy> copies) {

  /** The inventory object backed up. */
  public record Target(@NotNull TargetKind kind, @NotNull UUID id) {}

  /**
   * @param schedule crontab expression in the policy's time zone; from the contract when absent
   * @param maxAge how old this copy's newest point may get; from the schedule when absent
   */
  public record Copy(
      @NotNull UUID repositoryId, @Size(max = 200) String schedule, Duration maxAge) {}

  /** restic's {@code forget} rules; {@code keepWithin} in restic's form, e.g. {@code 10d}. */
  public record Retention(
      @Min(0) @Max(100000) int keepLast,
      @Min(0) @Max(100000) int keepHourly,
      @Min(0) @Max(100000) int keepDaily,
      @Min(0) @Max(100000) int keepWeekly,
      @Min(0) @Max(100000) int keepMonthly,
      @Min(0) @Max(1000) int keepYearly,
      @Size(max = 40) String keepWithin) {}
}
