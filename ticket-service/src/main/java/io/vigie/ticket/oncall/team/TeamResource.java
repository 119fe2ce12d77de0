package io.vigie.ticket.oncall.team;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.oncall.team.TeamService.TeamView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Teams an escalation step can notify. Admins write, staff read; 403 for client tokens. */
@Path("/api/v1/on-call/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "On-call teams", description = "Groups of people an escalation step notifies together")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class TeamResource {

  private final TeamService teams;
  private final CurrentCaller caller;

  public TeamResource(TeamService teams, CurrentCaller caller) {
    this.teams = teams;
    this.caller = caller;
  }

  @GET
  @Operation(operationId = "listOnCallTeams", summary = "Every team, by name")
  public Uni<RestResponse<List<TeamView>>> list() {
    return teams.list().map(RestResponse::ok);
  }

  @POST
  @Operation(operationId = "createOnCallTeam", summary = "Create a team of people on file; admin")
  public Uni<RestResponse<TeamView>> create(@NotNull TeamSheet sheet) {
    return teams.create(sheet, caller.get()).map(c -> c.response());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getOnCallTeam", summary = "A team (ETag = version)")
  public Uni<RestResponse<TeamView>> get(@PathParam("id") UUID id) {
    return teams.get(id).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{id}")
  @Operation(operationId = "replaceOnCallTeam", summary = "Replace a team (admin; If-Match)")
  public Uni<RestResponse<TeamView>> replace(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull TeamSheet sheet) {
    return teams.replace(id, ifMatch, sheet, caller.get()).map(v -> ETags.ok(v, v.version()));
  }
}
