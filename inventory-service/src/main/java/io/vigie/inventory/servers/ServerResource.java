package io.vigie.inventory.servers;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Servers", description = "Physical servers, their hardware and lifecycle")
public class ServerResource {

  private final ServerService servers;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public ServerResource(ServerService servers, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.servers = servers;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  /** One step of a server's lifecycle history. */
  public record StatusChangeView(
      ServerStatus from, ServerStatus to, String reason, String changedBy, Instant changedAt) {
    static StatusChangeView of(ServerStatusChange c) {
      return new StatusChangeView(c.from, c.to, c.reason, c.changedBy, c.changedAt);
    }
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listServers",
      summary = "List servers; filters combine; a client sees the servers it runs on")
  public Uni<Listing<ServerSnapshot>> list(
      @QueryParam("datacenter") @Size(max = 40) String datacenter,
      @QueryParam("role") ServerRole role,
      @QueryParam("status") ServerStatus status,
      @QueryParam("client") @Size(max = 40) String client,
      @QueryParam("warrantyBefore") LocalDate warrantyBefore,
      @QueryParam("hostname") @Size(max = 253) String hostname,
      @Valid @BeanParam PageRequest page) {
    return servers.list(
        new ServerService.ServerFilter(datacenter, role, status, client, warrantyBefore, hostname),
        page,
        caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getServer", summary = "Read a server (ETag = version)")
  public Uni<RestResponse<ServerSnapshot>> get(@PathParam("id") UUID id) {
    return servers.read(id, caller.get()).map(s -> ETags.ok(s, s.version()));
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getServerHistory",
      summary = "Lifecycle history of a server, oldest first")
  public Uni<List<StatusChangeView>> history(@PathParam("id") UUID id) {
    return servers
        .history(id, caller.get())
        .map(changes -> changes.stream().map(StatusChangeView::of).toList());
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "registerServer",
      summary = "Register a server (status PLANNED); honours Idempotency-Key")
  public Uni<RestResponse<ServerSnapshot>> register(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ServerRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/servers",
        request,
        () ->
            servers
                .register(request, caller.get())
                .map(
                    s ->
                        new Created<>(
                            URI.create("/api/v1/servers/" + s.id), s.snapshot(), s.version)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "updateServer",
      summary = "Replace a server's description (If-Match required)")
  public Uni<RestResponse<ServerSnapshot>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ServerRequest request) {
    return servers.update(id, ifMatch, request, caller.get()).map(this::ok);
  }

  @POST
  @Path("/{id}/lifecycle")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "changeServerLifecycle",
      summary =
          "Move a server in its lifecycle: PLANNED → ACTIVE ⇄ MAINTENANCE → DECOMMISSIONED (If-Match required)")
  public Uni<RestResponse<ServerSnapshot>> transition(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull LifecycleTransition request) {
    return servers.transition(id, ifMatch, request, caller.get()).map(this::ok);
  }

  private RestResponse<ServerSnapshot> ok(Server server) {
    return ETags.ok(ServerService.view(server, caller.get()), server.version);
  }
}
