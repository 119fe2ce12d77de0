package io.vigie.monitoring.usage;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.usage.UsageSeries.GuestUsageSeries;
import io.vigie.monitoring.usage.UsageSeries.ServerUsageSeries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Hourly CPU, RAM and disk usage of a server or a guest over time, for graphs. */
@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
@Tag(
    name = "Usage",
    description =
        "Hourly CPU, RAM and disk in use per server and per VM or container, beside what the"
            + " machine has")
public class UsageSeriesResource {

  private final UsageSeries series;
  private final CurrentCaller caller;
  private final InstantSource clock;

  public UsageSeriesResource(UsageSeries series, CurrentCaller caller, InstantSource clock) {
    this.series = series;
    this.caller = caller;
    this.clock = clock;
  }

  @GET
  @Path("/servers/{serverId}")
  @Operation(
      operationId = "getServerUsageSeries",
      summary =
          "A physical server's hourly averages (CPU %, RAM and disk GiB in use) for the hours"
              + " starting in [from, to) (ISO instants; to defaults to now, from to 7 days before"
              + " to; at most 93 days), beside its hardware")
  public Uni<RestResponse<ServerUsageSeries>> server(
      @PathParam("serverId") UUID serverId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    UsagePeriod period = UsagePeriod.of(from, to, clock.instant());
    return series.server(serverId, period, caller.get()).map(RestResponse::ok);
  }

  @GET
  @Path("/guests/{guestId}")
  @Operation(
      operationId = "getGuestUsageSeries",
      summary =
          "A VM's or container's own hourly averages (CPU % of its vCPUs, RAM and disk GiB in use)"
              + " for the hours starting in [from, to) (as for a server), beside its allocation")
  public Uni<RestResponse<GuestUsageSeries>> guest(
      @PathParam("guestId") UUID guestId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    UsagePeriod period = UsagePeriod.of(from, to, clock.instant());
    return series.guest(guestId, period, caller.get()).map(RestResponse::ok);
  }
}
