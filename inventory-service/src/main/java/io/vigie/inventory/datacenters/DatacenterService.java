package io.vigie.inventory.datacenters;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.DatacenterRegistered;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.DatacenterUpdated;
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
import java.util.TreeSet;
import java.util.UUID;

/** Datacenters and the racks in them: hoster-wide data, staff only. */
@ApplicationScoped
public class DatacenterService {

  private final Outbox outbox;
  private final Reads reads;

  public DatacenterService(Outbox outbox, Reads reads) {
    this.outbox = outbox;
    this.reads = reads;
  }

  /** Datacenters by code. */
  public Uni<Listing<DatacenterSnapshot>> list(String country, PageRequest page) {
    SqlQuery query =
        SqlQuery.select("doc", "datacenter_document")
            .where("country = ?", country)
            .keyset(Keyset.ascending("code", "text"));
    return reads.page(query, page);
  }

  public Uni<DatacenterSnapshot> read(UUID id) {
    return reads.found(
        SqlQuery.select("doc", "datacenter_document").where("id = ?", id),
        DatacenterSnapshot.class,
        "Datacenter",
        id);
  }

  @WithSession
  public Uni<Datacenter> find(UUID id) {
    return Datacenter.<Datacenter>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Datacenter", id));
  }

  @WithTransaction
  public Uni<Datacenter> register(DatacenterRequest request, Caller caller) {
    caller.requireOperator();
    return Datacenter.count("code", request.code())
        .chain(
            existing -> {
              if (existing > 0) {
                throw ProblemException.conflict(
                    "A datacenter with code " + request.code() + " already exists");
              }
              Datacenter dc = new Datacenter();
              dc.id = Uuids.timeOrdered();
              apply(dc, request);
              return dc.<Datacenter>persist();
            })
        .call(Panache::flush)
        .call(dc -> outbox.record(new DatacenterRegistered(dc.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Datacenter> update(UUID id, String ifMatch, DatacenterRequest request, Caller caller) {
    caller.requireOperator();
    return find(id)
        .invoke(dc -> ETags.requireMatch(ifMatch, dc.version))
        .call(
            dc ->
                Datacenter.count("code = ?1 and id <> ?2", request.code(), id)
                    .invoke(
                        clash -> {
                          if (clash > 0) {
                            throw ProblemException.conflict(
                                "A datacenter with code " + request.code() + " already exists");
                          }
                        }))
        .invoke(dc -> apply(dc, request))
        .call(Panache::flush)
        .call(dc -> outbox.record(new DatacenterUpdated(dc.snapshot()), caller.name()));
  }

  private static void apply(Datacenter dc, DatacenterRequest request) {
    dc.code = request.code();
    dc.name = request.name();
    dc.operator = request.operator();
    dc.city = request.city();
    dc.country = request.country();
    dc.tier = request.tier();
    dc.certifications =
        request.certifications() == null
            ? new TreeSet<>()
            : new TreeSet<>(request.certifications());
  }
}
