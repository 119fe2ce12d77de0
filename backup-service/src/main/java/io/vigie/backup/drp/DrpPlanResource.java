package io.vigie.backup.drp;

import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.DrpDirection;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** DRP plans per client: production, the recovery server in another datacenter, the steps. */
@Path("/api/v1/drp-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "DRP plans",
    description =
        "Disaster-recovery plans per client: production targets, the recovery server, ordered"
            + " steps, their history")
public class DrpPlanResource {

  static final String ROUTE = "/api/v1/drp-plans";

  private final DrpPlanService plans;
  private final DrpRunService runs;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public DrpPlanResource(
      DrpPlanService plans, DrpRunService runs, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.plans = plans;
    this.runs = runs;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "createDrpPlan",
      summary =
          "Create a DRP plan (engineers, experts, admins); the recovery server must be in another"
              + " datacenter than production; a DNS switch defaults to the servers' public"
              + " addresses; honours Idempotency-Key")
  public Uni<RestResponse<DrpPlanView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull DrpPlanRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + ROUTE,
        request,
        () ->
            plans
                .create(request, caller.get())
                .map(v -> new Created<>(URI.create(ROUTE + "/" + v.id()), v, v.version())));
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listDrpPlans",
      summary =
          "List DRP plans by client and name; ?tenant=, ?name= narrow it; a client sees its own")
  public Uni<Listing<DrpPlanView>> list(
      @QueryParam("tenant") @Size(max = 63) String tenant,
      @QueryParam("name") @Size(max = 100) String name,
      @Valid @BeanParam PageRequest page) {
    return plans.list(tenant, name, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getDrpPlan", summary = "Read a DRP plan with its steps")
  public Uni<RestResponse<DrpPlanView>> get(@PathParam("id") UUID id) {
    return plans.read(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replaceDrpPlan",
      summary =
          "Replace a DRP plan; If-Match with the ETag read is required; a run in progress keeps"
              + " the steps it started with")
  public Uni<RestResponse<DrpPlanView>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull DrpPlanRequest request) {
    return plans.update(id, ifMatch, request, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "deleteDrpPlan",
      summary =
          "Delete a DRP plan with no run in progress (If-Match required); its runs and history"
              + " stay")
  public Uni<RestResponse<Void>> delete(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return plans.delete(id, ifMatch, caller.get()).replaceWith(RestResponse.noContent());
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listDrpPlanHistory",
      summary = "Every version of a DRP plan, newest first, with who changed it and when")
  public Uni<Listing<PlanRevisionView>> history(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return plans.history(id, page, caller.get());
  }

  /** A decision to activate a plan. */
  public record Activation(
      @NotNull DrpDirection direction, @NotBlank @Size(max = 2000) String reason) {}

  @POST
  @Path("/{id}/runs")
  @RolesAllowed({Roles.CLIENT_ADMIN, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "activateDrpPlan",
      summary =
          "Activate a DRP plan: FAILOVER onto the recovery server or RETURN_TO_PRODUCTION (the"
              + " client's administrators, engineers, experts, admins — not the client's other"
              + " users, who get 403); 409 while a run is in progress; honours Idempotency-Key")
  public Uni<RestResponse<RunSheet>> activate(
      @PathParam("id") UUID planId,
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull Activation request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/drp-plans/" + planId + "/runs",
        request,
        () ->
            runs.activate(
                    planId,
                    new DrpRunService.ActivationRequest(request.direction(), request.reason()),
                    caller.get())
                .map(v -> new Created<>(URI.create("/api/v1/drp-runs/" + v.id()), v, 1)));
  }

  @GET
  @Path("/{id}/runs")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listDrpRuns",
      summary = "The runs of a DRP plan, newest first (also after the plan was deleted)")
  public Uni<Listing<RunSheet>> list(
      @PathParam("id") UUID planId, @Valid @BeanParam PageRequest page) {
    return runs.list(planId, page, caller.get());
  }
}
