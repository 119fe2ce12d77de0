package io.vigie.backup.policy;

import io.vigie.events.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A policy as the API shows it, with the ping URL each copy's tool reports to. */
public record PolicyView(
    UUID id,
    String tenant,
    String name,
    BackupKind kind,
    PolicyRequest.Target target,
    String targetName,
    String timeZone,
    Duration rpo,
    Duration startGrace,
    Duration maxRunDuration,
    PolicyRequest.Retention retention,
    List<CopyView> copies,
    Instant activeSince,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** A copy with its repository's datacenter and its ping path ({@code /ping/{key}}). */
  public record CopyView(
      UUID repositoryId,
      String repositoryName,
      String datacenterCode,
      String schedule,
      Duration maxAge,
      String pingPath) {}

  static PolicyView of(BackupPolicy p, List<CopyView> copies) {
    return new PolicyView(
        p.id,
        p.tenant,
        p.name,
        p.kind,
        new PolicyRequest.Target(p.targetKind, p.targetId),
        p.targetName,
        p.timeZone,
        p.rpo(),
        p.startGrace(),
        p.maxRun(),
        new PolicyRequest.Retention(
            p.keepLast,
            p.keepHourly,
            p.keepDaily,
            p.keepWeekly,
            p.keepMonthly,
            p.keepYearly,
            p.keepWithin),
        copies,
        p.activeSince,
        p.version,
        p.createdAt,
        p.updatedAt);
  }
}
