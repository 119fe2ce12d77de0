package io.vigie.backup.agent;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** How the reference agent runs a policy with restic: paths, excludes, tags. */
@Path("/api/v1/policies/{id}/agent-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agent", description = "Jobs pulled by the reference backup agent on client hosts")
public class AgentSettingsResource {

  private final AgentService agents;
  private final CurrentCaller caller;

  public AgentSettingsResource(AgentService agents, CurrentCaller caller) {
    this.agents = agents;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getAgentSettings",
      summary = "What the agent backs up for the policy and how it tags it; 404 when none")
  public Uni<RestResponse<AgentSettingsView>> get(@PathParam("id") UUID id) {
    return agents.settings(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replaceAgentSettings",
      summary =
          "Have the reference agent run the policy's restic copies: the paths, excludes and tags;"
              + " If-Match with the ETag read is required to replace existing settings")
  public Uni<RestResponse<AgentSettingsView>> replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull AgentSettingsRequest request) {
    return agents.replace(id, ifMatch, request, caller.get()).map(v -> ETags.ok(v, v.version()));
  }
}
