package io.vigie.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.report.ReportViews.ReportEdit;
import io.vigie.ticket.report.ReportViews.ReportView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An incident's post-incident report: staff read and write the current version and publish it; a
 * client reads its own incidents' published reports, as JSON, Markdown or HTML.
 */
@Path("/api/v1/tickets/{id}/report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incident reports", description = "Post-incident reports: drafted, written, published")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class ReportResource {

  static final String MARKDOWN = "text/markdown";

  private final ReportService reports;
  private final CurrentCaller caller;

  public ReportResource(ReportService reports, CurrentCaller caller) {
    this.reports = reports;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getIncidentReport",
      summary =
          "Read an incident's report: staff the current version, a client the last published"
              + " one. ETag: the version, suffixed -published once it is published (publication"
              + " changes the representation); If-None-Match answers 304 when unchanged")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportView.class)))
  @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names its ETag")
  public Uni<RestResponse<ReportView>> get(
      @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
    return reports.read(id, caller.get()).map(v -> ReportTags.okUnlessNotModified(v, ifNoneMatch));
  }

  @GET
  @Path("/document")
  @Produces({MARKDOWN, MediaType.TEXT_HTML})
  @Operation(
      operationId = "getIncidentReportDocument",
      summary =
          "The report as a document to read, instants in the client's time zone: Markdown"
              + " (Accept: text/markdown, the default) or an HTML page (Accept: text/html); same"
              + " versions as the JSON")
  public Uni<RestResponse<String>> document(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    boolean html = accept != null && accept.contains(MediaType.TEXT_HTML);
    return reports
        .read(id, caller.get())
        .chain(
            v ->
                reports
                    .zoneOf(v.tenant())
                    .map(
                        zone ->
                            RestResponse.ResponseBuilder.ok(
                                    html
                                        ? ReportDocument.html(v, zone)
                                        : ReportDocument.markdown(v, zone),
                                    html ? "text/html;charset=UTF-8" : MARKDOWN + ";charset=UTF-8")
                                .tag(new EntityTag(ReportTags.of(v)))
                                .build()));
  }

  @GET
  @Path("/versions")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listIncidentReportVersions",
      summary = "Every kept version of the report, newest first (staff)")
  public Uni<List<ReportView>> versions(@PathParam("id") UUID id) {
    return reports.versions(id, caller.get());
  }

  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "editIncidentReport",
      summary =
          "Write the cause, solution and follow-up actions (staff); If-Match required; each change"
              + " is a new version")
  public Uni<RestResponse<ReportView>> edit(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ReportEdit edit) {
    return reports
        .edit(id, ifMatch, edit, caller.get())
        .map(v -> ReportTags.ok(v, ReportTags.of(v)));
  }

  @POST
  @Path("/publication")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "publishIncidentReport",
      summary =
          "Publish the current version to the client (staff); If-Match required; cause and"
              + " solution must be written; the answer's ETag is the version suffixed -published")
  public Uni<RestResponse<ReportView>> publish(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
    return reports.publish(id, ifMatch, caller.get()).map(v -> ReportTags.ok(v, ReportTags.of(v)));
  }
}
