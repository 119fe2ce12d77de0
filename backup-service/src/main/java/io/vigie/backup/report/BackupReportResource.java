package io.vigie.backup.report;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's backups over a month, as JSON and as Markdown. */
@Path("/api/v1/reports/backups/{tenant}/{month}")
@Tag(name = "Reports", description = "Monthly backup reports per client")
public class BackupReportResource {

  static final String MARKDOWN = "text/markdown";

  private final BackupReportService reports;
  private final CurrentCaller caller;

  public BackupReportResource(BackupReportService reports, CurrentCaller caller) {
    this.reports = reports;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getMonthlyBackupReport",
      summary =
          "A client's backups over a calendar month (2026-11) in its time zone: per policy backups"
              + " made and failed, RPO compliance with its breaches, copies per datacenter, the last"
              + " successful restore test")
  public Uni<MonthlyBackupReport> json(
      @PathParam("tenant") String tenant, @PathParam("month") String month) {
    return reports.monthly(tenant, month, caller.get());
  }

  @GET
  @Path("/markdown")
  @Produces(MARKDOWN)
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getMonthlyBackupReportMarkdown",
      summary = "The same monthly backup report as Markdown, times in the client's time zone")
  public Uni<String> markdown(
      @PathParam("tenant") String tenant, @PathParam("month") String month) {
    return reports.monthly(tenant, month, caller.get()).map(MonthlyReportMarkdown::render);
  }
}
