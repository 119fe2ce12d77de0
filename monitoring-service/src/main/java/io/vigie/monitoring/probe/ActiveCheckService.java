package io.vigie.monitoring.probe;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.sql.SqlErrors;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.ETags;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.TargetService;
import io.vigie.monitoring.targets.Topology;
import io.vigie.monitoring.targets.TopologyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Declares, changes and removes active checks (operators only) and reads them (staff, and a client
 * for the checks that concern it).
 */
@ApplicationScoped
public class ActiveCheckService {

  /** The largest interval a check may have. */
  static final int MAX_INTERVAL_SECONDS = 3600;

  /** The default timeout, shortened to fit a shorter interval. */
  static final int DEFAULT_TIMEOUT_SECONDS = 10;

  /**
   * A client sees a check on one of its hosted services, and a server-wide check on a server its
   * VMs, containers or hosted services run on; never a check on another tenant's hosted service,
   * even on a shared server.
   */
  static final String CLIENT_CHECKS =
      "(a.hosted_service_id is not null and a.hosted_service_id in"
          + " (select h.id from target_service h where h.tenant = ?))"
          + " or (a.hosted_service_id is null and (a.server_id in"
          + " (select g.host_server_id from target_guest g where g.tenant = ?)"
          + " or exists (select 1 from target_service h2 where h2.tenant = ?"
          + " and h2.server_ids like '%' || a.server_id::text || '%')))";

  /** By server, then name (unique per server). */
  static final Keyset BY_SERVER_AND_NAME =
      Keyset.ascending("server_id", "uuid").then("name", "text");

  /**
   * Fired once a change to a check has committed (by the resource, after the transaction), so the
   * local scheduler reloads at once.
   */
  public record Changed(UUID checkId) {}

  private final ProbeConfig config;
  private final Reads reads;

  public ActiveCheckService(ProbeConfig config, Reads reads) {
    this.config = config;
    this.reads = reads;
  }

  /** A page of checks, rendered by PostgreSQL ({@code active_check_document}). */
  public Uni<Listing<ActiveCheckView>> list(
      UUID serverId, UUID hostedServiceId, CheckKind kind, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("a.doc", "active_check_document a")
            .where("a.server_id = ?", serverId)
            .where("a.hosted_service_id = ?", hostedServiceId)
            .where("a.kind = ?", kind)
            .keyset(BY_SERVER_AND_NAME);
    return reads.page(TenantScope.restrict(query, caller, CLIENT_CHECKS), page);
  }

  /** A check the caller may see, or 404 (also for another tenant's). */
  public Uni<ActiveCheckView> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("a.doc", "active_check_document a").where("a.id = ?", id);
    return reads
        .one(TenantScope.restrict(query, caller, CLIENT_CHECKS), ActiveCheckView.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Active check", id));
  }

  /** The check to change; only operators change checks, and they see every one. */
  private static Uni<ActiveCheck> find(UUID id) {
    return ActiveCheck.<ActiveCheck>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Active check", id));
  }

  @WithTransaction
  public Uni<ActiveCheck> create(ActiveCheckRequest request, Caller caller) {
    caller.requireOperator();
    ActiveCheck check = new ActiveCheck();
    check.id = Uuids.timeOrdered();
    check.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return apply(check, request)
        .chain(c -> c.<ActiveCheck>persist())
        .call(Panache::flush)
        .onFailure(SqlErrors::isUniqueViolation)
        .transform(e -> duplicate(request));
  }

  @WithTransaction
  public Uni<ActiveCheck> update(
      UUID id, String ifMatch, ActiveCheckRequest request, Caller caller) {
    caller.requireOperator();
    return find(id)
        .invoke(c -> ETags.requireMatch(ifMatch, c.version))
        .chain(c -> apply(c, request))
        .call(Panache::flush)
        .onFailure(SqlErrors::isUniqueViolation)
        .transform(e -> duplicate(request));
  }

  @WithTransaction
  public Uni<Void> remove(UUID id, String ifMatch, Caller caller) {
    caller.requireOperator();
    return find(id)
        .invoke(c -> ETags.requireMatch(ifMatch, c.version))
        .call(c -> c.delete())
        .replaceWithVoid();
  }

  private static ProblemException duplicate(ActiveCheckRequest request) {
    return ProblemException.conflict(
        "Server " + request.serverId() + " already has a check named " + request.name());
  }

  /** Validates the request and copies it onto {@code check}. */
  private Uni<ActiveCheck> apply(ActiveCheck check, ActiveCheckRequest request) {
    int minInterval = (int) Math.max(1, (config.minInterval().toMillis() + 999) / 1000);
    int interval = request.intervalSeconds() == null ? 60 : request.intervalSeconds();
    if (interval < minInterval || interval > MAX_INTERVAL_SECONDS) {
      throw ProblemException.invalidField(
          "intervalSeconds", "must be " + minInterval + " to " + MAX_INTERVAL_SECONDS);
    }
    int timeout =
        request.timeoutSeconds() == null
            ? Math.max(1, Math.min(DEFAULT_TIMEOUT_SECONDS, interval - 1))
            : request.timeoutSeconds();
    if (timeout < 1 || timeout >= interval) {
      throw ProblemException.invalidField(
          "timeoutSeconds", "must be at least 1 and less than the interval (" + interval + ")");
    }
    String name = request.name().strip();
    ProbeSettings settings = ProbeSettingsRules.validate(request.kind(), request.settings());
    return TargetServer.<TargetServer>findById(request.serverId())
        .onItem()
        .ifNull()
        .failWith(
            () -> ProblemException.invalidField("serverId", "no such server in the inventory"))
        .call(server -> checkHostedService(server, request.hostedServiceId()))
        .call(
            server ->
                ActiveCheck.count(
                        "serverId = ?1 and name = ?2 and id <> ?3", server.id, name, check.id)
                    .invoke(
                        clash -> {
                          if (clash > 0) {
                            throw duplicate(request);
                          }
                        }))
        .map(
            server -> {
              check.name = name;
              check.kind = request.kind();
              check.serverId = server.id;
              check.hostedServiceId = request.hostedServiceId();
              check.intervalSeconds = interval;
              check.timeoutSeconds = timeout;
              check.enabled = request.enabled() == null || request.enabled();
              check.settings = settings;
              check.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              return check;
            });
  }

  /** A hosted service named by a check must be known and run on the check's server or its VMs. */
  private static Uni<Void> checkHostedService(TargetServer server, UUID hostedServiceId) {
    if (hostedServiceId == null) {
      return Uni.createFrom().voidItem();
    }
    return TargetService.<TargetService>findById(hostedServiceId)
        .onItem()
        .ifNull()
        .failWith(
            () ->
                ProblemException.invalidField(
                    "hostedServiceId", "no such hosted service in the inventory"))
        .chain(() -> TopologyLoader.load(server, null))
        .invoke(
            topology -> {
              boolean runsThere =
                  topology.services().stream()
                      .map(Topology.ServiceView::id)
                      .anyMatch(hostedServiceId::equals);
              if (!runsThere) {
                throw ProblemException.invalidField(
                    "hostedServiceId",
                    "does not run on server " + server.hostname + " nor on its guests");
              }
            })
        .replaceWithVoid();
  }
}
