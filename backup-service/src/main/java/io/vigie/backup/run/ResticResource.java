package io.vigie.backup.run;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.agent.AgentHost;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** restic's own JSON, posted by an agent after each backup: no Kafka on client hosts. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Backup runs as the tools reported them")
public class ResticResource {

  private final RunService runs;
  private final CurrentCaller caller;

  private final AgentHost agentHost;

  public ResticResource(RunService runs, AgentHost agentHost, CurrentCaller caller) {
    this.agentHost = agentHost;
    this.runs = runs;
    this.caller = caller;
  }

  @POST
  @Path("/restic")
  @ResponseStatus(201)
  @RolesAllowed({Roles.AGENT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "reportResticBackup",
      summary =
          "Record a restic backup: the summary line of restic backup --json, and optionally"
              + " restic snapshots --json (agents)")
  public Uni<RunView> restic(@Valid @NotNull ResticReport report) {
    return agentHost
        .requirePolicyOnHost(report.policyId(), caller.get())
        .chain(() -> runs.restic(report, caller.get()));
  }
}
