package io.vigie.inventory.clients;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.events.inventory.ContractTerms;
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
import java.util.UUID;

/** Clients (tenants) and their contracts. Only admins register clients or change contracts. */
@ApplicationScoped
public class ClientService {

  private final Outbox outbox;
  private final Reads reads;

  public ClientService(Outbox outbox, Reads reads) {
    this.outbox = outbox;
    this.reads = reads;
  }

  /** Clients by code; a client reads only itself. */
  public Uni<Listing<ClientSnapshot>> list(String code, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "client_document")
            .where("code = ?", code)
            .keyset(Keyset.ascending("code", "text"));
    return reads.page(TenantScope.restrict(query, caller, "code = ?"), page);
  }

  /** A client as the caller may see it (a client only itself; 404 otherwise). */
  public Uni<ClientSnapshot> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "client_document").where("id = ?", id);
    return reads.found(
        TenantScope.restrict(query, caller, "code = ?"), ClientSnapshot.class, "Client", id);
  }

  @WithSession
  public Uni<Client> find(UUID id, Caller caller) {
    return Client.<Client>findById(id)
        .map(c -> TenantScope.visibleOr404(c, c == null ? null : c.code, caller, "Client", id));
  }

  @WithTransaction
  public Uni<Client> register(NewClient request, Caller caller) {
    caller.requireAdmin();
    ContractRules.check(request.contract());
    return Client.count("code", request.code())
        .chain(
            existing -> {
              if (existing > 0) {
                throw ProblemException.conflict(
                    "A client with code " + request.code() + " already exists");
              }
              Client client = new Client();
              client.id = Uuids.timeOrdered();
              client.code = request.code();
              client.name = request.name();
              client.contactEmail = request.contactEmail();
              client.contract = request.contract();
              return client.<Client>persist();
            })
        .call(Panache::flush)
        .call(c -> outbox.record(new ClientRegistered(c.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Client> updateDetails(UUID id, String ifMatch, ClientDetails request, Caller caller) {
    caller.requireAdmin();
    return find(id, caller)
        .invoke(c -> ETags.requireMatch(ifMatch, c.version))
        .invoke(
            c -> {
              c.name = request.name();
              c.contactEmail = request.contactEmail();
            })
        .call(Panache::flush)
        .call(c -> outbox.record(new ClientUpdated(c.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Client> changeContract(
      UUID id, String ifMatch, ContractTerms contract, Caller caller) {
    caller.requireAdmin();
    ContractRules.check(contract);
    return find(id, caller)
        .invoke(c -> ETags.requireMatch(ifMatch, c.version))
        .invoke(c -> c.contract = contract)
        .call(Panache::flush)
        .call(c -> outbox.record(new ContractChanged(c.snapshot()), caller.name()));
  }
}
