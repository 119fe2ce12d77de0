package io.vigie.monitoring.alerting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Filter;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alert history: every alert and each of its state changes, per target, client and period. Staff
 * see all; a client sees the alerts that affect it; agents only write and see none.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Alerts and their history")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class AlertResource {

  private final CurrentCaller caller;

  public AlertResource(CurrentCaller caller) {
    this.caller = caller;
  }

  /** An alert as the API shows it. */
  public record AlertView(
      UUID id,
      String fingerprint,
      Alert.State state,
      String severity,
      String summary,
      String target,
      UUID serverId,
      UUID hostedServiceId,
      String source,
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startedAt,
      Instant firedAt,
      Instant resolvedAt,
      boolean notified,
      String suppressedBy,
      UUID groupedUnder,
      int flaps) {

    static AlertView of(Alert a) {
      return new AlertView(
          a.id,
          a.fingerprint,
          a.state,
          a.severity,
          a.summary,
          a.target,
          a.serverId,
          a.hostedServiceId,
          a.source,
          a.labels,
          a.annotations,
          a.startedAt,
          a.firedAt,
          a.resolvedAt,
          a.notified,
          a.suppressedBy,
          a.groupedUnder,
          a.flaps);
    }
  }

  /** An alert with the clients it affects and every state change. */
  public record AlertHistory(
      AlertView alert, List<String> clients, List<TransitionView> transitions) {}

  public record TransitionView(String state, Instant at, String detail) {}

  @GET
  @WithSession
  @Operation(
      operationId = "listAlerts",
      summary =
          "Alerts, newest first: ?serverId, ?hostedServiceId, ?client (staff), ?state"
              + " (open|PENDING|FIRING|RESOLVED|DISCARDED), ?source, ?from/?to (alerts overlapping"
              + " the period)")
  public Uni<Page<AlertView>> list(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("hostedServiceId") UUID hostedServiceId,
      @QueryParam("client") @Size(max = 64) String client,
      @QueryParam("state")
          @Pattern(
              regexp = "open|PENDING|FIRING|RESOLVED|DISCARDED",
              message = "one of open, PENDING, FIRING, RESOLVED, DISCARDED")
          String state,
      @QueryParam("source") @Size(max = 210) String source,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to,
      @Valid @BeanParam PageRequest page) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    Caller who = caller.get();
    String tenant = who.isStaff() ? client : who.tenant();
    Filter filter =
        Filter.where()
            .and("serverId = :server", "server", serverId)
            .and("hostedServiceId = :service", "service", hostedServiceId)
            .and(
                "id in (select t.alertId from AlertTenant t where t.tenant = :tenant)",
                "tenant",
                tenant)
            .and(
                "state = :state",
                "state",
                state == null || "open".equals(state) ? null : Alert.State.valueOf(state))
            .and("source = :source", "source", source)
            .and("startedAt < :to", "to", to)
            .and("(resolvedAt is null or resolvedAt >= :from)", "from", from);
    if ("open".equals(state)) {
      filter.and("resolvedAt is null");
    }
    return Page.of(
        Alert.find(filter.query() + " order by startedAt desc, id", filter.parameters()),
        page,
        a -> AlertView.of((Alert) a));
  }

  @GET
  @Path("/{id}")
  @WithSession
  @Operation(
      operationId = "getAlert",
      summary = "An alert, the clients it affects and every state change")
  public Uni<AlertHistory> get(@PathParam("id") UUID id) {
    Caller who = caller.get();
    return Alert.<Alert>findById(id)
        .chain(
            alert -> {
              if (alert == null) {
                throw ProblemException.notFound("alert", id);
              }
              return AlertTenant.<AlertTenant>list("alertId", id)
                  .chain(
                      tenants -> {
                        List<String> clients =
                            tenants.stream().map(t -> t.tenant).sorted().toList();
                        if (!who.isStaff() && !clients.contains(who.tenant())) {
                          throw ProblemException.notFound("alert", id);
                        }
                        return AlertTransition.<AlertTransition>list(
                                "alertId = ?1 order by at, id", id)
                            .map(
                                transitions ->
                                    new AlertHistory(
                                        AlertView.of(alert),
                                        who.isStaff() ? clients : List.of(who.tenant()),
                                        transitions.stream()
                                            .map(t -> new TransitionView(t.state, t.at, t.detail))
                                            .toList()));
                      });
            });
  }
}
