package io.vigie.monitoring.targets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.ServerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A physical server as monitoring sees it, from the inventory's events. */
@Entity
@Table(name = "target_server")
public class TargetServer extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String hostname;

  @Column(name = "datacenter_code", nullable = false)
  public String datacenterCode;

  /** Where checks reach it: management address, else private, else the host name. */
  @Column(nullable = false)
  public String address;

  /** Comma-separated roles, e.g. {@code WEB,DATABASE}. */
  @Column(nullable = false)
  public String roles;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ServerStatus status;

  /** The inventory's network links (kind, interface name, contracted and burst Mbit/s). */
  @Convert(converter = NetworkLinksColumn.class)
  @Column(name = "network_links", nullable = false)
  public List<NetworkLink> networkLinks = new ArrayList<>();

  /** Hardware threads, the unit vCPUs are sold against; null while the hardware is unknown. */
  @Column(name = "cpu_threads")
  public Integer cpuThreads;

  /** Physical memory in GB; null while the hardware is unknown. */
  @Column(name = "ram_gb")
  public Integer ramGb;

  /** Usable disk after RAID in GB; null while the storage is unknown. */
  @Column(name = "disk_gb")
  public Long diskGb;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
