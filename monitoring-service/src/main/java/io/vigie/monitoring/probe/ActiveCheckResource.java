package io.vigie.monitoring.probe;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
      summary =
          "List active checks; ?serverId=, ?hostedServiceId=, ?kind= narrow it; a client sees those"
              + " that concern it")
  public Uni<Listing<ActiveCheckView>> list(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("hostedServiceId") UUID hostedServiceId,
      @QueryParam("kind") CheckKind kind,
      @Valid @BeanParam PageRequest page) {
    return checks.list(serverId, hostedServiceId, kind, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Read an active check (ETag = its version)")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return checks
        .read(id, caller.get())
        .map(c -> Response.ok(c).tag(ETags.of(c.version())).build());
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Declare an active check; honours Idempotency-Key")
  public Uni<Response> create(
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
  @Operation(summary = "Replace an active check (If-Match required)")
  public Uni<Response> update(
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
  @Operation(summary = "Remove an active check (If-Match required)")
  public Uni<Response> remove(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return checks
        .remove(id, ifMatch, caller.get())
        .invoke(() -> changed.fire(new ActiveCheckService.Changed(id)))
        .replaceWith(Response.noContent().build());
  }

  private static Response ok(ActiveCheck c) {
    return Response.ok(ActiveCheckView.of(c)).tag(ETags.of(c.version)).build();
  }
}
