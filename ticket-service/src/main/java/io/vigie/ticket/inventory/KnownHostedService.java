package io.vigie.ticket.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A client's site, application or database and the servers and guests it runs on. */
@Entity
@Table(name = "known_hosted_service")
public class KnownHostedService extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "server_ids", nullable = false)
  public UUID[] serverIds = new UUID[0];

  @Column(name = "guest_ids", nullable = false)
  public UUID[] guestIds = new UUID[0];

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
