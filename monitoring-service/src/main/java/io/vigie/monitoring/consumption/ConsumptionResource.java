package io.vigie.monitoring.consumption;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.consumption.ClientConsumption.ClientConsumptionReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A client's monthly consumption report, as JSON and as Markdown. */
@Path("/api/v1/consumption/clients/{clientCode}/{month}")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
@Tag(
    name = "Consumption",
    description = "Per client and month: resources allocated and used, bandwidth, what is measured")
public class ConsumptionResource {

  static final String MARKDOWN = "text/markdown";

  private final ConsumptionService consumption;
  private final CurrentCaller caller;
  private final InstantSource clock;

  public ConsumptionResource(
      ConsumptionService consumption, CurrentCaller caller, InstantSource clock) {
    this.consumption = consumption;
    this.caller = caller;
    this.clock = clock;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getClientConsumptionReport",
      summary =
          "A client's month (yyyy-MM, UTC): its VMs' and containers' allocations and their own"
              + " use, its dedicated servers' CPU, RAM and disk used against physical, its"
              + " bandwidth at the 95th percentile against the contract, its backups and the"
              + " storage its repositories hold, and what is not measured")
  public Uni<RestResponse<ClientConsumptionReport>> json(
      @PathParam("clientCode") String clientCode, @PathParam("month") String month) {
    return consumption
        .report(clientCode, month, caller.get(), clock.instant())
        .map(RestResponse::ok);
  }

  @GET
  @Path("/markdown")
  @Produces(MARKDOWN)
  @Operation(
      operationId = "getClientConsumptionReportMarkdown",
      summary = "The same monthly consumption report as a Markdown document")
  public Uni<RestResponse<String>> markdown(
      @PathParam("clientCode") String clientCode, @PathParam("month") String month) {
    return consumption
        .report(clientCode, month, caller.get(), clock.instant())
        .map(ClientConsumption::markdown)
        .map(RestResponse::ok);
  }
}
