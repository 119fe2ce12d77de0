package io.vigie.monitoring.probe;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Active checks the service runs itself: HTTP URLs, TCP ports, DNS names. */
@Path("/api/v1/active-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Active checks",
    description = "URL, TCP and DNS checks the monitoring service runs itself")
public class ActiveCheckResource {

  private final ActiveCheckService checks;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;
  private final Event<ActiveCheckService.Changed> changed;

  public ActiveCheckResource(
      ActiveCheckService checks,
      IdempotencyKeys idempotency,
      CurrentCaller caller,
      Event<ActiveCheckService.Changed> changed) {
    this.checks = checks;
    this.idempotency = idempotency;
    this.caller = caller;
    this.changed = changed;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listActiveChecks",
      summary =
          "List active checks; ?serverId=, ?hostedServiceId=, ?kind= narrow it; a client sees those"
              + " that concern it")
  public Uni<Page<ActiveCheckView>> list(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("hostedServiceId") UUID hostedServiceId,
      @QueryParam("kind") CheckKind kind,
      @Valid @BeanParam PageRequest page) {
    return checks.list(serverId, hostedServiceId, kind, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getActiveCheck", summary = "Read an active check (ETag = its version)")
  public Uni<RestResponse<ActiveCheckView>> get(@PathParam("id") UUID id) {
    return checks.find(id, caller.get()).map(ActiveCheckResource::ok);
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "declareActiveCheck",
      summary = "Declare an active check; honours Idempotency-Key")
  public Uni<RestResponse<ActiveCheckView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ActiveCheckRequest request) {
    return idempotency
        .create(
            key,
            caller.get(),
            "POST /api/v1/active-checks",
            request,
            () ->
                checks
                    .create(request, caller.get())
                    .map(
                        c ->
                            new Created<>(
                                URI.create("/api/v1/active-checks/" + c.id),
                                ActiveCheckView.of(c),
                                c.version)))
        .invoke(() -> changed.fire(new ActiveCheckService.Changed(null)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replaceActiveCheck",
      summary = "Replace an active check (If-Match required)")
  public Uni<RestResponse<ActiveCheckView>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ActiveCheckRequest request) {
    return checks
        .update(id, ifMatch, request, caller.get())
        .invoke(c -> changed.fire(new ActiveCheckService.Changed(c.id)))
        .map(ActiveCheckResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "removeActiveCheck",
      summary = "Remove an active check (If-Match required)")
  public Uni<RestResponse<Void>> remove(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return checks
        .remove(id, ifMatch, caller.get())
        .invoke(() -> changed.fire(new ActiveCheckService.Changed(id)))
        .replaceWith(RestResponse.noContent());
  }

  private static RestResponse<ActiveCheckView> ok(ActiveCheck c) {
    return ETags.ok(ActiveCheckView.of(c), c.version);
  }
}
