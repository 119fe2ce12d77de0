package io.vigie.ticket.priority;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.priority.PriorityPolicyService.PolicyChange;
import io.vigie.ticket.priority.PriorityPolicyService.PolicyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The priority matrix and the GTI escalation shares: staff read them, an admin changes them; the
 * change applies to new tickets, to priorities recalculated from then on and to the clock watch.
 */
@Path("/api/v1/priority-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Priority policy",
    description = "Impact x urgency matrix and escalation thresholds per priority")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class PriorityPolicyResource {

  private final PriorityPolicyService policies;
  private final CurrentCaller caller;

  public PriorityPolicyResource(PriorityPolicyService policies, CurrentCaller caller) {
    this.policies = policies;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getPriorityPolicy",
      summary = "The priority matrix and the GTI escalation shares (ETag = version)")
  public Uni<RestResponse<PolicyView>> get() {
    return policies.read().map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "changePriorityPolicy",
      summary =
          "Replace the matrix and escalation shares (admin); If-Match required; applies to new"
              + " tickets and later priority recalculations")
  public Uni<RestResponse<PolicyView>> change(
      @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PolicyChange change) {
    return policies.change(ifMatch, change, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @GET
  @Path("/history")
  @Operation(
      operationId = "listPriorityPolicyHistory",
      summary = "Every accepted version of the policy, newest first, with who changed it and why")
  public Uni<Listing<PolicyView>> history(@Valid @BeanParam PageRequest page) {
    return policies.history(page);
  }
}
