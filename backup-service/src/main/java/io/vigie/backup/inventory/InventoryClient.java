package io.vigie.backup.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.UUID;

/** A client (tenant) and what its contract promises about backups and disaster recovery. */
@Entity
@Table(name = "inventory_client")
public class InventoryClient extends PanacheEntityBase {

  @Id public UUID id;

  /** The tenant code tokens carry. */
  @Column(nullable = false, unique = true)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "database_every_hours", nullable = false)
  public int databaseEveryHours;

  @Column(name = "database_retention_days", nullable = false)
  public int databaseRetentionDays;

  @Column(name = "files_retention_days", nullable = false)
  public int filesRetentionDays;

  @Column(nullable = false)
  public int copies;

  @Column(name = "distinct_sites", nullable = false)
  public int distinctSites;

  /** Seconds; null when the contract has no disaster-recovery plan. */
  @Column(name = "drp_rpo_seconds")
  public Long drpRpoSeconds;

  @Column(name = "drp_rto_seconds")
  public Long drpRtoSeconds;

  /** The contract's time zone (its support hours'); null when not known yet. */
  @Column(name = "time_zone")
  public String timeZone;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;

  /** The DRP's RPO, or null without a plan. */
  public Duration drpRpo() {
    return drpRpoSeconds == null ? null : Duration.ofSeconds(drpRpoSeconds);
  }

  public static Uni<InventoryClient> byCode(String code) {
    return find("code", code).firstResult();
  }
}
