package io.vigie.backup.policy;

import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.BackupKind;
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

/** Backup policies: what each client target must have backed up, where, how often, how long. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Backup policies",
    description =
        "Schedules, retention, copies and RPO per client target, checked against the contract")
public class PolicyResource {

  static final String ROUTE = "/api/v1/policies";

  private final PolicyService policies;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public PolicyResource(PolicyService policies, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.policies = policies;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "createPolicy",
      summary =
          "Create a policy (engineers, experts, admins); what is left out comes from the client's"
              + " contract; copies that break the contract are refused naming the field; honours"
              + " Idempotency-Key")
  public Uni<RestResponse<PolicyView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull PolicyRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + ROUTE,
        request,
        () ->
            policies
                .create(request, caller.get())
                .map(v -> new Created<>(URI.create(ROUTE + "/" + v.id()), v, v.version())));
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listPolicies",
      summary =
          "List policies by client and name; ?tenant=, ?targetId=, ?kind=, ?repositoryId=, ?name= narrow it; a client sees its own")
  public Uni<Listing<PolicyView>> list(
      @QueryParam("tenant") @Size(max = 63) String tenant,
      @QueryParam("targetId") UUID targetId,
      @QueryParam("kind") BackupKind kind,
      @QueryParam("repositoryId") UUID repositoryId,
      @QueryParam("name") @Size(max = 100) String name,
      @Valid @BeanParam PageRequest page) {
    return policies.list(
        new PolicyService.PolicyFilter(tenant, targetId, kind, repositoryId, name),
        page,
        caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getPolicy",
      summary = "Read a policy with its copies and their ping paths")
  public Uni<RestResponse<PolicyView>> get(@PathParam("id") UUID id) {
    return policies.read(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replacePolicy",
      summary =
          "Replace a policy; If-Match with the ETag read is required; a copy that keeps its"
              + " repository keeps its ping URL")
  public Uni<RestResponse<PolicyView>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PolicyRequest request) {
    return policies.update(id, ifMatch, request, caller.get()).map(v -> ETags.ok(v, v.version()));
  }
}
