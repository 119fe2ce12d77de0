package io.vigie.console.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Fetches;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.ServiceRejectedException;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.BackupReport;
import io.vigie.console.api.ServiceMonth;
import io.vigie.console.web.Redirects;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The monthly service report of a client, as a page that prints cleanly (the browser's "print to
 * PDF"): availability against the target with the downtimes, tickets and their GTI, published
 * incident reports, interventions done, backups and restore tests.
 */
@Path("/reports")
public class ReportResource {

  private static final Pattern TENANT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance report(Viewer viewer, MonthlyReport report);
  }

  private final Viewers viewers;
  private final ServiceCalls calls;
  private final Clock clock;

  public ReportResource(Viewers viewers, ServiceCalls calls, Clock clock) {
    this.viewers = viewers;
    this.calls = calls;
    this.clock = clock;
  }

  /** The viewer's own report for the current month (a client's shortcut). */
  @GET
  public Response mine() {
    Viewer viewer = viewers.current();
    if (viewer.tenant() == null) {
      return Redirects.seeOther("/window");
    }
    return Redirects.seeOther(
        "/reports/" + viewer.tenant() + "/" + YearMonth.now(clock.withZone(ZoneOffset.UTC)));
  }

  @GET
  @Path("/{tenant}/{month}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance report(
      @PathParam("tenant") String tenant, @PathParam("month") String month) {
    YearMonth yearMonth;
    try {
      yearMonth = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new PageNotFoundException("no month " + month);
    }
    if (!TENANT.matcher(tenant).matches()) {
      throw new PageNotFoundException("no client " + tenant);
    }
    Viewer viewer = viewers.current();
    String token = viewer.accessToken();
    String path = "/" + tenant + "/" + yearMonth;
    try (Fetches fetches = new Fetches()) {
      Future<AvailabilityReport> availability =
          fetches.start(
              VigieService.MONITORING,
              () ->
                  orNothing(
                      () ->
                          calls.get(
                              VigieService.MONITORING,
                              "/api/v1/availability/reports" + path,
                              token,
                              AvailabilityReport.class)),
              null);
      Future<ServiceMonth> tickets =
          fetches.start(
              VigieService.TICKET,
              () ->
                  calls.get(
                      VigieService.TICKET,
                      "/api/v1/service-reports" + path,
                      token,
                      ServiceMonth.class),
              null);
      Future<BackupReport> backups =
          fetches.start(
              VigieService.BACKUP,
              () ->
                  orNothing(
                      () ->
                          calls.get(
                              VigieService.BACKUP,
                              "/api/v1/reports/backups" + path,
                              token,
                              BackupReport.class)),
              null);
      MonthlyReport report =
          new MonthlyReport(
              tenant,
              yearMonth.toString(),
              yearMonth.minusMonths(1).toString(),
              yearMonth.plusMonths(1).toString(),
              Fetches.await(availability),
              Fetches.await(tickets),
              Fetches.await(backups),
              fetches.down());
      return Templates.report(viewer, report).setLocale(viewer.locale());
    }
  }

  /**
   * A part of the report a service has nothing for (a client without monitored services, say).
   * ticket-service's answer alone decides whether the client exists for the viewer: another
   * client's report is not found there, so the page is not found.
   */
  private static <T> T orNothing(Supplier<T> call) {
    try {
      return call.get();
    } catch (PageNotFoundException | ServiceRejectedException nothing) {
      return null;
    }
  }
}
