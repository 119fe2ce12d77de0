package io.vigie.backup.watch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

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
  private static final Logger LOG = Logger.getLogger(BackupWatcher.class);

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
    return sweep(now, null);
  }

  /**
   * The same pass over one policy ({@code null}: every policy).
   *
   * <p>A pass reads what it needs in a fixed number of queries, whatever the number of policies
   * (every policy, copy and repository, each copy's latest start, each policy and repository's
   * newest good point, the open runs and what the watcher last reported), judges in memory, and
   * writes only what changed: 10,000 policies are swept in one short transaction (see {@code
   * benchmarks/run-backup.sh}) where a query per policy and copy took minutes.
   */
  public Uni<Integer> sweep(Instant now, UUID policyId) {
    long t0 = System.nanoTime();
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(session -> Snapshot.read(session, policyId))
                    .chain(snapshot -> judge(snapshot, now)))
        .invoke(
            published ->
                LOG.debugf(
                    "swept at %s in %d ms, %d events",
                    now, (System.nanoTime() - t0) / 1_000_000, published));
  }

  /** What one pass reads, in bulk. */
  private record Snapshot(
      List<BackupPolicy> policies,
      Map<UUID, List<PolicyCopy>> copiesOf,
      Map<UUID, String> siteOf,
      Map<UUID, Instant> latestStart,
      Map<UUID, Map<UUID, Instant>> newestGood,
      Map<UUID, List<BackupRun>> open,
      Map<UUID, CopyWatch> copyWatch,
      Map<RpoWatchState.Key, RpoWatchState> rpoWatch) {

    static Uni<Snapshot> read(Mutiny.Session session, UUID policyId) {
      String onePolicy = policyId == null ? "" : " and policyId = :policy";
      return list(
              session, BackupPolicy.class, policyId == null ? "" : " where id = :policy", policyId)
          .chain(
              policies ->
                  list(
                          session,
                          PolicyCopy.class,
                          policyId == null ? "" : " where policyId = :policy",
                          policyId)
                      .chain(
                          copies ->
                              list(session, BackupRepository.class, "", null)
                                  .chain(
                                      repos ->
                                          rows(
                                                  session,
                                                  "select copyId, max(startedAt) from BackupRun"
                                                      + " where startedAt is not null"
                                                      + onePolicy
                                                      + " group by copyId",
                                                  policyId)
                                              .chain(
                                                  starts ->
                                                      rows(
                                                              session,
                                                              "select policyId, repositoryId,"
                                                                  + " max(coalesce(startedAt,"
                                                                  + " finishedAt)) from BackupRun"
                                                                  + " where state = :good"
                                                                  + onePolicy
                                                                  + " group by policyId,"
                                                                  + " repositoryId",
                                                              policyId)
                                                          .chain(
                                                              good ->
                                                                  assemble(
                                                                      session, policyId, policies,
                                                                      copies, repos, starts,
                                                                      good))))));
    }

    private static Uni<Snapshot> assemble(
        Mutiny.Session session,
        UUID policyId,
        List<BackupPolicy> policies,
        List<PolicyCopy> copies,
        List<BackupRepository> repos,
        List<Object[]> starts,
        List<Object[]> good) {
      String onePolicy = policyId == null ? "" : " and policyId = :policy";
      return list(session, BackupRun.class, " where state = :started" + onePolicy, policyId)
          .chain(
              open ->
                  list(session, CopyWatch.class, "", null)
                      .chain(
                          copyWatch ->
                              list(
                                      session,
                                      RpoWatchState.class,
                                      policyId == null ? "" : " where x.key.policyId = :policy",
                                      policyId)
                                  .map(
                                      rpoWatch -> {
                                        Map<UUID, List<PolicyCopy>> copiesOf = new HashMap<>();
                                        copies.stream()
                                            .sorted(Comparator.comparingInt(c -> c.position))
                                            .forEach(
                                                c ->
                                                    copiesOf
                                                        .computeIfAbsent(
                                                            c.policyId, k -> new ArrayList<>())
                                                        .add(c));
                                        Map<UUID, String> siteOf = new HashMap<>();
                                        repos.forEach(r -> siteOf.put(r.id, r.datacenterCode));
                                        Map<UUID, Instant> latestStart = new HashMap<>();
                                        starts.forEach(
                                            r -> latestStart.put((UUID) r[0], (Instant) r[1]));
                                        Map<UUID, Map<UUID, Instant>> newestGood = new HashMap<>();
                                        good.forEach(
                                            r ->
                                                newestGood
                                                    .computeIfAbsent(
                                                        (UUID) r[0], k -> new HashMap<>())
                                                    .put((UUID) r[1], (Instant) r[2]));
                                        Map<UUID, List<BackupRun>> openOf = new HashMap<>();
                                        open.forEach(
                                            r ->
                                                openOf
                                                    .computeIfAbsent(
                                                        r.policyId, k -> new ArrayList<>())
                                                    .add(r));
                                        Map<UUID, CopyWatch> watched = new HashMap<>();
                                        copyWatch.forEach(w -> watched.put(w.copyId, w));
                                        Map<RpoWatchState.Key, RpoWatchState> breaches =
                                            new HashMap<>();
                                        rpoWatch.forEach(w -> breaches.put(w.key, w));
                                        return new Snapshot(
                                            policies,
                                            copiesOf,
                                            siteOf,
                                            latestStart,
                                            newestGood,
                                            openOf,
                                            watched,
                                            breaches);
                                      })));
    }

    private static <T> Uni<List<T>> list(
        Mutiny.Session session, Class<T> type, String where, UUID policyId) {
      var query = session.createSelectionQuery("from " + type.getSimpleName() + " x" + where, type);
      if (where.contains(":started")) {
        query.setParameter("started", RunState.STARTED);
      }
      if (policyId != null && where.contains(":policy")) {
        query.setParameter("policy", policyId);
      }
      return query.getResultList();
    }

    private static Uni<List<Object[]>> rows(Mutiny.Session session, String hql, UUID policyId) {
      var query = session.createSelectionQuery(hql, Object[].class);
      if (hql.contains(":good")) {
        query.setParameter("good", RunState.SUCCEEDED);
      }
      if (policyId != null) {
        query.setParameter("policy", policyId);
      }
      return query.getResultList();
    }
  }

  private Uni<Integer> judge(Snapshot snapshot, Instant now) {
    int[] published = {0};
    List<Supplier<Uni<Void>>> writes = new ArrayList<>();
    for (BackupPolicy policy : snapshot.policies()) {
      List<PolicyCopy> copies = snapshot.copiesOf().getOrDefault(policy.id, List.of());
      for (PolicyCopy copy : copies) {
        overdue(policy, copy, snapshot, now, published, writes);
      }
      tooLong(policy, snapshot.open().getOrDefault(policy.id, List.of()), now, published, writes);
      rpo(policy, copies, snapshot, now, published, writes);
    }
    // one after the other on the pass's session, without nesting one Uni per write (thousands of
    // writes nested that way never completed)
    return Multi.createFrom()
        .iterable(writes)
        .onItem()
        .transformToUniAndConcatenate(Supplier::get)
        .collect()
        .last()
        .map(x -> published[0]);
  }

  private void overdue(
      BackupPolicy policy,
      PolicyCopy copy,
      Snapshot snapshot,
      Instant now,
      int[] published,
      List<Supplier<Uni<Void>>> writes) {
    CronSchedule schedule = CronSchedule.parse(copy.schedule, policy.zone());
    Optional<Instant> missed =
        DueWatch.overdue(
            schedule,
            snapshot.latestStart().get(copy.id),
            policy.activeSince,
            policy.startGrace(),
            now);
    if (missed.isEmpty()) {
      return;
    }
    Instant due = missed.get();
    CopyWatch state = snapshot.copyWatch().get(copy.id);
    if (state != null && !state.overdueDueAt.isBefore(due)) {
      return;
    }
    CopyWatch next = state == null ? new CopyWatch() : state;
    next.copyId = copy.id;
    next.overdueDueAt = due;
    published[0]++;
    BackupOverdue event =
        new BackupOverdue(policy.id, policy.tenant, policy.target(), policy.kind, due, now);
    writes.add(
        () ->
            (state == null ? next.persist() : Uni.createFrom().voidItem())
                .chain(() -> outbox.record(event, ACTOR)));
  }

  private void tooLong(
      BackupPolicy policy,
      List<BackupRun> open,
      Instant now,
      int[] published,
      List<Supplier<Uni<Void>>> writes) {
    for (BackupRun run : open) {
      if (!run.startedAt.isBefore(now.minus(policy.maxRun()))) {
        continue;
      }
      run.state = RunState.RUNNING_TOO_LONG;
      run.reason = "running too long: no finish within " + policy.maxRun();
      run.updatedAt = now;
      published[0]++;
      BackupFailed event =
          new BackupFailed(
              policy.id,
              run.id,
              policy.tenant,
              policy.target(),
              policy.kind,
              run.startedAt,
              now,
              run.reason,
              run.log);
      writes.add(() -> outbox.record(event, ACTOR));
    }
  }

  private void rpo(
      BackupPolicy policy,
      List<PolicyCopy> copies,
      Snapshot snapshot,
      Instant now,
      int[] published,
      List<Supplier<Uni<Void>>> writes) {
    Map<UUID, String> siteOf = snapshot.siteOf();
    Map<String, Duration> sites = new HashMap<>();
    for (PolicyCopy copy : copies) {
      sites.merge(
          siteOf.get(copy.repositoryId), copy.maxAge(), (a, b) -> a.compareTo(b) > 0 ? a : b);
    }
    List<RestorePoint> points = new ArrayList<>();
    snapshot
        .newestGood()
        .getOrDefault(policy.id, Map.of())
        .forEach(
            (repository, taken) -> points.add(new RestorePoint(taken, siteOf.get(repository))));
    RpoVerdict verdict = RpoWatch.judge(policy.rpo(), sites, points, policy.activeSince, now);
    breach(policy, "", verdict.breached(), verdict.newest(), snapshot, now, published, writes);
    for (RpoVerdict.SiteVerdict site : verdict.sites()) {
      breach(
          policy,
          site.datacenterCode(),
          site.breached(),
          site.newest(),
          snapshot,
          now,
          published,
          writes);
    }
  }

  private void breach(
      BackupPolicy policy,
      String site,
      boolean breached,
      Instant newest,
      Snapshot snapshot,
      Instant now,
      int[] published,
      List<Supplier<Uni<Void>>> writes) {
    RpoWatchState.Key key = new RpoWatchState.Key(policy.id, site);
    String dc = site.isEmpty() ? null : site;
    RpoWatchState state = snapshot.rpoWatch().get(key);
    if (breached && state == null) {
      RpoWatchState open = new RpoWatchState();
      open.key = key;
      open.breachedAt = now;
      published[0]++;
      RpoBreached event =
          new RpoBreached(policy.id, policy.tenant, policy.target(), policy.rpo(), dc, newest, now);
      writes.add(() -> open.persist().chain(() -> outbox.record(event, ACTOR)));
    } else if (!breached && state != null) {
      published[0]++;
      RpoRestored event =
          new RpoRestored(
              policy.id,
              policy.tenant,
              policy.target(),
              policy.rpo(),
              dc,
              newest,
              state.breachedAt,
              now);
      writes.add(() -> state.delete().chain(() -> outbox.record(event, ACTOR)));
    }
  }
}
