package io.vigie.backup.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A client's website, application or database, and the servers and VMs it runs on. */
@Entity
@Table(name = "inventory_hosted_service")
public class InventoryHostedService extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "client_id", nullable = false)
  public UUID clientId;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String name;

  /** WEBSITE, APPLICATION, DATABASE, ... as inventory names them. */
  @Column(nullable = false)
  public String kind;

  /** Comma-separated server ids. */
  @Column(name = "server_ids", nullable = false)
  public String serverIds;

  /** Comma-separated VM ids. */
  @Column(name = "virtual_machine_ids", nullable = false)
  public String virtualMachineIds;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;

  public List<UUID> servers() {
    return ids(serverIds);
  }

  public List<UUID> virtualMachines() {
    return ids(virtualMachineIds);
  }

  static List<UUID> ids(String joined) {
    return joined.isEmpty()
        ? List.of()
        : Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
  }
}
