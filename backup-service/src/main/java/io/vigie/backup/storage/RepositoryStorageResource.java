package io.vigie.backup.storage;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.agent.AgentHost;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/** Storage held per repository: restic's raw-data stats posted by agents, and its history. */
@Path("/api/v1/repositories/{id}/storage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Repositories", description = "restic and borg repositories and their datacenters")
public class RepositoryStorageResource {

  private final RepositoryStorageService storage;
  private final AgentHost agentHost;
  private final CurrentCaller caller;

  public RepositoryStorageResource(
      RepositoryStorageService storage, AgentHost agentHost, CurrentCaller caller) {
    this.storage = storage;
    this.agentHost = agentHost;
    this.caller = caller;
  }

  @POST
  @ResponseStatus(201)
  @RolesAllowed({Roles.AGENT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "reportRepositoryStorage",
      summary =
          "Record what the repository holds: the output of restic stats --json --mode raw-data"
              + " (agents; an agent bound to a host, only for a repository its policies use)")
  public Uni<StorageMeasurement> report(
      @PathParam("id") UUID id, @Valid @NotNull StorageReport report) {
    return agentHost
        .requireRepositoryOnHost(id, caller.get())
        .chain(() -> storage.record(id, report, caller.get()));
  }

  @GET
  @Path("/split")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getRepositoryStorageSplit",
      summary =
          "Staff: the repository's last measurement at or before ?at= (ISO instant, default now)"
              + " split per client in proportion to the data their kept runs added — an estimate,"
              + " the method stated")
  public Uni<RestResponse<StorageSplit.RepositorySplit>> split(
      @PathParam("id") UUID id, @QueryParam("at") String at) {
    return storage.split(id, at, caller.get()).map(RestResponse::ok);
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getRepositoryStorage",
      summary =
          "The repository's storage history from ?from= to ?to= (ISO instants, default the last 31"
              + " days, at most 400): each measurement and the growth over the period (a client:"
              + " its own repositories only)")
  public Uni<RestResponse<StorageHistory>> history(
      @PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
    return storage.history(id, from, to, caller.get()).map(RestResponse::ok);
  }
}
