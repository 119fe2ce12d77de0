package io.vigie.backup.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.backup.retention.ResticDuration;
import io.vigie.backup.retention.RetentionRules;
import io.vigie.events.backup.BackupKind;
import io.vigie.events.backup.BackupTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What one client target must have backed up: kind, retention, RPO; copies in {@link PolicyCopy}.
 */
@Entity
@Table(name = "backup_policy")
public class BackupPolicy extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BackupKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "target_kind", nullable = false)
  public TargetKind targetKind;

  @Column(name = "target_id", nullable = false)
  public UUID targetId;

  @Column(name = "target_name", nullable = false)
  public String targetName;

  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  @Column(name = "rpo_seconds", nullable = false)
  public long rpoSeconds;

  @Column(name = "start_grace_seconds", nullable = false)
  public long startGraceSeconds;

  @Column(name = "max_run_seconds", nullable = false)
  public long maxRunSeconds;

  @Column(name = "keep_last", nullable = false)
  public int keepLast;

  @Column(name = "keep_hourly", nullable = false)
  public int keepHourly;

  @Column(name = "keep_daily", nullable = false)
  public int keepDaily;

  @Column(name = "keep_weekly", nullable = false)
  public int keepWeekly;

  @Column(name = "keep_monthly", nullable = false)
  public int keepMonthly;

  @Column(name = "keep_yearly", nullable = false)
  public int keepYearly;

  /** restic's {@code --keep-within}, e.g. {@code 10d}; null when not used. */
  @Column(name = "keep_within")
  public String keepWithin;

  @Column(name = "active_since", nullable = false)
  public Instant activeSince;

  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public Duration rpo() {
    return Duration.ofSeconds(rpoSeconds);
  }

  public Duration startGrace() {
    return Duration.ofSeconds(startGraceSeconds);
  }

  public Duration maxRun() {
    return Duration.ofSeconds(maxRunSeconds);
  }

  public RetentionRules retention() {
    return RetentionRules.counts(
            keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly)
        .withWithin(keepWithin == null ? null : ResticDuration.parse(keepWithin));
  }

  public void retention(RetentionRules rules) {
    keepLast = rules.last();
    keepHourly = rules.hourly();
    keepDaily = rules.daily();
    keepWeekly = rules.weekly();
    keepMonthly = rules.monthly();
    keepYearly = rules.yearly();
    keepWithin =
        rules.within() == null || rules.within().isZero() ? null : rules.within().toString();
  }

  public BackupTarget target() {
    return new BackupTarget(targetKind.name(), targetId, targetName);
  }
}
