package io.vigie.ticket.oncall.schedule;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.oncall.schedule.ScheduleService.OnCallNow;
import io.vigie.ticket.oncall.schedule.ScheduleService.OverrideRequest;
import io.vigie.ticket.oncall.schedule.ScheduleService.OverrideView;
import io.vigie.ticket.oncall.schedule.ScheduleService.ScheduleView;
import io.vigie.ticket.oncall.schedule.ScheduleService.ShiftList;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * On-call schedules: layers of rotations, overrides, who is on call now and next, shifts. Staff
 * only: a client token answers 403 on every path.
 */
@Path("/api/v1/on-call/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "On-call schedules", description = "Rotations, layers, overrides, who is on call")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class ScheduleResource {

  private final ScheduleService schedules;
  private final CurrentCaller caller;

  public ScheduleResource(ScheduleService schedules, CurrentCaller caller) {
    this.schedules = schedules;
    this.caller = caller;
  }

  @GET
  @Operation(operationId = "listOnCallSchedules", summary = "The schedules, by name")
  public Uni<Listing<ScheduleView>> list(@Valid @BeanParam PageRequest page) {
    return schedules.list(page);
  }

  @POST
  @Operation(operationId = "createOnCallSchedule", summary = "Create a schedule (admin)")
  public Uni<RestResponse<ScheduleView>> create(@NotNull ScheduleSheet sheet) {
    return schedules.create(sheet, caller.get()).map(c -> c.response());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getOnCallSchedule", summary = "A schedule (ETag = version)")
  public Uni<RestResponse<ScheduleView>> get(@PathParam("id") UUID id) {
    return schedules.get(id).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{id}")
  @Operation(
      operationId = "replaceOnCallSchedule",
      summary = "Replace a schedule's name, time zone and layers (admin; If-Match)")
  public Uni<RestResponse<ScheduleView>> replace(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull ScheduleSheet sheet) {
    return schedules.replace(id, ifMatch, sheet, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @GET
  @Path("/{id}/on-call")
  @Operation(
      operationId = "getOnCallNow",
      summary = "Who is on call at an instant (default now) and who comes next")
  public Uni<RestResponse<OnCallNow>> onCall(
      @PathParam("id") UUID id, @QueryParam("at") Instant at) {
    return schedules.onCall(id, at).map(RestResponse::ok);
  }

  @GET
  @Path("/{id}/shifts")
  @Operation(
      operationId = "listOnCallShifts",
      summary = "Who is on call between two instants (default: the next 14 days; 92 at most)")
  public Uni<RestResponse<ShiftList>> shifts(
      @PathParam("id") UUID id, @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
    return schedules.shifts(id, from, to).map(RestResponse::ok);
  }

  @GET
  @Path("/{id}/overrides")
  @Operation(
      operationId = "listOnCallOverrides",
      summary = "The schedule's current and coming overrides, by start")
  public Uni<RestResponse<List<OverrideView>>> overrides(@PathParam("id") UUID id) {
    return schedules.overrides(id).map(RestResponse::ok);
  }

  @POST
  @Path("/{id}/overrides")
  @Operation(
      operationId = "addOnCallOverride",
      summary = "A person covers another (or whoever is on call) for a period")
  public Uni<RestResponse<OverrideView>> addOverride(
      @PathParam("id") UUID id, @NotNull OverrideRequest request) {
    return schedules.addOverride(id, request, caller.get()).map(c -> c.response());
  }

  @DELETE
  @Path("/{id}/overrides/{overrideId}")
  @Operation(
      operationId = "removeOnCallOverride",
      summary = "Remove an override (its author or an admin)")
  public Uni<RestResponse<Void>> removeOverride(
      @PathParam("id") UUID id, @PathParam("overrideId") UUID overrideId) {
    return schedules
        .removeOverride(id, overrideId, caller.get())
        .map(v -> RestResponse.noContent());
  }
}
