package io.vigie.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A client's monthly service report, as JSON, Markdown or HTML. */
@Path("/api/v1/service-reports/{tenant}/{month}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service reports", description = "Monthly service reports per client")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class ServiceReportResource {

  private final ServiceReportService reports;
  private final CurrentCaller caller;

  public ServiceReportResource(ServiceReportService reports, CurrentCaller caller) {
    this.reports = reports;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getServiceReport",
      summary =
          "A client's month (month as 2026-11, in the client's time zone): tickets by type and"
              + " priority, GTI and resolution met or breached, the breaches, incident reports"
              + " published; a client reads its own only")
  public Uni<ServiceMonth> get(
      @PathParam("tenant") String tenant, @PathParam("month") String month) {
    return reports.month(tenant, month, caller.get());
  }

  @GET
  @Path("/document")
  @Produces({ReportResource.MARKDOWN, MediaType.TEXT_HTML})
  @Operation(
      operationId = "getServiceReportDocument",
      summary =
          "The monthly service report as a document: Markdown (Accept: text/markdown, the"
              + " default) or an HTML page (Accept: text/html)")
  public Uni<RestResponse<String>> document(
      @PathParam("tenant") String tenant,
      @PathParam("month") String month,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    boolean html = accept != null && accept.contains(MediaType.TEXT_HTML);
    return reports
        .month(tenant, month, caller.get())
        .map(
            m ->
                RestResponse.ResponseBuilder.ok(
                        html ? ServiceMonthDocument.html(m) : ServiceMonthDocument.markdown(m),
                        html
                            ? "text/html;charset=UTF-8"
                            : ReportResource.MARKDOWN + ";charset=UTF-8")
                    .build());
  }
}
