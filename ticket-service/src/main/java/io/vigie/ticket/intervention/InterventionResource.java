package io.vigie.ticket.intervention;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.ticket.intervention.InterventionViews.CancelRequest;
import io.vigie.ticket.intervention.InterventionViews.ConsentRequest;
import io.vigie.ticket.intervention.InterventionViews.InterventionChange;
import io.vigie.ticket.intervention.InterventionViews.InterventionEntryView;
import io.vigie.ticket.intervention.InterventionViews.InterventionView;
import io.vigie.ticket.intervention.InterventionViews.ProposeIntervention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Planned interventions: staff propose, move, start, end and cancel them; each client concerned
 * reads its part and answers for itself.
 */
@Path("/api/v1/interventions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Interventions",
    description = "Planned interventions with each affected client's consent")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class InterventionResource {

  static final String PATH = "/api/v1/interventions";

  private final InterventionService interventions;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public InterventionResource(
      InterventionService interventions, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.interventions = interventions;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @Operation(
      operationId = "proposeIntervention",
      summary =
          "Propose an intervention (staff): its window, servers, VMs and hosted services, and the"
              + " text for the clients; one consent is asked of each affected client. Honours"
              + " Idempotency-Key")
  public Uni<RestResponse<InterventionView>> propose(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull ProposeIntervention request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + PATH,
        request,
        () ->
            interventions
                .propose(request, caller.get())
                .map(v -> new Created<>(URI.create(PATH + "/" + v.id()), v, v.version())));
  }

  @GET
  @Operation(
      operationId = "listInterventions",
      summary =
          "List interventions, latest window first; ?status= and ?tenant= (staff) narrow it. A"
              + " client lists those that concern it")
  public Uni<Listing<InterventionView>> list(
      @QueryParam("status") InterventionStatus status,
      @QueryParam("tenant") @Size(max = 100) String tenant,
      @Valid @BeanParam PageRequest page) {
    return interventions.list(status, tenant, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getIntervention",
      summary = "Read an intervention (ETag = version); a client sees only its consent and parts")
  public Uni<RestResponse<InterventionView>> get(@PathParam("id") UUID id) {
    return interventions.find(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "changeIntervention",
      summary =
          "Change a proposed intervention (staff): title, text or window; a new window asks every"
              + " client again. If-Match required")
  public Uni<RestResponse<InterventionView>> change(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull InterventionChange change) {
    return interventions
        .change(id, ifMatch, change, caller.get())
        .map(v -> ETags.ok(v, v.version()));
  }

  @POST
  @Path("/{id}/consent")
  @Operation(
      operationId = "answerIntervention",
      summary =
          "The calling client's answer: ACCEPTED, DECLINED with a reason, or OTHER_SLOT_PROPOSED"
              + " with a slot. Once every client accepted, the intervention is scheduled")
  public Uni<InterventionView> answer(
      @PathParam("id") UUID id, @Valid @NotNull ConsentRequest answer) {
    return interventions.answer(id, answer, caller.get());
  }

  @POST
  @Path("/{id}/start")
  @Operation(
      operationId = "startIntervention",
      summary = "Start a scheduled intervention (staff), once its window has opened")
  public Uni<InterventionView> start(@PathParam("id") UUID id) {
    return interventions.start(id, caller.get());
  }

  @POST
  @Path("/{id}/end")
  @Operation(
      operationId = "endIntervention",
      summary = "End a started intervention (staff); ended early, monitoring's window ends too")
  public Uni<InterventionView> end(@PathParam("id") UUID id) {
    return interventions.end(id, caller.get());
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(
      operationId = "cancelIntervention",
      summary = "Cancel a proposed or scheduled intervention (staff), with an optional reason")
  public Uni<InterventionView> cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
    return interventions.cancel(id, request, caller.get());
  }

  @GET
  @Path("/{id}/timeline")
  @Operation(
      operationId = "getInterventionTimeline",
      summary =
          "The intervention's history, oldest first; a client reads the shared entries and its own"
              + " answers")
  public Uni<Listing<InterventionEntryView>> timeline(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return interventions.timeline(id, page, caller.get());
  }
}
