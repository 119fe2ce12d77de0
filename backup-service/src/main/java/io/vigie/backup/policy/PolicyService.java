package io.vigie.backup.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.BackupConfig;
import io.vigie.backup.Problems;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.backup.repository.BackupRepository;
import io.vigie.backup.retention.ResticDuration;
import io.vigie.backup.retention.RetentionRules;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.events.backup.BackupKind;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Backup policies: created and changed by operators, checked against the client's contract and the
 * inventory before anything is written; read by staff and by the client they belong to.
 */
@ApplicationScoped
public class PolicyService {

  public static final String WHAT = "Backup policy";

  /** Policies by client, name, then id. */
  static final Keyset BY_TENANT_AND_NAME =
      Keyset.ascending("tenant", "text").then("name", "text").then("id", "uuid");

  private final InstantSource clock;
  private final BackupConfig config;
  private final Reads reads;

  public PolicyService(InstantSource clock, BackupConfig config, Reads reads) {
    this.clock = clock;
    this.config = config;
    this.reads = reads;
  }

  /** Filters of the policy list; any may be null. */
  public record PolicyFilter(
      String tenant, UUID targetId, BackupKind kind, UUID repositoryId, String name) {}

  /** A page of policies, rendered by PostgreSQL ({@code policy_document}). */
  public Uni<Listing<PolicyView>> list(PolicyFilter f, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "policy_document")
            .where("tenant = ?", f.tenant())
            .where("target_id = ?", f.targetId())
            .where("kind = ?", f.kind() == null ? null : f.kind().name())
            .where(
                "id in (select c.policy_id from backup_policy_copy c where c.repository_id = ?)",
                f.repositoryId())
            .where(
                "lower(name) like ?",
                f.name() == null ? null : "%" + f.name().toLowerCase(Locale.ROOT) + "%")
            .keyset(BY_TENANT_AND_NAME);
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  /** One policy as the caller may see it (404 when it may not). */
  public Uni<PolicyView> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "policy_document").where("id = ?", id);
    return reads
        .one(TenantScope.restrict(query, caller, "tenant = ?"), PolicyView.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, id));
  }

  @WithTransaction
  public Uni<PolicyView> create(PolicyRequest request, Caller caller) {
    caller.requireOperator();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    BackupPolicy p = new BackupPolicy();
    p.id = Uuids.timeOrdered();
    p.version = 1;
    p.createdAt = now;
    p.activeSince = now;
    return resolve(request, now)
        .chain(
            draft -> {
              apply(p, request, draft, now);
              List<PolicyCopy> copies = copies(p.id, draft, List.of());
              return clash(p)
                  .chain(() -> p.<BackupPolicy>persist())
                  .call(() -> PolicyCopy.persist(copies))
                  .call(Panache::flush)
                  .map(saved -> view(saved, copies, draft.repositories()));
            });
  }

  @WithTransaction
  public Uni<PolicyView> update(UUID id, String ifMatch, PolicyRequest request, Caller caller) {
    caller.requireOperator();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return visible(id, caller)
        .chain(
            p -> {
              ETags.requireMatch(ifMatch, p.version);
              if (!p.tenant.equals(request.tenant())) {
                throw ProblemException.invalidField(
                    "tenant", "a policy stays with its client (" + p.tenant + ")");
              }
              return PolicyCopy.<PolicyCopy>list("policyId = ?1 order by position", p.id)
                  .chain(
                      existing ->
                          resolve(request, now)
                              .chain(
                                  draft -> {
                                    apply(p, request, draft, now);
                                    p.version++;
                                    List<PolicyCopy> copies = copies(p.id, draft, existing);
                                    return clash(p)
                                        .call(() -> PolicyCopy.delete("policyId", p.id))
                                        .call(Panache::flush)
                                        .call(() -> PolicyCopy.persist(copies))
                                        .call(Panache::flush)
                                        .map(x -> view(p, copies, draft.repositories()));
                                  }));
            });
  }

  /** A policy the caller may see, else 404. */
  public static Uni<BackupPolicy> visible(UUID id, Caller caller) {
    return BackupPolicy.<BackupPolicy>findById(id)
        .map(p -> TenantScope.visibleOr404(p, p == null ? null : p.tenant, caller, WHAT, id));
  }

  static PolicyView view(
      BackupPolicy p, List<PolicyCopy> copies, Map<UUID, BackupRepository> repos) {
    return PolicyView.of(
        p,
        copies.stream()
            .map(
                c -> {
                  BackupRepository r = repos.get(c.repositoryId);
                  return new PolicyView.CopyView(
                      c.repositoryId,
                      r == null ? null : r.name,
                      r == null ? null : r.datacenterCode,
                      c.schedule,
                      c.maxAge(),
                      "/ping/" + c.pingKey);
                })
            .toList());
  }

  /** Everything a request needs checked, resolved before anything is written. */
  record Draft(
      InventoryClient client,
      Targets.Resolved target,
      ZoneId zone,
      Duration rpo,
      Duration grace,
      Duration maxRun,
      RetentionRules retention,
      List<UUID> repositoryIds,
      List<String> schedules,
      List<Duration> maxAges,
      Map<UUID, BackupRepository> repositories) {}

  private Uni<Draft> resolve(PolicyRequest request, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    ZoneId zone = ZoneId.of("UTC");
    if (request.timeZone() != null) {
      try {
        zone = ZoneId.of(request.timeZone());
      } catch (DateTimeException e) {
        errors.add(
            new FieldError("timeZone", "'" + request.timeZone() + "' is not an IANA time zone"));
      }
    }
    positive(errors, "rpo", request.rpo());
    positive(errors, "startGrace", request.startGrace());
    positive(errors, "maxRunDuration", request.maxRunDuration());
    RetentionRules retention = null;
    if (request.retention() != null) {
      PolicyRequest.Retention r = request.retention();
      ResticDuration within = null;
      if (r.keepWithin() != null) {
        try {
          within = ResticDuration.parse(r.keepWithin());
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("retention.keepWithin", e.getMessage()));
        }
      }
      retention =
          RetentionRules.counts(
                  r.keepLast(),
                  r.keepHourly(),
                  r.keepDaily(),
                  r.keepWeekly(),
                  r.keepMonthly(),
                  r.keepYearly())
              .withWithin(within);
      if (retention.isEmpty()) {
        errors.add(new FieldError("retention", "keeps nothing: give at least one keep rule"));
      }
    }
    for (int i = 0; i < request.copies().size(); i++) {
      PolicyRequest.Copy copy = request.copies().get(i);
      positive(errors, "copies[" + i + "].maxAge", copy.maxAge());
      if (copy.schedule() != null) {
        try {
          CronSchedule.parse(copy.schedule(), zone);
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("copies[" + i + "].schedule", e.getMessage()));
        }
      }
    }
    ZoneId policyZone = zone;
    RetentionRules requested = retention;
    List<UUID> repositoryIds =
        request.copies().stream().map(PolicyRequest.Copy::repositoryId).toList();
    return InventoryClient.byCode(request.tenant())
        .chain(
            client -> {
              if (client == null) {
                errors.add(
                    new FieldError(
                        "tenant", "no client " + request.tenant() + " in the inventory"));
                Problems.throwIfAny(errors);
              }
              return Targets.resolve(request.target(), request.tenant())
                  .invoke(
                      found -> {
                        if (found == null) {
                          errors.add(
                              new FieldError(
                                  "target.id",
                                  Targets.unknown(request.target(), request.tenant())));
                        }
                      })
                  .chain(
                      target ->
                          BackupRepository.<BackupRepository>list("id in ?1", repositoryIds)
                              .map(
                                  repos -> {
                                    Map<UUID, BackupRepository> byId = new HashMap<>();
                                    repos.forEach(r -> byId.put(r.id, r));
                                    return draft(
                                        request,
                                        client,
                                        target,
                                        policyZone,
                                        requested,
                                        byId,
                                        errors,
                                        now);
                                  }));
            });
  }

  private Draft draft(
      PolicyRequest request,
      InventoryClient client,
      Targets.Resolved target,
      ZoneId zone,
      RetentionRules retention,
      Map<UUID, BackupRepository> repositories,
      List<FieldError> errors,
      Instant now) {
    List<ContractCheck.Placement> placements = new ArrayList<>();
    for (int i = 0; i < request.copies().size(); i++) {
      BackupRepository r = repositories.get(request.copies().get(i).repositoryId());
      if (r == null || (r.tenant != null && !r.tenant.equals(request.tenant()))) {
        errors.add(
            new FieldError(
                "copies[" + i + "].repositoryId",
                "no repository "
                    + request.copies().get(i).repositoryId()
                    + " for client "
                    + request.tenant()));
      } else {
        placements.add(new ContractCheck.Placement(r.id, r.datacenterCode));
      }
    }
    Problems.throwIfAny(errors);
    Promise promise = promise(client);
    errors.addAll(ContractCheck.check(promise, target.datacenters(), placements));
    Problems.throwIfAny(errors);
    Duration grace = request.startGrace() != null ? request.startGrace() : config.startGrace();
    List<String> schedules = new ArrayList<>();
    List<Duration> maxAges = new ArrayList<>();
    for (PolicyRequest.Copy copy : request.copies()) {
      String schedule =
          copy.schedule() != null
              ? copy.schedule().trim()
              : PolicyDefaults.schedule(promise, request.kind());
      schedules.add(schedule);
      maxAges.add(
          copy.maxAge() != null
              ? copy.maxAge()
              : PolicyDefaults.copyMaxAge(CronSchedule.parse(schedule, zone), grace, now));
    }
    return new Draft(
        client,
        target,
        zone,
        request.rpo() != null ? request.rpo() : PolicyDefaults.rpo(promise, request.kind()),
        grace,
        request.maxRunDuration() != null ? request.maxRunDuration() : config.maxRunDuration(),
        retention != null ? retention : PolicyDefaults.retention(promise, request.kind()),
        request.copies().stream().map(PolicyRequest.Copy::repositoryId).toList(),
        schedules,
        maxAges,
        repositories);
  }

  static Promise promise(InventoryClient c) {
    return new Promise(
        c.databaseEveryHours,
        c.databaseRetentionDays,
        c.filesRetentionDays,
        c.copies,
        c.distinctSites,
        c.drpRpo());
  }

  private static void positive(List<FieldError> errors, String field, Duration d) {
    if (d != null && (d.isNegative() || d.isZero())) {
      errors.add(new FieldError(field, "must be a positive duration such as PT2H"));
    }
  }

  private static void apply(BackupPolicy p, PolicyRequest request, Draft draft, Instant now) {
    p.tenant = request.tenant();
    p.name = request.name().strip();
    p.kind = request.kind();
    p.targetKind = request.target().kind();
    p.targetId = request.target().id();
    p.targetName = draft.target().name();
    p.timeZone = draft.zone().getId();
    p.rpoSeconds = draft.rpo().toSeconds();
    p.startGraceSeconds = draft.grace().toSeconds();
    p.maxRunSeconds = draft.maxRun().toSeconds();
    p.retention(draft.retention());
    p.updatedAt = now;
  }

  /**
   * The copies to store; a copy keeping its repository keeps its ping key, so tools go on working.
   */
  private static List<PolicyCopy> copies(UUID policyId, Draft draft, List<PolicyCopy> existing) {
    Map<UUID, UUID> keys = new HashMap<>();
    existing.forEach(c -> keys.put(c.repositoryId, c.pingKey));
    List<PolicyCopy> copies = new ArrayList<>();
    for (int i = 0; i < draft.repositoryIds().size(); i++) {
      PolicyCopy c = new PolicyCopy();
      c.id = Uuids.timeOrdered();
      c.policyId = policyId;
      c.position = i;
      c.repositoryId = draft.repositoryIds().get(i);
      c.schedule = draft.schedules().get(i);
      c.maxAgeSeconds = draft.maxAges().get(i).toSeconds();
      // random (v4) UUIDs: 122 bits from SecureRandom, so a ping URL cannot be guessed
      c.pingKey = keys.getOrDefault(c.repositoryId, UUID.randomUUID());
      copies.add(c);
    }
    return copies;
  }

  private static Uni<Void> clash(BackupPolicy p) {
    return BackupPolicy.count("tenant = ?1 and name = ?2 and id <> ?3", p.tenant, p.name, p.id)
        .map(
            n -> {
              if (n > 0) {
                throw ProblemException.conflict(
                    "client " + p.tenant + " already has a policy named " + p.name);
              }
              return null;
            })
        .replaceWithVoid();
  }
}
