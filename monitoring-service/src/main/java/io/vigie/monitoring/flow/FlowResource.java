package io.vigie.monitoring.flow;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The ingest and alert flow per hour, for the staff's wall: the hoster's staff only. */
@Path("/api/v1/flow")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
@Tag(
    name = "Flow",
    description =
        "Metric samples taken and refused, remote_write requests, alerts fired and resolved, per"
            + " hour")
public class FlowResource {

  private final FlowService flow;
  private final InstantSource clock;

  public FlowResource(FlowService flow, InstantSource clock) {
    this.flow = flow;
    this.clock = clock;
  }

  @GET
  @Operation(
      operationId = "getFlow",
      summary =
          "Every hour starting in [from, to) (ISO instants, rounded out to whole hours; to"
              + " defaults to now, from to the 24 hours up to the end of to's hour; at most 31"
              + " days), oldest first: samples accepted and rejected, remote_write requests,"
              + " alerts fired and resolved, every replica summed, zeros where nothing happened")
  public Uni<RestResponse<FlowReport>> flow(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    FlowPeriod period = FlowPeriod.of(from, to, clock.instant());
    return flow.report(period).map(RestResponse::ok);
  }
}
