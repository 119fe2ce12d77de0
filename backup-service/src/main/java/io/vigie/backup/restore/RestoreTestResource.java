package io.vigie.backup.restore;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.agent.AgentHost;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Restore test results as agents report them, and the tests that were not run in time. */
@Path("/api/v1/restore-tests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Restore tests", description = "Restores tested on schedule, kept as evidence")
public class RestoreTestResource {

  private final RestoreTestService tests;
  private final CurrentCaller caller;

  private final AgentHost agentHost;

  public RestoreTestResource(RestoreTestService tests, AgentHost agentHost, CurrentCaller caller) {
    this.agentHost = agentHost;
    this.tests = tests;
    this.caller = caller;
  }

  @POST
  @ResponseStatus(201)
  @RolesAllowed({Roles.AGENT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "reportRestoreTest",
      summary =
          "Record a restore test: the snapshot restored to a scratch path and what the check found"
              + " (agents)")
  public Uni<RestoreTestView> report(@Valid @NotNull RestoreTestReport report) {
    return agentHost
        .requirePolicyOnHost(report.policyId(), caller.get())
        .chain(() -> tests.record(report, caller.get()));
  }

  @GET
  @Path("/overdue")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listOverdueRestoreTests",
      summary =
          "Policies whose restore test was not run within the grace after its due time, oldest"
              + " first; ?tenant= narrows it; a client sees its own")
  public Uni<List<OverdueRestoreTest>> overdue(
      @QueryParam("tenant") @Size(max = 63) String tenant) {
    return tests.overdue(tenant, caller.get());
  }
}
