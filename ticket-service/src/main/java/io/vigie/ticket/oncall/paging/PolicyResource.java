package io.vigie.ticket.oncall.paging;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.oncall.paging.PolicyService.PolicyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Escalation policies. Staff only: a client token answers 403 on every path. */
@Path("/api/v1/on-call/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation policies", description = "Ordered steps with delays, per client/priority")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class PolicyResource {

  private final PolicyService policies;
  private final CurrentCaller caller;

  public PolicyResource(PolicyService policies, CurrentCaller caller) {
    this.policies = policies;
    this.caller = caller;
  }

  @GET
  @Operation(operationId = "listEscalationPolicies", summary = "Every escalation policy, by name")
  public Uni<RestResponse<List<PolicyView>>> list() {
    return policies.list().map(RestResponse::ok);
  }

  @POST
  @Operation(
      operationId = "createEscalationPolicy",
      summary = "Create a policy for a client, a priority, both, or neither (the default); admin")
  public Uni<RestResponse<PolicyView>> create(@NotNull PolicySheet sheet) {
    return policies.create(sheet, caller.get()).map(c -> c.response());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getEscalationPolicy", summary = "A policy (ETag = version)")
  public Uni<RestResponse<PolicyView>> get(@PathParam("id") UUID id) {
    return policies.get(id).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{id}")
  @Operation(
      operationId = "replaceEscalationPolicy",
      summary = "Replace a policy (admin; If-Match)")
  public Uni<RestResponse<PolicyView>> replace(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull PolicySheet sheet) {
    return policies.replace(id, ifMatch, sheet, caller.get()).map(v -> ETags.ok(v, v.version()));
  }
}
