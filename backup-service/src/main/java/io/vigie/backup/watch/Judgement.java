package io.vigie.backup.watch;

import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.rpo.RestorePoint;
import io.vigie.backup.rpo.RpoVerdict;
import io.vigie.backup.rpo.RpoWatch;
import io.vigie.backup.run.BackupRun;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.backup.schedule.DueWatch;
import io.vigie.events.DomainEvent;
import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The watcher's judgement of one batch, in memory: what changed since it last reported, as the
 * state to write and the events to publish, in the order they happened per policy (its copies'
 * overdue runs, its runs too long, then its RPO and each datacenter's copy).
 */
final class Judgement {

  private static final Logger LOG = Logger.getLogger(Judgement.class);

  private Judgement() {}

  /** A copy reported overdue for {@code dueAt}. */
  record Overdue(UUID copyId, Instant dueAt) {}

  /** A started run failed as running too long. */
  record TooLong(UUID runId, String reason, Instant at) {}

  /** A breach opened or closed: the policy's RPO ({@code datacenterCode} empty) or a site's. */
  record Breach(UUID policyId, String datacenterCode, Instant at) {}

  record Changes(
      List<Overdue> overdue,
      List<TooLong> tooLong,
      List<Breach> breached,
      List<Breach> restored,
      List<DomainEvent> events) {}

  static Changes judge(WatchBatch batch, Instant now) {
    Changes changes =
        new Changes(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>());
    for (BackupPolicy policy : batch.policies()) {
      int overdue = changes.overdue().size();
      int tooLong = changes.tooLong().size();
      int breached = changes.breached().size();
      int restored = changes.restored().size();
      int events = changes.events().size();
      try {
        List<PolicyCopy> copies = batch.copiesOf().getOrDefault(policy.id, List.of());
        for (PolicyCopy copy : copies) {
          overdue(policy, copy, batch, now, changes);
        }
        tooLong(policy, batch.open().getOrDefault(policy.id, List.of()), now, changes);
        rpo(policy, copies, batch, now, changes);
      } catch (RuntimeException e) {
        // one policy the watcher cannot judge (a time zone no longer known...) does not stop the
        // others: what it had added is taken back, it is judged again next pass
        LOG.errorf(e, "policy %s (%s) not judged", policy.id, policy.name);
        truncate(changes.overdue(), overdue);
        truncate(changes.tooLong(), tooLong);
        truncate(changes.breached(), breached);
        truncate(changes.restored(), restored);
        truncate(changes.events(), events);
      }
    }
    return changes;
  }

  private static void truncate(List<?> list, int size) {
    list.subList(size, list.size()).clear();
  }

  private static void overdue(
      BackupPolicy policy, PolicyCopy copy, WatchBatch batch, Instant now, Changes changes) {
    CronSchedule schedule = CronSchedule.parse(copy.schedule, policy.zone());
    Optional<Instant> missed =
        DueWatch.overdue(
            schedule,
            batch.latestStart().get(copy.id),
            policy.activeSince,
            policy.startGrace(),
            now);
    if (missed.isEmpty()) {
      return;
    }
    Instant due = missed.get();
    CopyWatch state = batch.copyWatch().get(copy.id);
    if (state != null && !state.overdueDueAt.isBefore(due)) {
      return;
    }
    changes.overdue().add(new Overdue(copy.id, due));
    changes
        .events()
        .add(new BackupOverdue(policy.id, policy.tenant, policy.target(), policy.kind, due, now));
  }

  private static void tooLong(
      BackupPolicy policy, List<BackupRun> open, Instant now, Changes changes) {
    for (BackupRun run : open) {
      if (!run.startedAt.isBefore(now.minus(policy.maxRun()))) {
        continue;
      }
      String reason = "running too long: no finish within " + policy.maxRun();
      changes.tooLong().add(new TooLong(run.id, reason, now));
      changes
          .events()
          .add(
              new BackupFailed(
                  policy.id,
                  run.id,
                  policy.tenant,
                  policy.target(),
                  policy.kind,
                  run.startedAt,
                  now,
                  reason,
                  run.log));
    }
  }

  private static void rpo(
      BackupPolicy policy,
      List<PolicyCopy> copies,
      WatchBatch batch,
      Instant now,
      Changes changes) {
    Map<UUID, String> siteOf = batch.siteOf();
    Map<String, Duration> sites = new HashMap<>();
    for (PolicyCopy copy : copies) {
      sites.merge(
          siteOf.get(copy.repositoryId), copy.maxAge(), (a, b) -> a.compareTo(b) > 0 ? a : b);
    }
    List<RestorePoint> points = new ArrayList<>();
    batch
        .newestGood()
        .getOrDefault(policy.id, Map.of())
        .forEach(
            (repository, taken) -> points.add(new RestorePoint(taken, siteOf.get(repository))));
    RpoVerdict verdict = RpoWatch.judge(policy.rpo(), sites, points, policy.activeSince, now);
    breach(policy, "", verdict.breached(), verdict.newest(), batch, now, changes);
    for (RpoVerdict.SiteVerdict site : verdict.sites()) {
      breach(policy, site.datacenterCode(), site.breached(), site.newest(), batch, now, changes);
    }
  }

  private static void breach(
      BackupPolicy policy,
      String site,
      boolean breached,
      Instant newest,
      WatchBatch batch,
      Instant now,
      Changes changes) {
    RpoWatchState.Key key = new RpoWatchState.Key(policy.id, site);
    String dc = site.isEmpty() ? null : site;
    RpoWatchState state = batch.rpoWatch().get(key);
    if (breached && state == null) {
      changes.breached().add(new Breach(policy.id, site, now));
      changes
          .events()
          .add(
              new RpoBreached(
                  policy.id, policy.tenant, policy.target(), policy.rpo(), dc, newest, now));
    } else if (!breached && state != null) {
      changes.restored().add(new Breach(policy.id, site, now));
      changes
          .events()
          .add(
              new RpoRestored(
                  policy.id,
                  policy.tenant,
                  policy.target(),
                  policy.rpo(),
                  dc,
                  newest,
                  state.breachedAt,
                  now));
    }
  }
}
