package io.vigie.backup.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A datacenter repositories and targets sit in. */
@Entity
@Table(name = "inventory_datacenter")
public class InventoryDatacenter extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
