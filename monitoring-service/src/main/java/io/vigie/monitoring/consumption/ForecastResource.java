package io.vigie.monitoring.consumption;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.consumption.ForecastService.ResourceGrowth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Growth forecasts: the least-squares trend of a repository, a filesystem, or a server's or guest's
 * CPU, RAM and disk over {@code ?window=} (ISO 8601, 1 to 400 days, default P30D), the value at
 * 30/90/180 days and when it reaches {@code ?thresholdPercent=} of its capacity (default 90).
 */
@Path("/api/v1/forecasts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
@Tag(
    name = "Forecasts",
    description =
        "Growth trends (least squares, as predict_linear) and the date a threshold is reached:"
            + " repositories, filesystems, CPU, RAM and disk")
public class ForecastResource {

  private final ForecastService forecasts;
  private final CurrentCaller caller;
  private final InstantSource clock;

  public ForecastResource(ForecastService forecasts, CurrentCaller caller, InstantSource clock) {
    this.forecasts = forecasts;
    this.caller = caller;
    this.clock = clock;
  }

  @GET
  @Path("/repositories/{repositoryId}")
  @Operation(
      operationId = "getRepositoryGrowthForecast",
      summary =
          "A backup repository's storage trend over the window, its size forecast at 30/90/180"
              + " days and the date it reaches thresholdPercent of its capacity (or why not); a"
              + " client: its own repositories only")
  public Uni<RestResponse<ResourceGrowth>> repository(
      @PathParam("repositoryId") UUID repositoryId, @BeanParam ForecastQuery query) {
    return forecasts
        .repository(
            repositoryId, query.window, query.thresholdPercent, caller.get(), clock.instant())
        .map(RestResponse::ok);
  }

  @GET
  @Path("/servers/{serverId}/filesystems")
  @Operation(
      operationId = "listServerFilesystemForecasts",
      summary =
          "Each real filesystem of a server (or the one at ?mountpoint=): its used bytes' trend"
              + " over the window and the date it reaches thresholdPercent of its size")
  public Uni<RestResponse<List<ResourceGrowth>>> serverFilesystems(
      @PathParam("serverId") UUID serverId,
      @QueryParam("mountpoint") String mountpoint,
      @BeanParam ForecastQuery query) {
    return forecasts
        .serverFilesystems(
            serverId,
            mountpoint,
            query.window,
            query.thresholdPercent,
            caller.get(),
            clock.instant())
        .map(RestResponse::ok);
  }

  @GET
  @Path("/servers/{serverId}/{resource}")
  @Operation(
      operationId = "getServerGrowthForecast",
      summary =
          "A server's cpu, ram or disk use (hourly rollups) over the window, forecast at"
              + " 30/90/180 days, and the date it reaches thresholdPercent of what it has")
  public Uni<RestResponse<ResourceGrowth>> server(
      @PathParam("serverId") UUID serverId,
      @PathParam("resource") String resource,
      @BeanParam ForecastQuery query) {
    return forecasts
        .server(
            serverId, resource, query.window, query.thresholdPercent, caller.get(), clock.instant())
        .map(RestResponse::ok);
  }

  @GET
  @Path("/guests/{guestId}/filesystems")
  @Operation(
      operationId = "listGuestFilesystemForecasts",
      summary =
          "Each real filesystem of a VM or container with its own node_exporter (or the one at"
              + " ?mountpoint=): trend, forecasts and the date it reaches thresholdPercent")
  public Uni<RestResponse<List<ResourceGrowth>>> guestFilesystems(
      @PathParam("guestId") UUID guestId,
      @QueryParam("mountpoint") String mountpoint,
      @BeanParam ForecastQuery query) {
    return forecasts
        .guestFilesystems(
            guestId,
            mountpoint,
            query.window,
            query.thresholdPercent,
            caller.get(),
            clock.instant())
        .map(RestResponse::ok);
  }

  @GET
  @Path("/guests/{guestId}/{resource}")
  @Operation(
      operationId = "getGuestGrowthForecast",
      summary =
          "A VM's or container's cpu, ram or disk use over the window against its allocation,"
              + " forecast at 30/90/180 days, and the date it reaches thresholdPercent")
  public Uni<RestResponse<ResourceGrowth>> guest(
      @PathParam("guestId") UUID guestId,
      @PathParam("resource") String resource,
      @BeanParam ForecastQuery query) {
    return forecasts
        .guest(
            guestId, resource, query.window, query.thresholdPercent, caller.get(), clock.instant())
        .map(RestResponse::ok);
  }
}
