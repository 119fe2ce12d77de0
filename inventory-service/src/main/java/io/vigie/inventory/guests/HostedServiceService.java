package io.vigie.inventory.guests;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceRemoved;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.HostedServiceUpdated;
import io.vigie.inventory.clients.Client;
import io.vigie.inventory.servers.Server;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Clients' websites, applications and databases, and where they run. */
@ApplicationScoped
public class HostedServiceService {

  /** Hibernate Reactive does not lazy-load: every read fetches both placements. */
  static final String FETCH =
      "select distinct h from HostedService h left join fetch h.servers left join fetch h.virtualMachines";

  private final Outbox outbox;
  private final Reads reads;

  public HostedServiceService(Outbox outbox, Reads reads) {
    this.outbox = outbox;
    this.reads = reads;
  }

  /** Hosted services by name; a client reads its own. */
  public Uni<Listing<HostedServiceSnapshot>> list(
      String client, HostedServiceKind kind, UUID serverId, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "hosted_service_document")
            .where("tenant = ?", client)
            .where("kind = ?", kind)
            .where(
                "id in (select hosted_service_id from hosted_service_server where server_id = ?)"
                    + " or id in (select hv.hosted_service_id from hosted_service_vm hv"
                    + " join virtual_machine v on v.id = hv.virtual_machine_id"
                    + " where v.host_server_id = ?)",
                serverId)
            .keyset(Keyset.ascending("name", "text").then("id", "uuid"));
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  /** A hosted service as the caller may see it (a client only its own; 404 otherwise). */
  public Uni<HostedServiceSnapshot> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "hosted_service_document").where("id = ?", id);
    return reads.found(
        TenantScope.restrict(query, caller, "tenant = ?"),
        HostedServiceSnapshot.class,
        "Hosted service",
        id);
  }

  @WithSession
  public Uni<HostedService> find(UUID id, Caller caller) {
    return HostedService.<HostedService>find(FETCH + " where h.id = ?1", id)
        .firstResult()
        .map(
            h ->
                TenantScope.visibleOr404(
                    h, h == null ? null : h.client.code, caller, "Hosted service", id));
  }

  @WithTransaction
  public Uni<HostedService> create(HostedServiceRequest request, Caller caller) {
    caller.requireOperator();
    HostedService service = new HostedService();
    service.id = Uuids.timeOrdered();
    return apply(service, request)
        .chain(h -> h.<HostedService>persist())
        .call(Panache::flush)
        .call(h -> outbox.record(new HostedServiceCreated(h.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<HostedService> update(
      UUID id, String ifMatch, HostedServiceRequest request, Caller caller) {
    caller.requireOperator();
    return find(id, caller)
        .invoke(h -> ETags.requireMatch(ifMatch, h.version))
        .invoke(
            h -> {
              if (!h.client.id.equals(request.clientId())) {
                throw ProblemException.invalidField(
                    "clientId", "a hosted service cannot change owner");
              }
            })
        .chain(h -> apply(h, request))
        .call(Panache::flush)
        .call(h -> outbox.record(new HostedServiceUpdated(h.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Void> remove(UUID id, String ifMatch, Caller caller) {
    caller.requireOperator();
    return find(id, caller)
        .invoke(h -> ETags.requireMatch(ifMatch, h.version))
        .call(h -> outbox.record(new HostedServiceRemoved(h.snapshot()), caller.name()))
        .call(h -> h.delete())
        .replaceWithVoid();
  }

  private static Uni<List<HostedService>> fetch(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return HostedService.<HostedService>find(FETCH + " where h.id in ?1 order by h.name, h.id", ids)
        .list();
  }

  private Uni<HostedService> apply(HostedService service, HostedServiceRequest request) {
    if (request.url() == null && request.port() == null) {
      throw ProblemException.invalidField(
          "url", "give a url or a port so the service can be checked");
    }
    Set<UUID> serverIds = request.serverIds() == null ? Set.of() : request.serverIds();
    Set<UUID> vmIds = request.virtualMachineIds() == null ? Set.of() : request.virtualMachineIds();
    if (serverIds.isEmpty() && vmIds.isEmpty()) {
      throw ProblemException.invalidField(
          "serverIds", "a hosted service runs on at least one server or VM");
    }
    return Client.<Client>findById(request.clientId())
        .invoke(
            client -> {
              if (client == null) {
                throw ProblemException.invalidField("clientId", "no client " + request.clientId());
              }
            })
        .call(
            client ->
                HostedService.count(
                        "client.id = ?1 and name = ?2 and id <> ?3",
                        client.id,
                        request.name(),
                        service.id)
                    .invoke(
                        clash -> {
                          if (clash > 0) {
                            throw ProblemException.conflict(
                                client.code
                                    + " already has a hosted service named "
                                    + request.name());
                          }
                        }))
        .chain(
            client ->
                Server.<Server>list(
                        "id in ?1",
                        serverIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(serverIds))
                    .chain(
                        servers ->
                            VirtualMachine.<VirtualMachine>list(
                                    "id in ?1",
                                    vmIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(vmIds))
                                .map(
                                    vms -> {
                                      if (servers.size() != serverIds.size()) {
                                        throw ProblemException.invalidField(
                                            "serverIds", "unknown server id");
                                      }
                                      if (vms.size() != vmIds.size()) {
                                        throw ProblemException.invalidField(
                                            "virtualMachineIds", "unknown VM id");
                                      }
                                      for (VirtualMachine vm : vms) {
                                        if (!vm.client.id.equals(client.id)) {
                                          // placing a service on another client's VM would leak
                                          // across tenants
                                          throw ProblemException.invalidField(
                                              "virtualMachineIds",
                                              vm.name + " belongs to another client");
                                        }
                                      }
                                      service.client = client;
                                      service.name = request.name();
                                      service.kind = request.kind();
                                      service.url = request.url();
                                      service.port = request.port();
                                      service.technology = request.technology();
                                      service.servers = new HashSet<>(servers);
                                      service.virtualMachines = new HashSet<>(vms);
                                      return service;
                                    })));
  }
}
