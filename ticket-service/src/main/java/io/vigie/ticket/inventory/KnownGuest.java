package io.vigie.ticket.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A client's VM or container on a host server, from the inventory. */
@Entity
@Table(name = "known_guest")
public class KnownGuest extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(name = "host_server_id", nullable = false)
  public UUID hostServerId;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
