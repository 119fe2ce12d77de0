package io.vigie.inventory.guests;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineRemoved;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.events.inventory.VirtualMachineUpdated;
import io.vigie.inventory.clients.Client;
import io.vigie.inventory.servers.Server;
import io.vigie.inventory.servers.ServerLifecycle;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.UUID;

/** Clients' VMs and LXC containers on the hoster's hypervisors. */
@ApplicationScoped
public class VirtualMachineService {

  private final Outbox outbox;
  private final Reads reads;

  public VirtualMachineService(Outbox outbox, Reads reads) {
    this.outbox = outbox;
    this.reads = reads;
  }

  /** VMs and containers by name; a client reads its own. */
  public Uni<Listing<VirtualMachineSnapshot>> list(
      UUID hostServerId, String client, GuestKind kind, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "virtual_machine_document")
            .where("host_server_id = ?", hostServerId)
            .where("tenant = ?", client)
            .where("kind = ?", kind)
            .keyset(Keyset.ascending("name", "text").then("id", "uuid"));
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  /** A VM or container as the caller may see it (a client only its own; 404 otherwise). */
  public Uni<VirtualMachineSnapshot> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "virtual_machine_document").where("id = ?", id);
    return reads.found(
        TenantScope.restrict(query, caller, "tenant = ?"),
        VirtualMachineSnapshot.class,
        "Virtual machine",
        id);
  }

  @WithSession
  public Uni<VirtualMachine> find(UUID id, Caller caller) {
    return VirtualMachine.<VirtualMachine>findById(id)
        .map(
            v ->
                TenantScope.visibleOr404(
                    v, v == null ? null : v.client.code, caller, "Virtual machine", id));
  }

  @WithTransaction
  public Uni<VirtualMachine> provision(VirtualMachineRequest request, Caller caller) {
    caller.requireOperator();
    VirtualMachine vm = new VirtualMachine();
    vm.id = Uuids.timeOrdered();
    return apply(vm, request)
        .chain(v -> v.<VirtualMachine>persist())
        .call(Panache::flush)
        .call(v -> outbox.record(new VirtualMachineProvisioned(v.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<VirtualMachine> update(
      UUID id, String ifMatch, VirtualMachineRequest request, Caller caller) {
    caller.requireOperator();
    return find(id, caller)
        .invoke(v -> ETags.requireMatch(ifMatch, v.version))
        .call(
            v -> {
              if (!v.client.id.equals(request.clientId())) {
                throw ProblemException.invalidField(
                    "clientId", "a VM cannot change owner; provision a new one");
              }
              return Uni.createFrom().voidItem();
            })
        .chain(v -> apply(v, request))
        .call(Panache::flush)
        .call(v -> outbox.record(new VirtualMachineUpdated(v.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Void> remove(UUID id, String ifMatch, Caller caller) {
    caller.requireOperator();
    return find(id, caller)
        .invoke(v -> ETags.requireMatch(ifMatch, v.version))
        .call(
            v ->
                HostedService.count(
                        "select count(h) from HostedService h join h.virtualMachines m where m.id = ?1",
                        v.id)
                    .invoke(
                        used -> {
                          if (used > 0) {
                            throw ProblemException.conflict(
                                v.name
                                    + " still runs "
                                    + used
                                    + " hosted services; move them first");
                          }
                        }))
        .call(v -> outbox.record(new VirtualMachineRemoved(v.snapshot()), caller.name()))
        .call(v -> v.delete())
        .replaceWithVoid();
  }

  private Uni<VirtualMachine> apply(VirtualMachine vm, VirtualMachineRequest request) {
    return Server.<Server>findById(request.hostServerId())
        .invoke(
            host -> {
              if (host == null) {
                throw ProblemException.invalidField(
                    "hostServerId", "no server " + request.hostServerId());
              }
              if (!host.roles.contains(ServerRole.HYPERVISOR)) {
                throw ProblemException.invalidField(
                    "hostServerId", host.hostname + " is not a hypervisor");
              }
              boolean moving = vm.host == null || !vm.host.id.equals(host.id);
              if (moving && !ServerLifecycle.canHostNewGuests(host.status)) {
                throw ProblemException.conflict(
                    host.hostname + " is " + host.status + " and takes no new guests");
              }
            })
        .call(
            host ->
                VirtualMachine.count(
                        "host.id = ?1 and name = ?2 and id <> ?3", host.id, request.name(), vm.id)
                    .invoke(
                        clash -> {
                          if (clash > 0) {
                            throw ProblemException.conflict(
                                host.hostname + " already has a guest named " + request.name());
                          }
                        }))
        .chain(
            host ->
                Client.<Client>findById(request.clientId())
                    .map(
                        client -> {
                          if (client == null) {
                            throw ProblemException.invalidField(
                                "clientId", "no client " + request.clientId());
                          }
                          vm.host = host;
                          vm.client = client;
                          vm.name = request.name();
                          vm.kind = request.kind();
                          vm.vcpus = request.vcpus();
                          vm.ramGb = request.ramGb();
                          vm.diskGb = request.diskGb();
                          vm.ipAddresses =
                              request.ipAddresses() == null
                                  ? new ArrayList<>()
                                  : new ArrayList<>(request.ipAddresses());
                          vm.operatingSystem = request.operatingSystem();
                          return vm;
                        }));
  }
}
