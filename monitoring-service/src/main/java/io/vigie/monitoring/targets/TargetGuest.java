package io.vigie.monitoring.targets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.GuestKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A client's VM or container on a host: an alert on the host reaches this client. */
@Entity
@Table(name = "target_guest")
public class TargetGuest extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GuestKind kind;

  @Column(name = "host_server_id", nullable = false)
  public UUID hostServerId;

  @Column(name = "client_id", nullable = false)
  public UUID clientId;

  @Column(nullable = false)
  public String tenant;

  public String address;

  /** What the inventory allocated it: vCPUs, RAM and disk in GB. */
  @Column(nullable = false)
  public int vcpus;

  @Column(name = "ram_gb", nullable = false)
  public int ramGb;

  @Column(name = "disk_gb", nullable = false)
  public int diskGb;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
