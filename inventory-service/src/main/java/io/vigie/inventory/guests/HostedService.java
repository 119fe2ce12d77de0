package io.vigie.inventory.guests;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.inventory.clients.Client;
import io.vigie.inventory.servers.Server;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A client's website, application or database, and the servers and VMs it runs on. Queries that
 * return it fetch both sets (see HostedServiceRepository): Hibernate Reactive never lazy-loads.
 */
@Entity
@Table(name = "hosted_service")
public class HostedService extends PanacheEntityBase {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "client_id")
  public Client client;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public HostedServiceKind kind;

  public String url;
  public Integer port;
  public String technology;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "hosted_service_server",
      joinColumns = @JoinColumn(name = "hosted_service_id"),
      inverseJoinColumns = @JoinColumn(name = "server_id"))
  public Set<Server> servers = new HashSet<>();

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "hosted_service_vm",
      joinColumns = @JoinColumn(name = "hosted_service_id"),
      inverseJoinColumns = @JoinColumn(name = "virtual_machine_id"))
  public Set<VirtualMachine> virtualMachines = new HashSet<>();

  @Version public long version;

  public HostedServiceSnapshot snapshot() {
    return new HostedServiceSnapshot(
        id,
        client.id,
        client.code,
        name,
        kind,
        url,
        port,
        technology,
        sortedIds(servers.stream().map(s -> s.id).toList()),
        sortedIds(virtualMachines.stream().map(v -> v.id).toList()),
        version);
  }

  private static List<UUID> sortedIds(List<UUID> ids) {
    return ids.stream().sorted(Comparator.naturalOrder()).toList();
  }
}
