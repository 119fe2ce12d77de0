package io.vigie.monitoring.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.Filter;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
import io.vigie.monitoring.CheckResultService;
import io.vigie.monitoring.CheckState;
import io.vigie.monitoring.CheckStatus;
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
      "c.serverId in (select g.hostServerId from TargetGuest g where g.tenant = :tenant)"
          + " or exists (select 1 from TargetService h where h.tenant = :tenant"
          + " and h.serverIds like concat('%', cast(c.serverId as String), '%'))";

  private final CheckResultService checks;
  private final CurrentCaller caller;

  public CheckResultResource(CheckResultService checks, CurrentCaller caller) {
    this.checks = checks;
    this.caller = caller;
  }

  /** The latest result of one check on one server. */
  public record StateView(
      UUID serverId,
      String check,
      CheckStatus status,
      String output,
      Instant lastResultAt,
      Instant statusSince,
      int consecutiveFailures) {
    static StateView of(CheckState s) {
      return new StateView(
          s.serverId,
          s.checkName,
          s.status,
          s.output,
          s.lastResultAt,
          s.statusSince,
          s.consecutiveFailures);
    }
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
  @WithSession
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listCheckStates",
      summary =
          "Latest state of each check; ?serverId= and ?status=CRITICAL narrow it; a client sees its servers'")
  public Uni<Page<StateView>> state(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("status") CheckStatus status,
      @Valid @BeanParam PageRequest page) {
    Filter filter =
        Filter.where()
            .and("c.serverId = :server", "server", serverId)
            .and("c.status = :status", "status", status);
    TenantScope.restrictWith(filter, caller.get(), CLIENT_SERVERS);
    return Page.of(
        CheckState.find(
            "from CheckState c where " + filter.query() + " order by c.serverId, c.checkName",
            filter.parameters()),
        page,
        s -> StateView.of((CheckState) s));
  }
}
