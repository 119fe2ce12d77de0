package io.vigie.inventory.reports;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.inventory.clients.Client;
import io.vigie.inventory.guests.HostedService;
import io.vigie.inventory.guests.VirtualMachine;
import io.vigie.inventory.integrations.IntegrationExports;
import io.vigie.inventory.reports.Capacity.DatacenterCapacity;
import io.vigie.inventory.reports.Capacity.HostCapacity;
import io.vigie.inventory.servers.HostUsage;
import io.vigie.inventory.servers.Server;
import io.vigie.inventory.servers.ServerService;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.Filter;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Read-only reports across the inventory: capacity, expiring hardware, outage impact, exports. */
@ApplicationScoped
public class ReportService {

  /**
   * Hosted services with both their server and VM sets, which Hibernate Reactive won't lazy-load.
   */
  private static final String SERVICES_WITH_PLACEMENT =
      "select distinct h from HostedService h"
          + " left join fetch h.servers left join fetch h.virtualMachines";

  public record CapacityReport(List<HostCapacity> hosts, List<DatacenterCapacity> datacenters) {}

  /**
   * A warranty or end of life that falls within the horizon, or has already passed.
   *
   * @param what {@code warranty} or {@code end-of-life}
   * @param daysLeft negative once the date has passed
   */
  public record ExpiringServer(
      UUID serverId,
      String hostname,
      String datacenterCode,
      String what,
      LocalDate date,
      long daysLeft) {}

  /**
   * A client an outage of the server would hit, with the promises at stake.
   *
   * @param p1TimeToIntervention null when the contract sets no P1 target
   */
  public record AffectedClient(
      UUID id,
      String code,
      String name,
      BigDecimal availabilityTarget,
      Duration p1TimeToIntervention) {}

  /** What goes down with a server: its guests, the services on it or them, their clients. */
  public record ServerImpact(
      ServerSnapshot server,
      List<VirtualMachineSnapshot> virtualMachines,
      List<HostedServiceSnapshot> hostedServices,
      List<AffectedClient> clients) {}

  /**
   * Hypervisors and any server hosting guests, with what is allocated on them and their latest
   * measured usage; optionally for one datacenter.
   */
  @WithSession
  public Uni<CapacityReport> capacity(UUID datacenterId) {
    Filter servers =
        Filter.where()
            .and("status <> :decommissioned", "decommissioned", ServerStatus.DECOMMISSIONED)
            .and("datacenter.id = :dc", "dc", datacenterId);
    Filter guests =
        Filter.where()
            .and("host.status <> :decommissioned", "decommissioned", ServerStatus.DECOMMISSIONED)
            .and("host.datacenter.id = :dc", "dc", datacenterId);
    return Server.<Server>list(servers.query() + " order by hostname", servers.parameters())
        .chain(
            candidates ->
                VirtualMachine.<VirtualMachine>list(guests.query(), guests.parameters())
                    .chain(vms -> capacity(candidates, vms)));
  }

  private static Uni<CapacityReport> capacity(List<Server> candidates, List<VirtualMachine> vms) {
    Map<UUID, List<Capacity.Guest>> guestsByHost =
        vms.stream()
            .collect(
                Collectors.groupingBy(
                    v -> v.host.id,
                    Collectors.mapping(
                        v -> new Capacity.Guest(v.vcpus, v.ramGb, v.diskGb), Collectors.toList())));
    // roles is a jsonb column: HQL cannot test membership portably.
    List<Server> hosts =
        candidates.stream()
            .filter(s -> s.roles.contains(ServerRole.HYPERVISOR) || guestsByHost.containsKey(s.id))
            .toList();
    return latestUsage(hosts.stream().map(s -> s.id).toList())
        .map(usage -> report(hosts, guestsByHost, usage));
  }

  /**
   * Servers still in service whose warranty or end of life falls on or before {@code today +
   * withinDays}, the ones already past included, soonest first.
   */
  @WithSession
  public Uni<List<ExpiringServer>> warranty(int withinDays, LocalDate today) {
    LocalDate horizon = today.plusDays(withinDays);
    return Server.<Server>list(
            "status <> ?1 and (warrantyEnd <= ?2 or endOfLife <= ?2)",
            ServerStatus.DECOMMISSIONED,
            horizon)
        .map(
            servers -> {
              List<ExpiringServer> out = new ArrayList<>();
              for (Server s : servers) {
                if (s.warrantyEnd != null && !s.warrantyEnd.isAfter(horizon)) {
                  out.add(expiring(s, "warranty", s.warrantyEnd, today));
                }
                if (s.endOfLife != null && !s.endOfLife.isAfter(horizon)) {
                  out.add(expiring(s, "end-of-life", s.endOfLife, today));
                }
              }
              out.sort(
                  Comparator.comparing(ExpiringServer::date)
                      .thenComparing(ExpiringServer::hostname)
                      .thenComparing(ExpiringServer::what));
              return out;
            });
  }

  /**
   * Who and what an outage of the server hits. A client sees only its own share, and a server it
   * has nothing on is a 404, like any other tenant's data.
   */
  @WithSession
  public Uni<ServerImpact> impact(UUID serverId, Caller caller) {
    return Server.<Server>findById(serverId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Server", serverId))
        .chain(
            server ->
                VirtualMachine.<VirtualMachine>list("host.id = ?1 order by name", serverId)
                    .chain(
                        vms ->
                            servicesOn(serverId)
                                .map(services -> impact(server, vms, services, caller))));
  }

  /** Services running on the server itself or on one of its VMs. */
  private static Uni<List<HostedService>> servicesOn(UUID serverId) {
    return HostedService.<HostedService>find(
            SERVICES_WITH_PLACEMENT
                + " where h.id in (select h2.id from HostedService h2 join h2.servers s"
                + " where s.id = :server)"
                + " or h.id in (select h3.id from HostedService h3 join h3.virtualMachines v"
                + " where v.host.id = :server)"
                + " order by h.name",
            Parameters.with("server", serverId))
        .list();
  }

  /**
   * What the Prometheus and Ansible exports are built from: servers still in service, their guests,
   * and per server the clients with a VM on it or a service running on it or its VMs.
   */
  @WithSession
  public Uni<IntegrationExports.Inputs> integrations() {
    return Server.<Server>list("status <> ?1 order by hostname", ServerStatus.DECOMMISSIONED)
        .chain(
            servers ->
                VirtualMachine.<VirtualMachine>list(
                        "host.status <> ?1 order by name", ServerStatus.DECOMMISSIONED)
                    .chain(
                        guests ->
                            HostedService.<HostedService>find(SERVICES_WITH_PLACEMENT)
                                .list()
                                .map(
                                    services ->
                                        new IntegrationExports.Inputs(
                                            servers,
                                            clientCodesByServer(guests, services),
                                            guests))));
  }

  private static Map<UUID, Set<String>> clientCodesByServer(
      List<VirtualMachine> guests, List<HostedService> services) {
    Map<UUID, Set<String>> out = new HashMap<>();
    for (VirtualMachine vm : guests) {
      out.computeIfAbsent(vm.host.id, id -> new TreeSet<>()).add(vm.client.code);
    }
    for (HostedService service : services) {
      for (Server server : service.servers) {
        out.computeIfAbsent(server.id, id -> new TreeSet<>()).add(service.client.code);
      }
      for (VirtualMachine vm : service.virtualMachines) {
        out.computeIfAbsent(vm.host.id, id -> new TreeSet<>()).add(service.client.code);
      }
    }
    return out;
  }

  /** The newest rollup of each server; none when monitoring never reported it. */
  private static Uni<Map<UUID, Capacity.Usage>> latestUsage(List<UUID> serverIds) {
    if (serverIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return HostUsage.<HostUsage>list(
            "from HostUsage h where h.serverId in ?1 and h.hourStart ="
                + " (select max(u.hourStart) from HostUsage u where u.serverId = h.serverId)",
            serverIds)
        .map(
            rows ->
                rows.stream()
                    .collect(
                        Collectors.toMap(
                            u -> u.serverId,
                            u -> new Capacity.Usage(u.cpuUsedPercent, u.ramUsedGb),
                            (a, b) -> a)));
  }

  private static CapacityReport report(
      List<Server> hosts,
      Map<UUID, List<Capacity.Guest>> guestsByHost,
      Map<UUID, Capacity.Usage> usage) {
    List<HostCapacity> capacities =
        hosts.stream()
            .map(
                s ->
                    Capacity.host(
                        s.id,
                        s.hostname,
                        s.datacenter.code,
                        s.hardware,
                        guestsByHost.getOrDefault(s.id, List.of()),
                        usage.get(s.id)))
            .toList();
    return new CapacityReport(capacities, Capacity.byDatacenter(capacities));
  }

  private static ExpiringServer expiring(Server s, String what, LocalDate date, LocalDate today) {
    return new ExpiringServer(
        s.id, s.hostname, s.datacenter.code, what, date, ChronoUnit.DAYS.between(today, date));
  }

  private static ServerImpact impact(
      Server server, List<VirtualMachine> vms, List<HostedService> services, Caller caller) {
    Predicate<Client> visible = client -> caller.sees(client.code);
    List<VirtualMachine> ownVms = vms.stream().filter(v -> visible.test(v.client)).toList();
    List<HostedService> ownServices =
        services.stream().filter(h -> visible.test(h.client)).toList();
    if (!caller.isStaff() && ownVms.isEmpty() && ownServices.isEmpty()) {
      throw ProblemException.notFound("Server", server.id);
    }
    Map<UUID, Client> clients = new HashMap<>();
    ownVms.forEach(v -> clients.putIfAbsent(v.client.id, v.client));
    ownServices.forEach(h -> clients.putIfAbsent(h.client.id, h.client));
    return new ServerImpact(
        ServerService.view(server, caller),
        ownVms.stream().map(VirtualMachine::snapshot).toList(),
        ownServices.stream().map(HostedService::snapshot).toList(),
        clients.values().stream()
            .sorted(Comparator.comparing((Client c) -> c.code))
            .map(ReportService::affected)
            .toList());
  }

  private static AffectedClient affected(Client client) {
    ContractTerms contract = client.contract;
    Duration p1 =
        contract.priorityTargets().stream()
            .filter(t -> t.priority() == PriorityTarget.Priority.P1)
            .map(PriorityTarget::timeToIntervention)
            .findFirst()
            .orElse(null);
    return new AffectedClient(
        client.id, client.code, client.name, contract.availabilityTarget(), p1);
  }
}
