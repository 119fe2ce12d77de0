package io.vigie.backup.watch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.repository.BackupRepository;
import io.vigie.backup.rpo.RestorePoint;
import io.vigie.backup.rpo.RpoVerdict;
import io.vigie.backup.rpo.RpoWatch;
import io.vigie.backup.run.BackupRun;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.backup.schedule.DueWatch;
import io.vigie.backup.schedule.RunState;
import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import io.vigie.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Watches every policy's promise on a schedule: a copy whose run did not start within its due time
 * plus grace publishes {@code BackupOverdue} once per missed due time; a started run past its
 * longest duration becomes {@code RUNNING_TOO_LONG} and publishes {@code BackupFailed}; the RPO
 * over every repository and each datacenter's copy publish {@code RpoBreached} when they break and
 * {@code RpoRestored} when they hold again. State and events commit together.
 */
@ApplicationScoped
public class BackupWatcher {

  private static final String ACTOR = "backup-watcher";

  private final InstantSource clock;
  private final Outbox outbox;

  public BackupWatcher(InstantSource clock, Outbox outbox) {
    this.clock = clock;
    this.outbox = outbox;
  }

  @Scheduled(
      every = "${vigie.backup.watch.interval}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return sweep(clock.instant().truncatedTo(ChronoUnit.MICROS)).replaceWithVoid();
  }

  /** One pass over every policy as of {@code now}; returns how many events it published. */
  public Uni<Integer> sweep(Instant now) {
    return sweep(now, BackupPolicy::<BackupPolicy>listAll);
  }

  /** The same pass over one policy. */
  public Uni<Integer> sweep(Instant now, UUID policyId) {
    return sweep(now, () -> BackupPolicy.<BackupPolicy>list("id", policyId));
  }

  private Uni<Integer> sweep(Instant now, Supplier<Uni<List<BackupPolicy>>> policies) {
    return Panache.withTransaction(
        () ->
            policies
                .get()
                .chain(
                    list -> {
                      int[] published = {0};
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (BackupPolicy policy : list) {
                        chain = chain.chain(() -> watch(policy, now, published));
                      }
                      return chain.map(x -> published[0]);
                    }));
  }

  private Uni<Void> watch(BackupPolicy policy, Instant now, int[] published) {
    return PolicyCopy.<PolicyCopy>list("policyId", policy.id)
        .chain(
            copies ->
                BackupRepository.<BackupRepository>list(
                        "id in ?1", copies.stream().map(c -> c.repositoryId).toList())
                    .chain(
                        repos -> {
                          Map<UUID, String> siteOf = new HashMap<>();
                          repos.forEach(r -> siteOf.put(r.id, r.datacenterCode));
                          Uni<Void> chain = Uni.createFrom().voidItem();
                          for (PolicyCopy copy : copies) {
                            chain = chain.chain(() -> overdue(policy, copy, now, published));
                          }
                          return chain
                              .chain(() -> tooLong(policy, now, published))
                              .chain(() -> rpo(policy, copies, siteOf, now, published));
                        }));
  }

  private Uni<Void> overdue(BackupPolicy policy, PolicyCopy copy, Instant now, int[] published) {
    return BackupRun.<BackupRun>find(
            "copyId = ?1 and startedAt is not null order by startedAt desc", copy.id)
        .firstResult()
        .chain(
            latest -> {
              CronSchedule schedule = CronSchedule.parse(copy.schedule, policy.zone());
              Optional<Instant> missed =
                  DueWatch.overdue(
                      schedule,
                      latest == null ? null : latest.startedAt,
                      policy.activeSince,
                      policy.startGrace(),
                      now);
              if (missed.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              Instant due = missed.get();
              return CopyWatch.<CopyWatch>findById(copy.id)
                  .chain(
                      state -> {
                        if (state != null && !state.overdueDueAt.isBefore(due)) {
                          return Uni.createFrom().voidItem();
                        }
                        CopyWatch next = state == null ? new CopyWatch() : state;
                        next.copyId = copy.id;
                        next.overdueDueAt = due;
                        published[0]++;
                        Uni<?> saved = state == null ? next.persist() : Uni.createFrom().voidItem();
                        return saved.chain(
                            () ->
                                outbox.record(
                                    new BackupOverdue(
                                        policy.id,
                                        policy.tenant,
                                        policy.target(),
                                        policy.kind,
                                        due,
                                        now),
                                    ACTOR));
                      });
            });
  }

  private Uni<Void> tooLong(BackupPolicy policy, Instant now, int[] published) {
    return BackupRun.<BackupRun>list(
            "policyId = ?1 and state = ?2 and startedAt < ?3",
            policy.id,
            RunState.STARTED,
            now.minus(policy.maxRun()))
        .chain(
            runs -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (BackupRun run : runs) {
                run.state = RunState.RUNNING_TOO_LONG;
                run.reason = "running too long: no finish within " + policy.maxRun();
                run.updatedAt = now;
                published[0]++;
                chain =
                    chain.chain(
                        () ->
                            outbox.record(
                                new BackupFailed(
                                    policy.id,
                                    run.id,
                                    policy.tenant,
                                    policy.target(),
                                    policy.kind,
                                    run.startedAt,
                                    now,
                                    run.reason,
                                    run.log),
                                ACTOR));
              }
              return chain;
            });
  }

  private Uni<Void> rpo(
      BackupPolicy policy,
      List<PolicyCopy> copies,
      Map<UUID, String> siteOf,
      Instant now,
      int[] published) {
    Map<String, Duration> sites = new HashMap<>();
    for (PolicyCopy copy : copies) {
      sites.merge(
          siteOf.get(copy.repositoryId), copy.maxAge(), (a, b) -> a.compareTo(b) > 0 ? a : b);
    }
    return BackupRun.<BackupRun>list("policyId = ?1 and state = ?2", policy.id, RunState.SUCCEEDED)
        .chain(
            good -> {
              List<RestorePoint> points = new ArrayList<>();
              for (BackupRun run : good) {
                Instant taken = run.startedAt != null ? run.startedAt : run.finishedAt;
                points.add(new RestorePoint(taken, siteOf.get(run.repositoryId)));
              }
              RpoVerdict verdict =
                  RpoWatch.judge(policy.rpo(), sites, points, policy.activeSince, now);
              Uni<Void> chain =
                  breach(policy, "", verdict.breached(), verdict.newest(), now, published);
              for (RpoVerdict.SiteVerdict site : verdict.sites()) {
                chain =
                    chain.chain(
                        () ->
                            breach(
                                policy,
                                site.datacenterCode(),
                                site.breached(),
                                site.newest(),
                                now,
                                published));
              }
              return chain;
            });
  }

  private Uni<Void> breach(
      BackupPolicy policy,
      String site,
      boolean breached,
      Instant newest,
      Instant now,
      int[] published) {
    RpoWatchState.Key key = new RpoWatchState.Key(policy.id, site);
    String dc = site.isEmpty() ? null : site;
    return RpoWatchState.<RpoWatchState>findById(key)
        .chain(
            state -> {
              Supplier<Uni<Void>> nothing = () -> Uni.createFrom().voidItem();
              if (breached && state == null) {
                RpoWatchState open = new RpoWatchState();
                open.key = key;
                open.breachedAt = now;
                published[0]++;
                return open.persist()
                    .chain(
                        () ->
                            outbox.record(
                                new RpoBreached(
                                    policy.id,
                                    policy.tenant,
                                    policy.target(),
                                    policy.rpo(),
                                    dc,
                                    newest,
                                    now),
                                ACTOR));
              }
              if (!breached && state != null) {
                published[0]++;
                Instant breachedAt = state.breachedAt;
                return state
                    .delete()
                    .chain(
                        () ->
                            outbox.record(
                                new RpoRestored(
                                    policy.id,
                                    policy.tenant,
                                    policy.target(),
                                    policy.rpo(),
                                    dc,
                                    newest,
                                    breachedAt,
                                    now),
                                ACTOR));
              }
              return nothing.get();
            });
  }
}
