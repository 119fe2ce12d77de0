package io.vigie.dns.client;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A client (tenant) as inventory-service published it: who may own zones. */
@Entity
@Table(name = "dns_client")
public class DnsClient extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
