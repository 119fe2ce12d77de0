package io.vigie.ticket.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A physical server from the inventory: what an incident links to. Hoster-wide. */
@Entity
@Table(name = "known_server")
public class KnownServer extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String hostname;

  @Column(name = "datacenter_code")
  public String datacenterCode;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
