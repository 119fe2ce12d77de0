package io.vigie.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A client's monthly operations log ("cahier d'exploitation"), as JSON, Markdown or HTML. */
@Path("/api/v1/operations-logs/{tenant}/{month}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service reports")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class OperationsLogResource {

  private final OperationsLogService logs;
  private final CurrentCaller caller;

  public OperationsLogResource(OperationsLogService logs, CurrentCaller caller) {
    this.logs = logs;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getOperationsLog",
      summary =
          "A client's operations log for a month (2026-11), in the client's time zone or"
              + " ?timeZone= (the hoster's): planned interventions done, incidents with their"
              + " published reports, changes, requests and problems handled, its documentation"
              + " updated; a client reads its own only")
  public Uni<RestResponse<OperationsLog>> get(
      @PathParam("tenant") String tenant,
      @PathParam("month") String month,
      @QueryParam("timeZone") @Size(max = 64) String timeZone) {
    return logs.month(tenant, month, timeZone, caller.get()).map(RestResponse::ok);
  }

  @GET
  @Path("/document")
  @Produces({ReportResource.MARKDOWN, MediaType.TEXT_HTML})
  @Operation(
      operationId = "getOperationsLogDocument",
      summary =
          "The operations log as a document: Markdown (Accept: text/markdown, the default) or an"
              + " HTML page (Accept: text/html), all text escaped")
  public Uni<RestResponse<String>> document(
      @PathParam("tenant") String tenant,
      @PathParam("month") String month,
      @QueryParam("timeZone") @Size(max = 64) String timeZone,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    boolean html = accept != null && accept.contains(MediaType.TEXT_HTML);
    return logs.month(tenant, month, timeZone, caller.get())
        .map(
            log ->
                RestResponse.ResponseBuilder.ok(
                        html
                            ? OperationsLogDocument.html(log)
                            : OperationsLogDocument.markdown(log),
                        html
                            ? "text/html;charset=UTF-8"
                            : ReportResource.MARKDOWN + ";charset=UTF-8")
                    .build());
  }
}
