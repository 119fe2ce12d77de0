package io.vigie.events;

import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.events.backup.BackupTarget;
import io.vigie.events.backup.CoverageGapClosed;
import io.vigie.events.backup.CoverageGapFound;
import io.vigie.events.backup.CoverageGapKind;
import io.vigie.events.backup.DrpAborted;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpCompleted;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepCompleted;
import io.vigie.events.backup.DrpStepFailed;
import io.vigie.events.backup.DrpStepKind;
import io.vigie.events.backup.DrpStepStarted;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** saint-roch's hourly MySQL dump and its DRP onto the recovery server in DC5 (USE-CASES.md). */
final class BackupSamples {

  static final UUID POLICY = UUID.fromString("0192f3a0-0000-7000-8000-0000000b0001");
  static final UUID RUN = UUID.fromString("0192f3a0-0000-7000-8000-0000000b1001");
  static final UUID PLAN = UUID.fromString("0192f3a0-0000-7000-8000-0000000d0001");
  static final UUID DRP_RUN = UUID.fromString("0192f3a0-0000-7000-8000-0000000d1001");
  static final UUID WEB1 = UUID.fromString("0192f3a0-0000-7000-8000-00000000a101");
  static final UUID DRP1 = UUID.fromString("0192f3a0-0000-7000-8000-00000000a501");

  private static final BackupTarget DATABASE =
      new BackupTarget(
          "HOSTED_SERVICE",
          UUID.fromString("0192f3a0-0000-7000-8000-00000000e001"),
          "saint-roch MySQL");

  private BackupSamples() {}

  static BackupSucceeded succeeded() {
    return new BackupSucceeded(
        POLICY,
        RUN,
        "saint-roch",
        DATABASE,
        BackupKind.DATABASE,
        Instant.parse("2026-11-21T02:00:00Z"),
        Instant.parse("2026-11-21T02:03:12Z"),
        "4f2a9c1e",
        18_734_112L);
  }

  static BackupFailed failed() {
    return new BackupFailed(
        POLICY,
        RUN,
        "saint-roch",
        DATABASE,
        BackupKind.DATABASE,
        Instant.parse("2026-11-21T02:00:00Z"),
        Instant.parse("2026-11-21T02:00:04Z"),
        "fail reported by the tool",
        "passphrase supplied in BORG_PASSPHRASE is incorrect");
  }

  static BackupOverdue overdue() {
    return new BackupOverdue(
        POLICY,
        "saint-roch",
        DATABASE,
        BackupKind.DATABASE,
        Instant.parse("2026-11-21T03:00:00Z"),
        Instant.parse("2026-11-21T03:15:00Z"));
  }

  static RpoBreached rpoBreached() {
    return new RpoBreached(
        POLICY,
        "saint-roch",
        DATABASE,
        Duration.ofHours(2),
        "PAR-DC5",
        Instant.parse("2026-11-21T01:00:00Z"),
        Instant.parse("2026-11-21T03:00:00Z"));
  }

  static RpoRestored rpoRestored() {
    return new RpoRestored(
        POLICY,
        "saint-roch",
        DATABASE,
        Duration.ofHours(2),
        null,
        Instant.parse("2026-11-21T04:00:00Z"),
        Instant.parse("2026-11-21T03:00:00Z"),
        Instant.parse("2026-11-21T04:02:00Z"));
  }

  static DrpActivated drpActivated() {
    return new DrpActivated(
        PLAN,
        DRP_RUN,
        "saint-roch",
        DrpDirection.FAILOVER,
        WEB1,
        DRP1,
        "engineer",
        "Fire in PAR-DC2, decided with the client on INC-000124",
        Instant.parse("2026-11-21T05:00:00Z"));
  }

  static DrpStepStarted dnsSwitchStarted() {
    return new DrpStepStarted(
        PLAN,
        DRP_RUN,
        "saint-roch",
        DrpDirection.FAILOVER,
        4,
        DrpStepKind.DNS_SWITCH,
        "Point www and the apex at the DRP server",
        Duration.ofMinutes(5),
        List.of("203.0.113.50"),
        Instant.parse("2026-11-21T07:40:00Z"));
  }

  static DrpStepCompleted stepCompleted() {
    return new DrpStepCompleted(
        PLAN,
        DRP_RUN,
        "saint-roch",
        DrpDirection.FAILOVER,
        1,
        DrpStepKind.RESTORE_FILES,
        "Copy files and configuration from the backup servers",
        Instant.parse("2026-11-21T05:01:00Z"),
        Instant.parse("2026-11-21T07:20:00Z"));
  }

  static DrpCompleted drpCompleted() {
    return new DrpCompleted(
        PLAN,
        DRP_RUN,
        "saint-roch",
        DrpDirection.FAILOVER,
        Instant.parse("2026-11-21T05:00:00Z"),
        Instant.parse("2026-11-21T07:45:00Z"));
  }

  static CoverageGapFound coverageGapFound() {
    return new CoverageGapFound(
        "saint-roch",
        CoverageGapKind.TOO_FEW_DATACENTERS,
        "POLICY",
        POLICY,
        "MySQL hourly",
        "2 copies in 2 datacenters",
        "2 copies in PAR-DC3",
        Instant.parse("2026-11-21T06:00:00Z"));
  }

  static io.vigie.events.backup.RestoreTestOverdue restoreTestOverdue() {
    return new io.vigie.events.backup.RestoreTestOverdue(
        POLICY,
        "saint-roch",
        "MySQL hourly",
        "0 5 * * 1",
        Instant.parse("2026-11-23T04:00:00Z"),
        Instant.parse("2026-11-16T04:10:00Z"),
        null,
        Instant.parse("2026-11-24T04:01:00Z"));
  }

  static io.vigie.events.backup.RepositoryStorageMeasured repositoryStorageMeasured() {
    return new io.vigie.events.backup.RepositoryStorageMeasured(
        UUID.fromString("0192f3a0-0000-7000-8000-0000000c0003"),
        "saint-roch",
        "restic DC3",
        "PAR-DC3",
        Instant.parse("2026-11-21T02:04:00Z"),
        48_213_337_112L,
        null,
        240,
        500_000_000_000L);
  }

  static CoverageGapClosed coverageGapClosed() {
    return new CoverageGapClosed(
        "saint-roch",
        CoverageGapKind.TOO_FEW_DATACENTERS,
        "POLICY",
        POLICY,
        "MySQL hourly",
        Instant.parse("2026-11-21T06:00:00Z"),
        Instant.parse("2026-11-21T09:00:00Z"));
  }

  static DrpStepFailed drpStepFailed() {
    return new DrpStepFailed(
        PLAN,
        DRP_RUN,
        "saint-roch",
        DrpDirection.FAILOVER,
        4,
        DrpStepKind.DNS_SWITCH,
        "Point www and the apex at the DRP server",
        "ns2.example.net still answers 203.0.113.10 for www",
        "dns-service",
        Instant.parse("2026-11-21T08:40:00Z"),
        Instant.parse("2026-11-21T08:50:00Z"));
  }

  static DrpAborted drpAborted() {
    return new DrpAborted(
        PLAN,
        DRP_RUN,
        "saint-roch",
        DrpDirection.FAILOVER,
        "engineer",
        "PAR-DC2 back online, staying in production",
        Instant.parse("2026-11-21T05:00:00Z"),
        Instant.parse("2026-11-21T09:00:00Z"));
  }
}
