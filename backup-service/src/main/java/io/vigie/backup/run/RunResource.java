package io.vigie.backup.run;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.schedule.RunState;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A policy's backup runs, as the tools reported them. */
@Path("/api/v1/policies/{id}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Backup runs as the tools reported them")
public class RunResource {

  private final RunService runs;
  private final CurrentCaller caller;

  public RunResource(RunService runs, CurrentCaller caller) {
    this.runs = runs;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listRuns",
      summary = "A policy's runs, newest first; ?state= narrows it")
  public Uni<Listing<RunView>> list(
      @PathParam("id") UUID id,
      @QueryParam("state") RunState state,
      @Valid @BeanParam PageRequest page) {
    return runs.list(id, state, page, caller.get());
  }
}
