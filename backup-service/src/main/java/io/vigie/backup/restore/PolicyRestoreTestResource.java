package io.vigie.backup.restore;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A policy's restore tests: their results, newest first, and their schedule. */
@Path("/api/v1/policies/{id}/restore-tests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Restore tests", description = "Restores tested on schedule, kept as evidence")
public class PolicyRestoreTestResource {

  private final RestoreTestService tests;
  private final CurrentCaller caller;

  public PolicyRestoreTestResource(RestoreTestService tests, CurrentCaller caller) {
    this.tests = tests;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "listRestoreTests", summary = "A policy's restore tests, newest first")
  public Uni<Listing<RestoreTestView>> list(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return tests.list(id, page, caller.get());
  }

  @GET
  @Path("/schedule")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getRestoreTestSchedule",
      summary =
          "When the policy's restore tests are due (its own cron or the default), the next due"
              + " time, whether it is overdue, the last test tried and the last that succeeded")
  public Uni<RestResponse<RestoreScheduleView>> schedule(@PathParam("id") UUID id) {
    return tests.schedule(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/schedule")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replaceRestoreTestSchedule",
      summary =
          "Set the policy's restore test schedule (cron in the policy's time zone); If-Match with"
              + " the ETag read is required (0 while the policy follows the default)")
  public Uni<RestResponse<RestoreScheduleView>> replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull RestoreScheduleRequest request) {
    return tests.setSchedule(id, ifMatch, request, caller.get()).map(v -> ETags.ok(v, v.version()));
  }
}
