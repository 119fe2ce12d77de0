package io.vigie.backup.watch;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.repository.BackupRepository;
import io.vigie.backup.run.BackupRun;
import io.vigie.backup.schedule.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What the watcher judges for one batch of policies, read in a fixed number of queries whatever the
 * batch holds: the policies (next in id order), their copies, the repositories those land in, each
 * copy's latest start, each policy and repository's newest good point, the open runs, and what the
 * watcher last reported.
 */
record WatchBatch(
    List<BackupPolicy> policies,
    Map<UUID, List<PolicyCopy>> copiesOf,
    Map<UUID, String> siteOf,
    Map<UUID, Instant> latestStart,
    Map<UUID, Map<UUID, Instant>> newestGood,
    Map<UUID, List<BackupRun>> open,
    Map<UUID, CopyWatch> copyWatch,
    Map<RpoWatchState.Key, RpoWatchState> rpoWatch) {

  /** What one batch did; {@code last} is the id the next batch starts after. */
  record Result(int policies, int events, UUID last, long judgingMillis) {}

  static Uni<WatchBatch> read(
      Mutiny.Session session, BackupWatcher.Scope scope, UUID after, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (scope.policy() != null) {
      where.append(" and x.id = :policy");
    }
    if (scope.tenant() != null) {
      where.append(" and x.tenant = :tenant");
    }
    if (after != null) {
      where.append(" and x.id > :after");
    }
    var query =
        session
            .createSelectionQuery(
                "from BackupPolicy x" + where + " order by x.id", BackupPolicy.class)
            .setMaxResults(size);
    if (scope.policy() != null) {
      query.setParameter("policy", scope.policy());
    }
    if (scope.tenant() != null) {
      query.setParameter("tenant", scope.tenant());
    }
    if (after != null) {
      query.setParameter("after", after);
    }
    return query
        .getResultList()
        .chain(
            policies ->
                policies.isEmpty()
                    ? Uni.createFrom().item(empty())
                    : rest(session, policies, policies.stream().map(p -> p.id).toList()));
  }

  private static WatchBatch empty() {
    return new WatchBatch(
        List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static Uni<WatchBatch> rest(
      Mutiny.Session session, List<BackupPolicy> policies, List<UUID> ids) {
    Reads reads = new Reads(policies);
    return list(session, PolicyCopy.class, "from PolicyCopy x where x.policyId in :ids", ids)
        .invoke(reads::copies)
        .chain(
            () ->
                list(
                    session,
                    BackupRepository.class,
                    "from BackupRepository x where x.id in"
                        + " (select c.repositoryId from PolicyCopy c where c.policyId in :ids)",
                    ids))
        .invoke(reads::repositories)
        .chain(
            () ->
                rows(
                    session,
                    "select x.copyId, max(x.startedAt) from BackupRun x"
                        + " where x.startedAt is not null and x.policyId in :ids group by x.copyId",
                    ids))
        .invoke(reads::starts)
        .chain(
            () ->
                rows(
                    session,
                    "select x.policyId, x.repositoryId, max(coalesce(x.startedAt, x.finishedAt))"
                        + " from BackupRun x where x.state = :good and x.policyId in :ids"
                        + " group by x.policyId, x.repositoryId",
                    ids))
        .invoke(reads::good)
        .chain(
            () ->
                list(
                    session,
                    BackupRun.class,
                    "from BackupRun x where x.state = :started and x.policyId in :ids",
                    ids))
        .invoke(reads::open)
        .chain(
            () ->
                list(
                    session,
                    CopyWatch.class,
                    "from CopyWatch x where x.copyId in"
                        + " (select c.id from PolicyCopy c where c.policyId in :ids)",
                    ids))
        .invoke(reads::copyWatch)
        .chain(
            () ->
                list(
                    session,
                    RpoWatchState.class,
                    "from RpoWatchState x where x.key.policyId in :ids",
                    ids))
        .invoke(reads::rpoWatch)
        .map(x -> reads.batch());
  }

  /** The batch being assembled from its reads. */
  private static final class Reads {
    private final List<BackupPolicy> policies;
    private final Map<UUID, List<PolicyCopy>> copiesOf = new HashMap<>();
    private final Map<UUID, String> siteOf = new HashMap<>();
    private final Map<UUID, Instant> latestStart = new HashMap<>();
    private final Map<UUID, Map<UUID, Instant>> newestGood = new HashMap<>();
    private final Map<UUID, List<BackupRun>> open = new HashMap<>();
    private final Map<UUID, CopyWatch> copyWatch = new HashMap<>();
    private final Map<RpoWatchState.Key, RpoWatchState> rpoWatch = new HashMap<>();

    Reads(List<BackupPolicy> policies) {
      this.policies = policies;
    }

    void copies(List<PolicyCopy> copies) {
      copies.stream()
          .sorted(Comparator.comparingInt(c -> c.position))
          .forEach(c -> copiesOf.computeIfAbsent(c.policyId, k -> new ArrayList<>()).add(c));
    }

    void repositories(List<BackupRepository> repositories) {
      repositories.forEach(r -> siteOf.put(r.id, r.datacenterCode));
    }

    void starts(List<Object[]> rows) {
      rows.forEach(r -> latestStart.put((UUID) r[0], (Instant) r[1]));
    }

    void good(List<Object[]> rows) {
      rows.forEach(
          r ->
              newestGood
                  .computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                  .put((UUID) r[1], (Instant) r[2]));
    }

    void open(List<BackupRun> runs) {
      runs.forEach(r -> open.computeIfAbsent(r.policyId, k -> new ArrayList<>()).add(r));
    }

    void copyWatch(List<CopyWatch> watches) {
      watches.forEach(w -> copyWatch.put(w.copyId, w));
    }

    void rpoWatch(List<RpoWatchState> states) {
      states.forEach(w -> rpoWatch.put(w.key, w));
    }

    WatchBatch batch() {
      return new WatchBatch(
          policies, copiesOf, siteOf, latestStart, newestGood, open, copyWatch, rpoWatch);
    }
  }

  private static <T> Uni<List<T>> list(
      Mutiny.Session session, Class<T> type, String hql, List<UUID> ids) {
    var query = session.createSelectionQuery(hql, type).setParameter("ids", ids);
    if (hql.contains(":started")) {
      query.setParameter("started", RunState.STARTED);
    }
    return query.getResultList();
  }

  private static Uni<List<Object[]>> rows(Mutiny.Session session, String hql, List<UUID> ids) {
    var query = session.createSelectionQuery(hql, Object[].class).setParameter("ids", ids);
    if (hql.contains(":good")) {
      query.setParameter("good", RunState.SUCCEEDED);
    }
    return query.getResultList();
  }
}
