package io.vigie.monitoring.targets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.HostedServiceKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A client's hosted service and the servers and guests it runs on (ids as comma lists). */
@Entity
@Table(name = "target_service")
public class TargetService extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public HostedServiceKind kind;

  public String url;
  public Integer port;

  @Column(name = "client_id", nullable = false)
  public UUID clientId;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "server_ids", nullable = false)
  public String serverIds;

  @Column(name = "virtual_machine_ids", nullable = false)
  public String virtualMachineIds;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
