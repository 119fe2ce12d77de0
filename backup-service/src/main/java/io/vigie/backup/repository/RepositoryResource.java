package io.vigie.backup.repository;

import io.smallrye.mutiny.Uni;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Where backups land: restic and borg repositories and the datacenter each sits in. */
@Path("/api/v1/repositories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Repositories", description = "restic and borg repositories and their datacenters")
public class RepositoryResource {

  static final String ROUTE = "/api/v1/repositories";

  private final RepositoryService repositories;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public RepositoryResource(
      RepositoryService repositories, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.repositories = repositories;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "createRepository",
      summary =
          "Register a repository (engineers, experts, admins); the password reference is kept,"
              + " never returned; honours Idempotency-Key")
  public Uni<RestResponse<RepositoryView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull RepositoryRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + ROUTE,
        request,
        () ->
            repositories
                .create(request, caller.get())
                .map(v -> new Created<>(URI.create(ROUTE + "/" + v.id()), v, v.version())));
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listRepositories",
      summary =
          "List repositories by name; ?tenant=, ?datacenter=, ?kind= narrow it; a client sees its own")
  public Uni<Listing<RepositoryView>> list(
      @QueryParam("tenant") @Size(max = 63) String tenant,
      @QueryParam("datacenter") @Size(max = 40) String datacenter,
      @QueryParam("kind") RepositoryKind kind,
      @Valid @BeanParam PageRequest page) {
    return repositories.list(
        new RepositoryService.RepositoryFilter(tenant, datacenter, kind), page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getRepository",
      summary = "Read a repository (a client: its own repositories only)")
  public Uni<RestResponse<RepositoryView>> get(@PathParam("id") UUID id) {
    return repositories.read(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replaceRepository",
      summary = "Replace a repository; If-Match with the ETag read is required")
  public Uni<RestResponse<RepositoryView>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull RepositoryRequest request) {
    return repositories
        .update(id, ifMatch, request, caller.get())
        .map(v -> ETags.ok(v, v.version()));
  }
}
