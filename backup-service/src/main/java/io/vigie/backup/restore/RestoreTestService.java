package io.vigie.backup.restore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.policy.PolicyService;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Restore tests as evidence: scheduled per policy (its own cron in the policy's time zone, else the
 * default), handed to the agent when due, their results kept with timestamps, and the policies
 * whose test was not run within the grace reported as overdue.
 */
@ApplicationScoped
public class RestoreTestService {

  static final Keyset NEWEST_FIRST =
      Keyset.descending("started_at", "timestamptz").then("id", "uuid");

  private static final String STANDINGS =
      """
      select p.id, p.tenant, p.name, p.time_zone, p.active_since,
             coalesce(s.schedule, $1) as schedule, s.schedule is not null as custom,
             coalesce(s.version, 0) as version,
             (select max(t.started_at) from restore_test t where t.policy_id = p.id) as attempt,
             (select max(t.started_at) from restore_test t
               where t.policy_id = p.id and t.succeeded) as succeeded
      from backup_policy p left join restore_test_schedule s on s.policy_id = p.id
      where ($2::text is null or p.tenant = $2) and ($3::uuid is null or p.id = $3)
      order by p.tenant, p.name, p.id
      """;

  private final InstantSource clock;
  private final RestoreTestConfig config;
  private final Reads reads;
  private final Pool pool;
  private final PolicyService policies;

  public RestoreTestService(
      InstantSource clock,
      RestoreTestConfig config,
      Reads reads,
      Pool pool,
      PolicyService policies) {
    this.clock = clock;
    this.config = config;
    this.reads = reads;
    this.pool = pool;
    this.policies = policies;
  }

  /** Records what an agent found restoring a snapshot of a policy's repository. */
  @WithTransaction
  public Uni<RestoreTestView> record(RestoreTestReport report, Caller caller) {
    if (!caller.isAgent() && !caller.canOperate()) {
      throw ProblemException.forbidden("Only agents and operators report restore tests");
    }
    if (report.finishedAt().isBefore(report.startedAt())) {
      throw ProblemException.invalidField("finishedAt", "is before startedAt");
    }
    if (!report.succeeded() && (report.reason() == null || report.reason().isBlank())) {
      throw ProblemException.invalidField("reason", "a failed restore test says why");
    }
    Instant now = now();
    return BackupPolicy.<BackupPolicy>findById(report.policyId())
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.invalidField("policyId", "no policy " + report.policyId()))
        .chain(
            policy ->
                PolicyCopy.count(
                        "policyId = ?1 and repositoryId = ?2", policy.id, report.repositoryId())
                    .chain(
                        n -> {
                          if (n == 0) {
                            throw ProblemException.invalidField(
                                "repositoryId", "is not one of the policy's copies");
                          }
                          RestoreTest t = new RestoreTest();
                          t.id = Uuids.timeOrdered();
                          t.policyId = policy.id;
                          t.tenant = policy.tenant;
                          t.repositoryId = report.repositoryId();
                          t.snapshotId = report.snapshotId();
                          t.snapshotTime = micros(report.snapshotTime());
                          t.succeeded = report.succeeded();
                          t.startedAt = micros(report.startedAt());
                          t.finishedAt = micros(report.finishedAt());
                          t.filesChecked = report.filesChecked();
                          t.bytesChecked = report.bytesChecked();
                          t.reason = report.succeeded() ? null : report.reason();
                          t.log = cut(report.log());
                          t.reportedBy = caller.name();
                          t.createdAt = now;
                          return t.<RestoreTest>persist().map(RestoreTestView::of);
                        }));
  }

  /** A policy's restore tests, newest first, for a caller who may see the policy. */
  public Uni<Listing<RestoreTestView>> list(UUID policyId, PageRequest page, Caller caller) {
    return policies
        .read(policyId, caller)
        .chain(
            found ->
                reads.page(
                    SqlQuery.select("doc", "restore_test_document")
                        .where("policy_id = ?", policyId)
                        .keyset(NEWEST_FIRST),
                    page));
  }

  /** Where a policy's restore tests stand, for a caller who may see the policy. */
  public Uni<RestoreScheduleView> schedule(UUID policyId, Caller caller) {
    return policies
        .read(policyId, caller)
        .chain(found -> standings(null, policyId))
        .map(list -> view(list.get(0)));
  }

  /**
   * Sets a policy's restore test schedule; If-Match with the version read (0: the default). The
   * standing is read once the change has committed.
   */
  public Uni<RestoreScheduleView> setSchedule(
      UUID policyId, String ifMatch, RestoreScheduleRequest request, Caller caller) {
    caller.requireOperator();
    return Panache.withTransaction(
            () ->
                PolicyService.visible(policyId, caller)
                    .chain(
                        policy -> {
                          try {
                            CronSchedule.parse(request.schedule(), ZoneId.of(policy.timeZone));
                          } catch (IllegalArgumentException e) {
                            throw ProblemException.invalidField("schedule", e.getMessage());
                          }
                          return RestoreSchedule.<RestoreSchedule>findById(policyId);
                        })
                    .chain(
                        existing -> {
                          ETags.requireMatch(ifMatch, existing == null ? 0 : existing.version);
                          RestoreSchedule s = existing == null ? new RestoreSchedule() : existing;
                          s.policyId = policyId;
                          s.schedule = request.schedule().trim();
                          s.version = existing == null ? 1 : existing.version + 1;
                          s.updatedAt = now();
                          return existing == null
                              ? s.persist().replaceWithVoid()
                              : Uni.createFrom().voidItem();
                        }))
        .chain(() -> standings(null, policyId))
        .map(list -> view(list.get(0)));
  }

  /** The policies whose restore test is overdue, of one client or (staff) of all. */
  public Uni<List<OverdueRestoreTest>> overdue(String tenant, Caller caller) {
    String scope;
    if (caller.isStaff()) {
      scope = tenant;
    } else if (caller.isClient()) {
      if (tenant != null && !tenant.equals(caller.tenant())) {
        return Uni.createFrom().item(List.of());
      }
      scope = caller.tenant();
    } else {
      return Uni.createFrom().item(List.of());
    }
    Instant now = now();
    return standings(scope, null)
        .map(
            list -> {
              List<OverdueRestoreTest> out = new ArrayList<>();
              for (RestoreStanding s : list) {
                s.overdue(config.grace(), now)
                    .ifPresent(
                        due ->
                            out.add(
                                new OverdueRestoreTest(
                                    s.policyId(),
                                    s.tenant(),
                                    s.policyName(),
                                    s.schedule(),
                                    due,
                                    s.lastAttempt(),
                                    s.lastSucceeded())));
              }
              out.sort(Comparator.comparing(OverdueRestoreTest::dueAt));
              return out;
            });
  }

  /** Every policy's standing, of one client or all ({@code tenant} null), or one policy. */
  public Uni<List<RestoreStanding>> standings(String tenant, UUID policyId) {
    return pool.preparedQuery(STANDINGS)
        .execute(Tuple.of(config.schedule(), tenant, policyId))
        .map(
            rows -> {
              List<RestoreStanding> out = new ArrayList<>(rows.size());
              for (Row r : rows) {
                out.add(
                    new RestoreStanding(
                        r.getUUID("id"),
                        r.getString("tenant"),
                        r.getString("name"),
                        ZoneId.of(r.getString("time_zone")),
                        r.getString("schedule"),
                        r.getBoolean("custom"),
                        r.getLong("version"),
                        instant(r.getOffsetDateTime("active_since")),
                        instant(r.getOffsetDateTime("attempt")),
                        instant(r.getOffsetDateTime("succeeded"))));
              }
              return out;
            });
  }

  private RestoreScheduleView view(RestoreStanding s) {
    Instant now = now();
    return new RestoreScheduleView(
        s.policyId(),
        s.schedule(),
        s.zone().getId(),
        s.custom(),
        s.nextDue().orElse(null),
        s.overdue(config.grace(), now).isPresent(),
        s.lastAttempt(),
        s.lastSucceeded(),
        s.version());
  }

  private String cut(String log) {
    if (log == null || log.length() <= config.maxLogChars()) {
      return log;
    }
    return log.substring(0, config.maxLogChars());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Instant micros(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
