package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Network usage per server and the month's bandwidth at the 95th percentile. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Bandwidth",
    description =
        "5-minute network rates per interface and the 95th percentile per link, host and client")
public class BandwidthResource {

  private final CurrentCaller caller;

  public BandwidthResource(CurrentCaller caller) {
    this.caller = caller;
  }

  @GET
  @Path("/network-usage/servers/{serverId}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getServerNetworkUsage",
      summary =
          "A server's 5-minute average rates (bit/s) per interface over [from, to) (ISO instants,"
              + " at most 31 days), with the inventory link each interface carries")
  public Uni<Bandwidth.ServerUsage> usage(
      @PathParam("serverId") UUID serverId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var who = caller.get();
    return Panache.withSession(() -> Bandwidth.serverUsage(serverId, from, to, who));
  }

  @GET
  @Path("/bandwidth/servers/{serverId}/{month}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getServerBandwidthReport",
      summary =
          "A server's month (yyyy-MM, UTC): the 95th percentile in, out and billed per link and"
              + " for the host, against the contracted bandwidth and burst")
  public Uni<Bandwidth.ServerBandwidthReport> serverMonth(
      @PathParam("serverId") UUID serverId, @PathParam("month") String month) {
    var who = caller.get();
    return Panache.withSession(() -> Bandwidth.serverMonth(serverId, month, who, Instant.now()));
  }

  @GET
  @Path("/bandwidth/clients/{clientCode}/{month}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getClientBandwidthReport",
      summary =
          "A client's month (yyyy-MM, UTC): the 95th percentile of each interface it uses and of"
              + " their slot-by-slot sum")
  public Uni<Bandwidth.ClientBandwidthReport> clientMonth(
      @PathParam("clientCode") String clientCode, @PathParam("month") String month) {
    var who = caller.get();
    return Panache.withSession(() -> Bandwidth.clientMonth(clientCode, month, who, Instant.now()));
  }
}
