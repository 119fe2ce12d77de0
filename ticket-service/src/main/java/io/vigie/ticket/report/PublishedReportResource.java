package io.vigie.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.report.ReportViews.PublishedReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published post-incident reports: a client finds its own here, staff every client's. */
@Path("/api/v1/incident-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incident reports", description = "Post-incident reports: drafted, written, published")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class PublishedReportResource {

  private final ReportService reports;
  private final CurrentCaller caller;

  public PublishedReportResource(ReportService reports, CurrentCaller caller) {
    this.reports = reports;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "listIncidentReports",
      summary =
          "List published incident reports, newest publication first; ?tenant= narrows it (a"
              + " client sees its own only); read one at /api/v1/tickets/{ticketId}/report")
  public Uni<Listing<PublishedReport>> list(
      @QueryParam("tenant") @Size(max = 100) String tenant, @Valid @BeanParam PageRequest page) {
    return reports.published(tenant, page, caller.get());
  }
}
