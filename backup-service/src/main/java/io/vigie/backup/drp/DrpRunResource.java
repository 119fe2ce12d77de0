package io.vigie.backup.drp;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** DRP runs: activation, step reports, retry and abort; each run's sheet with its timestamps. */
@Path("/api/v1/drp-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "DRP runs",
    description =
        "Failover and return to production as a run sheet: each step started and completed with"
            + " its timestamps, DNS switches completed by dns-service")
public class DrpRunResource {

  private final DrpRunService runs;
  private final CurrentCaller caller;

  public DrpRunResource(DrpRunService runs, CurrentCaller caller) {
    this.runs = runs;
    this.caller = caller;
  }

  /** What the person or agent carrying out a step says about it. */
  public record StepReport(@Size(max = 4000) String note) {}

  /** Why a run is stopped for good. */
  public record Abort(@NotBlank @Size(max = 2000) String reason) {}

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getDrpRun", summary = "Read a DRP run's sheet")
  public Uni<RunSheet> get(@PathParam("id") UUID id) {
    return runs.read(id, caller.get());
  }

  @POST
  @Path("/{id}/steps/{position}/complete")
  @RolesAllowed({Roles.CLIENT_ADMIN, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN, Roles.AGENT})
  @Operation(
      operationId = "completeDrpStep",
      summary =
          "Report the running step done (not a DNS switch: dns-service completes those); the"
              + " next step starts; 409 when it is not the running step")
  public Uni<RunSheet> complete(
      @PathParam("id") UUID id,
      @PathParam("position") @Min(1) @Max(50) int position,
      @Valid StepReport report) {
    return runs.complete(id, position, report == null ? null : report.note(), caller.get());
  }

  @POST
  @Path("/{id}/steps/{position}/fail")
  @RolesAllowed({Roles.CLIENT_ADMIN, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN, Roles.AGENT})
  @Operation(
      operationId = "failDrpStep",
      summary =
          "Report the running step failed (not a DNS switch); the run stops as FAILED until a"
              + " person retries or aborts it")
  public Uni<RunSheet> fail(
      @PathParam("id") UUID id,
      @PathParam("position") @Min(1) @Max(50) int position,
      @Valid @NotNull StepReport report) {
    return runs.fail(id, position, report.note(), caller.get());
  }

  @POST
  @Path("/{id}/retry")
  @RolesAllowed({Roles.CLIENT_ADMIN, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "retryDrpRun",
      summary = "Start the failed step of a FAILED run again (a DNS switch is asked anew)")
  public Uni<RunSheet> retry(@PathParam("id") UUID id) {
    return runs.retry(id, caller.get());
  }

  @POST
  @Path("/{id}/abort")
  @RolesAllowed({Roles.CLIENT_ADMIN, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "abortDrpRun",
      summary = "Stop a running or failed run for good; what was done stays on its sheet")
  public Uni<RunSheet> abort(@PathParam("id") UUID id, @Valid @NotNull Abort request) {
    return runs.abort(id, request.reason(), caller.get());
  }
}
