package io.vigie.backup.agent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.backup.policy.PolicyService;
import io.vigie.backup.repository.RepositoryKind;
import io.vigie.backup.restore.RestoreStanding;
import io.vigie.backup.restore.RestoreTestService;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.events.backup.BackupKind;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the reference agent on a host runs: the policies whose target is that host (a server by its
 * hostname, a VM or container by its name, a hosted service on the first of its hosts by name) and
 * that have agent settings; of those, each restic copy whose scheduled run is due ({@link JobDue}),
 * and the restore test when it is due and a restore point is known.
 */
@ApplicationScoped
public class AgentService {

  public static final String SETTINGS = "Agent settings";

  private static final String HOST_POLICIES =
      """
      select p.id from backup_policy p join agent_settings a on a.policy_id = p.id
      where (p.target_kind = 'SERVER'
             and p.target_id in (select s.id from inventory_server s where s.hostname = $1))
         or (p.target_kind = 'VIRTUAL_MACHINE'
             and p.target_id in (select g.id from inventory_guest g where g.name = $1))
         or (p.target_kind = 'HOSTED_SERVICE' and p.target_id in (
             select hs.id from inventory_hosted_service hs
             where $1 = (select min(h.name) from (
                 select s.hostname as name from inventory_server s
                 where s.id::text = any(string_to_array(hs.server_ids, ','))
                 union all
                 select g.name from inventory_guest g
                 where g.id::text = any(string_to_array(hs.virtual_machine_ids, ','))) h)))
      """;

  private static final String COPIES =
      """
      select p.id as policy_id, p.name as policy_name, p.kind as policy_kind, p.time_zone,
             p.active_since, p.keep_last, p.keep_hourly, p.keep_daily, p.keep_weekly,
             p.keep_monthly, p.keep_yearly, p.keep_within,
             a.paths, a.excludes, a.tags,
             c.schedule, c.ping_key,
             r.id as repository_id, r.name as repository_name, r.kind as repository_kind,
             r.location, r.password_ref,
             (select max(b.started_at) from backup_run b where b.copy_id = c.id) as latest_start
      from backup_policy p
      join agent_settings a on a.policy_id = p.id
      join backup_policy_copy c on c.policy_id = p.id
      join backup_repository r on r.id = c.repository_id
      where p.id = any($1) and r.kind like 'RESTIC%'
      order by p.tenant, p.name, p.id, c.position
      """;

  private static final String NEWEST_POINT =
      """
      select s.repository_id, s.snapshot_id, s.taken_at from backup_snapshot s
      join backup_repository r on r.id = s.repository_id
      join backup_policy_copy c on c.repository_id = s.repository_id and c.policy_id = s.policy_id
      where s.policy_id = $1 and r.kind like 'RESTIC%'
      order by s.taken_at desc limit 1
      """;

  private final InstantSource clock;
  private final Pool pool;
  private final PolicyService policies;
  private final RestoreTestService restoreTests;

  public AgentService(
      InstantSource clock, Pool pool, PolicyService policies, RestoreTestService restoreTests) {
    this.clock = clock;
    this.pool = pool;
    this.policies = policies;
    this.restoreTests = restoreTests;
  }

  /** A policy's agent settings, for a caller who may see the policy; 404 when it has none. */
  public Uni<AgentSettingsView> settings(UUID policyId, Caller caller) {
    return policies
        .read(policyId, caller)
        .chain(() -> Panache.withSession(() -> AgentSettings.<AgentSettings>findById(policyId)))
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(SETTINGS, policyId))
        .map(AgentSettingsView::of);
  }

  /** Creates a policy's agent settings, or replaces them with If-Match. */
  @WithTransaction
  public Uni<AgentSettingsView> replace(
      UUID policyId, String ifMatch, AgentSettingsRequest request, Caller caller) {
    caller.requireOperator();
    return PolicyService.visible(policyId, caller)
        .chain(() -> AgentSettings.<AgentSettings>findById(policyId))
        .chain(
            existing -> {
              if (existing != null) {
                ETags.requireMatch(ifMatch, existing.version);
              }
              AgentSettings s = existing == null ? new AgentSettings() : existing;
              s.policyId = policyId;
              s.paths = request.paths().toArray(String[]::new);
              s.excludes = orEmpty(request.excludes());
              s.tags = orEmpty(request.tags());
              s.version = existing == null ? 1 : existing.version + 1;
              s.updatedAt = now();
              Uni<?> saved = existing == null ? s.persist() : Uni.createFrom().voidItem();
              return saved.call(Panache::flush).map(x -> AgentSettingsView.of(s));
            });
  }

  /** The jobs due now for the agent on {@code host}. */
  public Uni<AgentJobs> jobs(String host, Caller caller) {
    if (!caller.isAgent() && !caller.canOperate()) {
      throw ProblemException.forbidden("Only agents and operators read an agent's jobs");
    }
    Instant now = now();
    return pool.preparedQuery(HOST_POLICIES)
        .execute(Tuple.of(host))
        .map(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getUUID(0)));
              return ids;
            })
        .chain(
            ids ->
                ids.isEmpty()
                    ? Uni.createFrom().item(new AgentJobs(host, now, List.of(), List.of()))
                    : pool.preparedQuery(COPIES)
                        .execute(Tuple.of(ids.toArray(UUID[]::new)))
                        .chain(rows -> jobs(host, rows, now)));
  }

  private Uni<AgentJobs> jobs(
      String host, io.vertx.mutiny.sqlclient.RowSet<Row> rows, Instant now) {
    List<AgentJobs.BackupJob> backups = new ArrayList<>();
    Map<UUID, Row> policyRows = new LinkedHashMap<>();
    for (Row r : rows) {
      UUID policyId = r.getUUID("policy_id");
      policyRows.putIfAbsent(policyId, r);
      CronSchedule schedule =
          CronSchedule.parse(r.getString("schedule"), ZoneId.of(r.getString("time_zone")));
      Optional<Instant> due =
          JobDue.due(
              schedule,
              instant(r.getOffsetDateTime("latest_start")),
              instant(r.getOffsetDateTime("active_since")),
              now);
      due.ifPresent(
          at ->
              backups.add(
                  new AgentJobs.BackupJob(
                      policyId,
                      r.getString("policy_name"),
                      BackupKind.valueOf(r.getString("policy_kind")),
                      r.getString("time_zone"),
                      at,
                      repository(r),
                      strings(r, "paths"),
                      strings(r, "excludes"),
                      strings(r, "tags"),
                      new AgentJobs.Retention(
                          r.getInteger("keep_last"),
                          r.getInteger("keep_hourly"),
                          r.getInteger("keep_daily"),
                          r.getInteger("keep_weekly"),
                          r.getInteger("keep_monthly"),
                          r.getInteger("keep_yearly"),
                          r.getString("keep_within")),
                      "/api/v1/runs/restic",
                      "/ping/" + r.getUUID("ping_key"))));
    }
    Uni<List<AgentJobs.RestoreTestJob>> restores = Uni.createFrom().item(new ArrayList<>());
    for (Map.Entry<UUID, Row> entry : policyRows.entrySet()) {
      restores =
          restores.chain(list -> restoreJob(entry.getKey(), rows, now).map(job -> add(list, job)));
    }
    return restores.map(list -> new AgentJobs(host, now, backups, list));
  }

  private Uni<AgentJobs.RestoreTestJob> restoreJob(
      UUID policyId, io.vertx.mutiny.sqlclient.RowSet<Row> rows, Instant now) {
    return restoreTests
        .standings(null, policyId)
        .chain(
            standings -> {
              RestoreStanding standing = standings.get(0);
              Optional<Instant> due = standing.due(now);
              if (due.isEmpty()) {
                return Uni.createFrom().nullItem();
              }
              return pool.preparedQuery(NEWEST_POINT)
                  .execute(Tuple.of(policyId))
                  .map(
                      points -> {
                        if (points.size() == 0) {
                          return null;
                        }
                        Row point = points.iterator().next();
                        UUID repositoryId = point.getUUID("repository_id");
                        for (Row r : rows) {
                          if (r.getUUID("policy_id").equals(policyId)
                              && r.getUUID("repository_id").equals(repositoryId)) {
                            return new AgentJobs.RestoreTestJob(
                                policyId,
                                r.getString("policy_name"),
                                due.get(),
                                repository(r),
                                point.getString("snapshot_id"),
                                instant(point.getOffsetDateTime("taken_at")),
                                strings(r, "tags"),
                                "/api/v1/restore-tests");
                          }
                        }
                        return null;
                      });
            });
  }

  private static <T> List<T> add(List<T> list, T item) {
    if (item != null) {
      list.add(item);
    }
    return list;
  }

  private static AgentJobs.Repository repository(Row r) {
    return new AgentJobs.Repository(
        r.getUUID("repository_id"),
        r.getString("repository_name"),
        RepositoryKind.valueOf(r.getString("repository_kind")),
        r.getString("location"),
        r.getString("password_ref"));
  }

  private static List<String> strings(Row r, String column) {
    String[] values = r.getArrayOfStrings(column);
    return values == null ? List.of() : Arrays.asList(values);
  }

  private static String[] orEmpty(List<String> values) {
    return values == null ? new String[0] : values.toArray(String[]::new);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
