package io.vigie.monitoring.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Filter;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
import io.vigie.monitoring.TargetServer;
import io.vigie.monitoring.Topology;
import io.vigie.monitoring.TopologyLoader;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monitored servers and what each one affects, as monitoring knows them from the inventory. */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "Monitored servers and their topology, from the inventory")
public class TargetResource {

  private final CurrentCaller caller;

  public TargetResource(CurrentCaller caller) {
    this.caller = caller;
  }

  @GET
  @WithSession
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listTargets",
      summary = "Servers monitoring knows; ?monitored=true for those it watches now")
  public Uni<Page<Topology.TargetView>> list(
      @QueryParam("datacenter") @Size(max = 40) String datacenter,
      @QueryParam("monitored") Boolean monitored,
      @Valid @BeanParam PageRequest page) {
    Filter filter =
        Filter.where()
            .and("datacenterCode = :dc", "dc", datacenter)
            .and(
                Boolean.FALSE.equals(monitored) ? "status not in :watched" : "status in :watched",
                "watched",
                monitored == null ? null : List.of(ServerStatus.ACTIVE, ServerStatus.MAINTENANCE));
    return Page.of(
        TargetServer.find(filter.query() + " order by hostname", filter.parameters()),
        page,
        s -> Topology.TargetView.of((TargetServer) s));
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
