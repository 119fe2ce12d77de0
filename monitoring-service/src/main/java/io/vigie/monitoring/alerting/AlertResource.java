package io.vigie.monitoring.alerting;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.monitoring.SqlTime;
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

  /** The alerts that affect a client. */
  static final String CLIENT_ALERTS =
      "id in (select t.alert_id from alert_tenant t where t.tenant = ?)";

  /** An alert with its clients (sorted as Java sorts strings) and its state changes in order. */
  static final String HISTORY =
      "json_build_object('alert', a.doc, 'clients', array(select t.tenant from alert_tenant t"
          + " where t.alert_id = a.id order by t.tenant collate \"C\"), 'transitions',"
          + " coalesce((select json_agg(json_build_object('state', x.state, 'at',"
          + " json_instant(x.at), 'detail', x.detail) order by x.at, x.id)"
          + " from alert_transition x where x.alert_id = a.id), '[]'::json))";

  /** Newest first. */
  static final Keyset NEWEST_FIRST =
      Keyset.descending("started_at", "timestamptz").then("id", "uuid");

  private final CurrentCaller caller;
  private final Reads reads;

  public AlertResource(CurrentCaller caller, Reads reads) {
    this.caller = caller;
    this.reads = reads;
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
  @Operation(
      operationId = "listAlerts",
      summary =
          "Alerts, newest first: ?serverId, ?hostedServiceId, ?client (staff), ?state"
              + " (open|PENDING|FIRING|RESOLVED|DISCARDED), ?source, ?from/?to (alerts overlapping"
              + " the period)")
  public Uni<Listing<AlertView>> list(
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
    SqlQuery query =
        SqlQuery.select("doc", "alert_document")
            .where("server_id = ?", serverId)
            .where("hosted_service_id = ?", hostedServiceId)
            .where(CLIENT_ALERTS, who.isStaff() ? client : null)
            .where("state = ?", state == null || "open".equals(state) ? null : state)
            .where("source = ?", source)
            .where("started_at < ?", SqlTime.parameter(to))
            .where("resolved_at is null or resolved_at >= ?", SqlTime.parameter(from))
            .keyset(NEWEST_FIRST);
    if ("open".equals(state)) {
      query.where("resolved_at is null");
    }
    return reads.page(TenantScope.restrict(query, who, CLIENT_ALERTS), page);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getAlert",
      summary = "An alert, the clients it affects and every state change")
  public Uni<AlertHistory> get(@PathParam("id") UUID id) {
    Caller who = caller.get();
    SqlQuery query = SqlQuery.select(HISTORY, "alert_document a").where("a.id = ?", id);
    return reads
        .one(TenantScope.restrict(query, who, CLIENT_ALERTS), AlertHistory.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("alert", id))
        .map(
            history ->
                who.isStaff()
                    ? history
                    : new AlertHistory(
                        history.alert(), List.of(who.tenant()), history.transitions()));
  }
}
