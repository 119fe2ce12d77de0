package io.vigie.backup.agent;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the reference agent on a host pulls: its due backups and restore tests (no Kafka there). */
@Path("/api/v1/agent/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agent", description = "Jobs pulled by the reference backup agent on client hosts")
public class AgentJobResource {

  private final AgentService agents;
  private final AgentHost agentHost;
  private final CurrentCaller caller;

  public AgentJobResource(AgentService agents, AgentHost agentHost, CurrentCaller caller) {
    this.agents = agents;
    this.agentHost = agentHost;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.AGENT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listAgentJobs",
      summary =
          "The backups and restore tests due now on the policies of ?host= (a server's hostname,"
              + " a VM's or container's name) that have agent settings (agents; an agent token"
              + " bound to a host reads that host's only)")
  public Uni<AgentJobs> jobs(@QueryParam("host") @NotBlank @Size(max = 253) String host) {
    agentHost.requireHost(host, caller.get());
    return agents.jobs(host, caller.get());
  }
}
