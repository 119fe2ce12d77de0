package io.vigie.inventory.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.ServerStatusChanged;
import io.vigie.events.inventory.ServerUpdated;
import io.vigie.inventory.datacenters.DatacenterService;
import io.vigie.inventory.datacenters.Rack;
import io.vigie.inventory.datacenters.RackService;
import io.vigie.inventory.guests.VirtualMachine;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.sql.SqlErrors;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.Filter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** Physical servers: registration, hardware changes and lifecycle with its history. */
@ApplicationScoped
public class ServerService {

  /** A client sees the servers its VMs, containers and hosted services run on. */
  static final String CLIENT_SERVERS =
      "id in (select v.host.id from VirtualMachine v where v.client.code = :tenant)"
          + " or id in (select s.id from HostedService h join h.servers s where h.client.code = :tenant)";

  private final Outbox outbox;
  private final DatacenterService datacenters;
  private final RackService racks;
  private final Reads reads;

  public ServerService(
      Outbox outbox, DatacenterService datacenters, RackService racks, Reads reads) {
    this.outbox = outbox;
    this.datacenters = datacenters;
    this.racks = racks;
    this.reads = reads;
  }

  /** Filters of the server list; any may be null. */
  public record ServerFilter(
      String datacenter,
      ServerRole role,
      ServerStatus status,
      String client,
      LocalDate warrantyBefore,
      String hostname) {}

  /** {@link #CLIENT_SERVERS} on the tables, for the SQL read path. */
  static final String CLIENT_SERVERS_SQL =
      "id in (select v.host_server_id from virtual_machine v join client c on c.id = v.client_id"
          + " where c.code = ?) or id in (select hs.server_id from hosted_service_server hs"
          + " join hosted_service h on h.id = hs.hosted_service_id join client c on c.id = h.client_id"
          + " where c.code = ?)";

  /** Servers by hostname, then id. */
  static final Keyset BY_HOSTNAME = Keyset.ascending("hostname", "text").then("id", "uuid");

  /** The same order through server_role, so either list's cursor pages the other. */
  static final Keyset ROLE_BY_HOSTNAME =
      Keyset.ascending("server_hostname", "text").then("server_id", "uuid");

  /** A page of servers, rendered by PostgreSQL ({@code server_document}). */
  public Uni<Listing<ServerSnapshot>> list(ServerFilter f, PageRequest page, Caller caller) {
    // with a role, the page is read in order from server_role (role, host name, id)
    SqlQuery query =
        (f.role() == null
                ? document(caller, "server_document").keyset(BY_HOSTNAME)
                : document(caller, "server_role join server_document on id = server_id")
                    .where("role = ?", f.role())
                    .keyset(ROLE_BY_HOSTNAME))
            .where("datacenter_code = ?", f.datacenter())
            .where("status = ?", f.status())
            .where("warranty_end < ?", f.warrantyBefore())
            .where(
                "hostname like ?",
                f.hostname() == null ? null : "%" + f.hostname().toLowerCase() + "%")
            .where(CLIENT_SERVERS_SQL, f.client());
    return reads.page(TenantScope.restrict(query, caller, CLIENT_SERVERS_SQL), page);
  }

  /** One server as the caller may see it (404 when it may not). */
  public Uni<ServerSnapshot> read(UUID id, Caller caller) {
    SqlQuery query = document(caller, "server_document").where("id = ?", id);
    return reads
        .one(TenantScope.restrict(query, caller, CLIENT_SERVERS_SQL), ServerSnapshot.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Server", id));
  }

  private static SqlQuery document(Caller caller, String from) {
    return SqlQuery.select(caller.isStaff() || caller.isAgent() ? "doc" : "client_doc", from);
  }

  @WithSession
  public Uni<Server> find(UUID id, Caller caller) {
    Filter filter =
        TenantScope.restrictWith(Filter.where().and("id = :id", "id", id), caller, CLIENT_SERVERS);
    return Server.<Server>find(filter.query(), filter.parameters())
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Server", id));
  }

  /** Clients read the servers they run on, without the hoster's management network. */
  public static ServerSnapshot view(Server server, Caller caller) {
    ServerSnapshot full = server.snapshot();
    if (caller.isStaff() || caller.isAgent()) {
      return full;
    }
    return new ServerSnapshot(
        full.id(),
        full.hostname(),
        full.datacenterId(),
        full.datacenterCode(),
        null,
        null,
        full.roles(),
        full.status(),
        full.hardware(),
        full.networkLinks(),
        null,
        full.publicIps(),
        List.of(),
        full.vendor(),
        full.model(),
        null,
        null,
        null,
        null,
        full.version());
  }

  @WithTransaction
  public Uni<Server> register(ServerRequest request, Caller caller) {
    caller.requireOperator();
    Server server = new Server();
    server.id = Uuids.timeOrdered();
    server.status = ServerStatus.PLANNED;
    return apply(server, request)
        .chain(s -> s.<Server>persist())
        .call(s -> history(s, null, ServerStatus.PLANNED, "Registered", caller))
        .call(() -> flush(request))
        .call(s -> outbox.record(new ServerRegistered(s.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Server> update(UUID id, String ifMatch, ServerRequest request, Caller caller) {
    caller.requireOperator();
    return find(id, caller)
        .invoke(s -> ETags.requireMatch(ifMatch, s.version))
        .chain(s -> apply(s, request))
        .call(() -> flush(request))
        .call(s -> outbox.record(new ServerUpdated(s.snapshot()), caller.name()));
  }

  @WithTransaction
  public Uni<Server> transition(
      UUID id, String ifMatch, LifecycleTransition request, Caller caller) {
    caller.requireOperator();
    return find(id, caller)
        .invoke(s -> ETags.requireMatch(ifMatch, s.version))
        .call(
            s -> {
              ServerStatus from = s.status;
              if (!ServerLifecycle.allows(from, request.to())) {
                throw ProblemException.conflict(
                    "A server cannot go from "
                        + from
                        + " to "
                        + request.to()
                        + "; allowed: "
                        + ServerLifecycle.next(from));
              }
              Uni<Void> guard =
                  request.to() == ServerStatus.DECOMMISSIONED
                      ? VirtualMachine.count("host.id", s.id)
                          .invoke(
                              guests -> {
                                if (guests > 0) {
                                  throw ProblemException.conflict(
                                      s.hostname
                                          + " still hosts "
                                          + guests
                                          + " VMs or containers; move or remove them first");
                                }
                              })
                          .replaceWithVoid()
                      : Uni.createFrom().voidItem();
              return guard
                  .invoke(() -> s.status = request.to())
                  .call(() -> history(s, from, request.to(), request.reason(), caller))
                  .call(Panache::flush)
                  .call(
                      () ->
                          outbox.record(
                              new ServerStatusChanged(
                                  s.id,
                                  s.hostname,
                                  from,
                                  request.to(),
                                  request.reason(),
                                  caller.name(),
                                  Instant.now(),
                                  s.version),
                              caller.name()));
            });
  }

  @WithSession
  public Uni<List<ServerStatusChange>> history(UUID id, Caller caller) {
    return find(id, caller)
        .chain(s -> ServerStatusChange.list("serverId = ?1 order by changedAt, id", s.id));
  }

  private Uni<Void> history(
      Server server, ServerStatus from, ServerStatus to, String reason, Caller caller) {
    ServerStatusChange change = new ServerStatusChange();
    change.id = Uuids.timeOrdered();
    change.serverId = server.id;
    change.from = from;
    change.to = to;
    change.reason = reason;
    change.changedBy = caller.name();
    change.changedAt = Instant.now();
    return change.persist().replaceWithVoid();
  }

  /** Writes the change; a host name another server has is a conflict naming it. */
  private static Uni<Void> flush(ServerRequest request) {
    return Panache.flush()
        .onFailure(SqlErrors::isUniqueViolation)
        .transform(
            e ->
                ProblemException.conflict(
                    "A server named " + request.hostname() + " already exists"));
  }

  private Uni<Server> apply(Server server, ServerRequest request) {
    checkDates(request);
    if (request.rackPosition() != null && request.rackId() == null) {
      throw ProblemException.invalidField("rackPosition", "needs a rackId");
    }
    // a clashing host name is refused by the unique constraint at flush: see hostnameTaken
    return Uni.createFrom()
        .voidItem()
        .chain(
            () ->
                datacenters
                    .find(request.datacenterId())
                    .onFailure(ProblemException.class)
                    .transform(
                        e ->
                            ProblemException.invalidField(
                                "datacenterId", "no datacenter " + request.datacenterId())))
        .chain(
            dc ->
                placement(server, request)
                    .invoke(
                        rack -> {
                          if (rack != null && !rack.datacenter.id.equals(dc.id)) {
                            throw ProblemException.invalidField(
                                "rackId", "rack " + rack.name + " is not in " + dc.code);
                          }
                          server.datacenter = dc;
                          server.rack = rack;
                        }))
        .map(
            rack -> {
              server.hostname = request.hostname();
              server.rackPosition = request.rackPosition();
              server.heightUnits = request.heightUnits() == null ? 1 : request.heightUnits();
              server.roles = new TreeSet<>(request.roles());
              server.hardware = request.hardware();
              server.networkLinks = copy(request.networkLinks());
              server.managementIp = request.managementIp();
              server.publicIps = copy(request.publicIps());
              server.privateIps = copy(request.privateIps());
              server.vendor = request.vendor();
              server.model = request.model();
              server.serialNumber = request.serialNumber();
              server.purchaseDate = request.purchaseDate();
              server.warrantyEnd = request.warrantyEnd();
              server.endOfLife = request.endOfLife();
              return server;
            });
  }

  /** The rack, checked: the server fits in it and no other server occupies its units. */
  private Uni<Rack> placement(Server server, ServerRequest request) {
    if (request.rackId() == null) {
      return Uni.createFrom().nullItem();
    }
    int height = request.heightUnits() == null ? 1 : request.heightUnits();
    return racks
        .find(request.rackId())
        .onFailure(ProblemException.class)
        .transform(e -> ProblemException.invalidField("rackId", "no rack " + request.rackId()))
        .call(
            rack -> {
              if (request.rackPosition() == null) {
                return Uni.createFrom().voidItem();
              }
              int top = request.rackPosition() + height - 1;
              if (top > rack.units) {
                throw ProblemException.invalidField(
                    "rackPosition",
                    "a "
                        + height
                        + "U server at U"
                        + request.rackPosition()
                        + " overflows the "
                        + rack.units
                        + "U rack");
              }
              return Server.<Server>find(
                      "rack.id = ?1 and id <> ?2 and rackPosition <= ?3 and rackPosition + heightUnits - 1 >= ?4 and status <> ?5",
                      rack.id,
                      server.id,
                      top,
                      request.rackPosition(),
                      ServerStatus.DECOMMISSIONED)
                  .firstResult()
                  .invoke(
                      other -> {
                        if (other != null) {
                          throw ProblemException.conflict(
                              "Units U"
                                  + request.rackPosition()
                                  + "-U"
                                  + top
                                  + " of rack "
                                  + rack.name
                                  + " are taken by "
                                  + other.hostname);
                        }
                      })
                  .replaceWithVoid();
            });
  }

  private static void checkDates(ServerRequest request) {
    if (request.purchaseDate() != null
        && request.warrantyEnd() != null
        && request.warrantyEnd().isBefore(request.purchaseDate())) {
      throw ProblemException.invalidField("warrantyEnd", "cannot be before purchaseDate");
    }
    if (request.purchaseDate() != null
        && request.endOfLife() != null
        && request.endOfLife().isBefore(request.purchaseDate())) {
      throw ProblemException.invalidField("endOfLife", "cannot be before purchaseDate");
    }
    var cpu = request.hardware().cpu();
    if (cpu.threads() < cpu.cores()) {
      throw ProblemException.invalidField("hardware.cpu.threads", "cannot be fewer than cores");
    }
  }

  private static <T> List<T> copy(List<T> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(values);
  }
}
