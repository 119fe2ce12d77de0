package io.vigie.backup.retention;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** What the policy's retention keeps and forgets of a repository's snapshots. */
@Path("/api/v1/policies/{id}/retention-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Backup policies",
    description =
        "Schedules, retention, copies and RPO per client target, checked against the contract")
public class RetentionPlanResource {

  private final RetentionPlanService plans;
  private final CurrentCaller caller;

  public RetentionPlanResource(RetentionPlanService plans, CurrentCaller caller) {
    this.plans = plans;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getRetentionPlan",
      summary =
          "Which of the policy's snapshots in a repository (?repositoryId=, one of its copies) its"
              + " keep rules keep and which they remove, and the rules that kept each: the answer"
              + " of restic forget --dry-run")
  public Uni<RestResponse<RetentionPlanView>> get(
      @PathParam("id") UUID id, @QueryParam("repositoryId") String repositoryId) {
    return plans.plan(id, repositoryId, caller.get()).map(RestResponse::ok);
  }
}
