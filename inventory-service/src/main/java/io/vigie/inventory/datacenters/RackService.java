package io.vigie.inventory.datacenters;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.RackInstalled;
import io.vigie.events.inventory.RackSnapshot;
import io.vigie.events.inventory.RackUpdated;
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
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Racks in datacenters. */
@ApplicationScoped
public class RackService {

  private final Outbox outbox;
  private final Reads reads;
  private final DatacenterService datacenters;

  public RackService(Outbox outbox, DatacenterService datacenters, Reads reads) {
    this.outbox = outbox;
    this.datacenters = datacenters;
    this.reads = reads;
  }

  /** Racks by datacenter code and name. */
  public Uni<Listing<RackSnapshot>> list(UUID datacenterId, PageRequest page) {
    SqlQuery query =
        SqlQuery.select("doc", "rack_document")
            .where("datacenter_id = ?", datacenterId)
            .keyset(
                Keyset.ascending("datacenter_code", "text")
                    .then("name", "text")
                    .then("id", "uuid"));
    return reads.page(query, page);
  }

  public Uni<RackSnapshot> read(UUID id) {
    return reads.found(
        SqlQuery.select("doc", "rack_document").where("id = ?", id),
        RackSnapshot.class,
        "Rack",
        id);
  }

  @WithSession
  public Uni<Rack> find(UUID id) {
    return Rack.<Rack>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Rack", id));
  }

  @WithTransaction
  public Uni<Rack> install(RackRequest request, Caller caller) {
    caller.requireOperator();
    Rack rack = new Rack();
    rack.id = Uuids.timeOrdered();
    return apply(rack, request)
        .chain(r -> r.<Rack>persist())
        .call(Panache::flush)
        .call(r -> outbox.record(new RackInstalled(r.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Rack> update(UUID id, String ifMatch, RackRequest request, Caller caller) {
    caller.requireOperator();
    return find(id)
        .invoke(r -> ETags.requireMatch(ifMatch, r.version))
        .call(
            r ->
                Server.count(
                        "rack.id = ?1 and rackPosition + heightUnits - 1 > ?2", id, request.units())
                    .invoke(
                        above -> {
                          if (above > 0) {
                            throw ProblemException.invalidField(
                                "units", "servers are mounted above unit " + request.units());
                          }
                        }))
        .chain(r -> apply(r, request))
        .call(Panache::flush)
        .call(r -> outbox.record(new RackUpdated(r.snapshot()), caller.name()));
  }

  private Uni<Rack> apply(Rack rack, RackRequest request) {
    return datacenters
        .find(request.datacenterId())
        .onFailure(ProblemException.class)
        .transform(
            e ->
                ProblemException.invalidField(
                    "datacenterId", "no datacenter " + request.datacenterId()))
        .call(
            dc ->
                Rack.count(
                        "datacenter.id = ?1 and name = ?2 and id <> ?3",
                        dc.id,
                        request.name(),
                        rack.id)
                    .invoke(
                        clash -> {
                          if (clash > 0) {
                            throw ProblemException.conflict(
                                "Rack " + request.name() + " already exists in " + dc.code);
                          }
                        }))
        .map(
            dc -> {
              rack.datacenter = dc;
              rack.name = request.name();
              rack.room = request.room();
              rack.units = request.units();
              return rack;
            });
  }
}
