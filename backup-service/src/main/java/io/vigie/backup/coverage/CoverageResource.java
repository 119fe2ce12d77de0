package io.vigie.backup.coverage;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What each client's contract promises and nothing covers. */
@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Coverage",
    description =
        "Targets with no policy, policies with fewer copies or datacenters than promised, a DRP"
            + " promised with no plan")
public class CoverageResource {

  private final CoverageService coverage;
  private final CurrentCaller caller;

  public CoverageResource(CoverageService coverage, CurrentCaller caller) {
    this.coverage = coverage;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getCoverageReport",
      summary =
          "The coverage report across clients (staff; ?tenant= narrows it) or of the caller's"
              + " own client")
  public Uni<CoverageReport> report(@QueryParam("tenant") @Size(max = 63) String tenant) {
    return coverage.report(tenant, caller.get());
  }

  @GET
  @Path("/{tenant}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getClientCoverage",
      summary = "One client's coverage: its promise and every gap, with when it was first reported")
  public Uni<CoverageReport.ClientCoverage> client(
      @PathParam("tenant") @Size(max = 63) String tenant) {
    return coverage.client(tenant, caller.get());
  }
}
