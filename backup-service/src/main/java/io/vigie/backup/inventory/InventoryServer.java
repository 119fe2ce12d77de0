package io.vigie.backup.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A physical server: a backup target, a host of targets, or a DRP recovery server. */
@Entity
@Table(name = "inventory_server")
public class InventoryServer extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String hostname;

  @Column(name = "datacenter_id", nullable = false)
  public UUID datacenterId;

  @Column(name = "datacenter_code", nullable = false)
  public String datacenterCode;

  @Column(nullable = false)
  public String status;

  /** Comma-separated public addresses (what DNS points at on a DRP switch). */
  @Column(name = "public_ips", nullable = false)
  public String publicIps;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
