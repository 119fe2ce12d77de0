package io.vigie.inventory.guests;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.inventory.ArrayColumns;
import io.vigie.inventory.clients.Client;
import io.vigie.inventory.servers.Server;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A client's VM or LXC container and the hypervisor it runs on. */
@Entity
@Table(name = "virtual_machine")
public class VirtualMachine extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GuestKind kind;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "host_server_id")
  public Server host;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "client_id")
  public Client client;

  public int vcpus;

  @Column(name = "ram_gb")
  public int ramGb;

  @Column(name = "disk_gb")
  public int diskGb;

  @Convert(converter = ArrayColumns.Strings.class)
  @Column(name = "ip_addresses", nullable = false)
  public List<String> ipAddresses = new ArrayList<>();

  @Column(name = "operating_system")
  public String operatingSystem;

  @Version public long version;

  public VirtualMachineSnapshot snapshot() {
    return new VirtualMachineSnapshot(
        id,
        name,
        kind,
        host.id,
        client.id,
        client.code,
        vcpus,
        ramGb,
        diskGb,
        List.copyOf(ipAddresses),
        operatingSystem,
        version);
  }
}
