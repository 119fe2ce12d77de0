package io.vigie.monitoring.targets;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monitored servers and what each one affects, as monitoring knows them from the inventory. */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "Monitored servers and their topology, from the inventory")
public class TargetResource {

  /** The statuses {@link io.vigie.monitoring.targets.Surveillance} watches. */
  static final String WATCHED = "status in ('ACTIVE', 'MAINTENANCE')";

  /** Servers by hostname, then id. */
  static final Keyset BY_HOSTNAME = Keyset.ascending("hostname", "text").then("id", "uuid");

  private final CurrentCaller caller;
  private final Reads reads;

  public TargetResource(CurrentCaller caller, Reads reads) {
    this.caller = caller;
    this.reads = reads;
  }

  @GET
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listTargets",
      summary = "Servers monitoring knows; ?monitored=true for those it watches now")
  public Uni<Listing<Topology.TargetView>> list(
      @QueryParam("datacenter") @Size(max = 40) String datacenter,
      @QueryParam("monitored") Boolean monitored,
      @Valid @BeanParam PageRequest page) {
    SqlQuery query =
        SqlQuery.select("doc", "target_document")
            .where("datacenter_code = ?", datacenter)
            .keyset(BY_HOSTNAME);
    if (monitored != null) {
      query.where(monitored ? WATCHED : "not (" + WATCHED + ")");
    }
    return reads.page(query, page);
  }

  @GET
  @Path("/{serverId}")
  @WithSession
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getTargetTopology",
      summary = "A server and what it affects: guests, hosted services, tenants")
  public Uni<Topology> topology(@PathParam("serverId") UUID serverId) {
    Caller who = caller.get();
    String visibleTenant = who.isStaff() ? null : who.tenant();
    return TargetServer.<TargetServer>findById(serverId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Target", serverId))
        .chain(server -> TopologyLoader.load(server, visibleTenant))
        .invoke(
            topology -> {
              if (visibleTenant != null && topology.tenants().isEmpty()) {
                throw ProblemException.notFound("Target", serverId);
              }
            });
  }
}
