package io.vigie.backup.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A client's VM or container, on a host server. */
@Entity
@Table(name = "inventory_guest")
public class InventoryGuest extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String kind;

  @Column(name = "host_server_id", nullable = false)
  public UUID hostServerId;

  @Column(name = "client_id", nullable = false)
  public UUID clientId;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
