package io.vigie.monitoring.checks;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.tenancy.TenantScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/check-results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Check results",
    description = "Results of Monitoring-Plugins checks (OK, WARNING, CRITICAL, UNKNOWN)")
public class CheckResultResource {

  /** A client sees the checks of the servers its guests or hosted services run on. */
  static final String CLIENT_SERVERS =
      "c.server_id in (select g.host_server_id from target_guest g where g.tenant = ?)"
          + " or exists (select 1 from target_service h where h.tenant = ?"
          + " and h.server_ids like '%' || c.server_id::text || '%')";

  /** By server, then check name: the state's key. */
  static final Keyset BY_SERVER_AND_CHECK =
      Keyset.ascending("server_id", "uuid").then("check_name", "text");

  private final CheckResultService checks;
  private final CurrentCaller caller;
  private final Reads reads;

  public CheckResultResource(CheckResultService checks, CurrentCaller caller, Reads reads) {
    this.checks = checks;
    this.caller = caller;
    this.reads = reads;
  }

  @POST
  @RolesAllowed({Roles.AGENT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "reportCheckResults",
      summary = "Report up to 1000 check results; a retried batch is recorded once (202)")
  @APIResponseSchema(
      value = CheckResultService.Receipt.class,
      responseCode = "202",
      responseDescription = "Recorded; `duplicates` counts results of a batch already recorded")
  public Uni<RestResponse<CheckResultService.Receipt>> report(
      @Valid @NotNull CheckResultBatch batch) {
    return checks
        .record(batch)
        .map(receipt -> RestResponse.ResponseBuilder.accepted(receipt).build());
  }

  @GET
  @Path("/state")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listCheckStates",
      summary =
          "Latest state of each check; ?serverId= and ?status=CRITICAL narrow it; a client sees its servers'")
  public Uni<Listing<StateView>> state(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("status") CheckStatus status,
      @Valid @BeanParam PageRequest page) {
    SqlQuery query =
        SqlQuery.select("c.doc", "check_state_document c")
            .where("c.server_id = ?", serverId)
            .where("c.status = ?", status)
            .keyset(BY_SERVER_AND_CHECK);
    return reads.page(TenantScope.restrict(query, caller.get(), CLIENT_SERVERS), page);
  }

  /** The latest result of one check on one server. */
  public record StateView(
      UUID serverId,
      String check,
      CheckStatus status,
      String output,
      Instant lastResultAt,
      Instant statusSince,
      int consecutiveFailures) {}
}
