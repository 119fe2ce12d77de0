package io.vigie.backup.run;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.BackupConfig;
import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.policy.PolicyService;
import io.vigie.backup.schedule.RunState;
import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs as the backup tools report them. A start opens a run; a success, failure or exit status
 * closes the run its {@code rid} names, else the copy's latest open run, else records a finished
 * run with no start; a {@code /log} ping is kept beside the runs and changes nothing. A run's end
 * and its {@code BackupSucceeded} or {@code BackupFailed} commit together (outbox).
 */
@ApplicationScoped
public class RunService {

  /** Runs newest first. */
  static final Keyset NEWEST_FIRST =
      Keyset.descending("created_at", "timestamptz").then("id", "uuid");

  private final InstantSource clock;
  private final Outbox outbox;
  private final BackupConfig config;
  private final Reads reads;
  private final PolicyService policies;

  public RunService(
      InstantSource clock,
      Outbox outbox,
      BackupConfig config,
      Reads reads,
      PolicyService policies) {
    this.clock = clock;
    this.outbox = outbox;
    this.config = config;
    this.reads = reads;
    this.policies = policies;
  }

  /** Applies one ping of the copy whose key it names; 404 when no copy has that key. */
  @WithTransaction
  public Uni<Void> ping(UUID key, Ping ping, Ping.Body body, String rid) {
    Instant now = now();
    return PolicyCopy.<PolicyCopy>find("pingKey", key)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Check", key))
        .chain(
            copy ->
                BackupPolicy.<BackupPolicy>findById(copy.policyId)
                    .chain(
                        policy ->
                            switch (ping.kind()) {
                              case START -> start(policy, copy, rid, body, now);
                              case SUCCESS, FAIL -> finish(policy, copy, ping, rid, body, now);
                              case LOG -> log(copy, rid, body, now);
                            }));
  }

  private Uni<Void> start(
      BackupPolicy policy, PolicyCopy copy, String rid, Ping.Body body, Instant now) {
    BackupRun run = newRun(policy, copy, BackupRun.Source.PING, now);
    run.state = RunState.STARTED;
    run.rid = rid;
    run.startedAt = now;
    if (!body.text().isEmpty()) {
      run.log = body.text();
      run.logTruncated = body.truncated();
    }
    return run.persist().replaceWithVoid();
  }

  private Uni<Void> finish(
      BackupPolicy policy, PolicyCopy copy, Ping ping, String rid, Ping.Body body, Instant now) {
    return open(copy, rid)
        .chain(
            found -> {
              BackupRun run = found;
              if (run == null) {
                run = newRun(policy, copy, BackupRun.Source.PING, now);
                run.rid = rid;
              }
              boolean good = ping.kind() == Ping.Kind.SUCCESS;
              run.state = good ? RunState.SUCCEEDED : RunState.FAILED;
              run.finishedAt = now;
              run.updatedAt = now;
              run.exitStatus = ping.exitStatus();
              if (!good) {
                run.reason =
                    ping.exitStatus() == null
                        ? "failure reported by the tool"
                        : "exit status " + ping.exitStatus();
              }
              if (!body.text().isEmpty()) {
                run.log = body.text();
                run.logTruncated = body.truncated();
              }
              BackupRun finished = run;
              Uni<?> saved = found == null ? run.persist() : Uni.createFrom().voidItem();
              return saved.chain(() -> publish(policy, finished, "ping"));
            });
  }

  private Uni<Void> log(PolicyCopy copy, String rid, Ping.Body body, Instant now) {
    return open(copy, rid)
        .chain(
            run -> {
              PingLog entry = new PingLog();
              entry.id = Uuids.timeOrdered();
              entry.copyId = copy.id;
              entry.runId = run == null ? null : run.id;
              entry.receivedAt = now;
              entry.body = body.text();
              entry.bodyTruncated = body.truncated();
              return entry.persist().replaceWithVoid();
            });
  }

  /** The run a finish closes: the one its rid names, else the copy's latest open run. */
  private static Uni<BackupRun> open(PolicyCopy copy, String rid) {
    return rid != null
        ? BackupRun.<BackupRun>find(
                "copyId = ?1 and rid = ?2 and state = ?3", copy.id, rid, RunState.STARTED)
            .firstResult()
        : BackupRun.<BackupRun>find(
                "copyId = ?1 and state = ?2 order by startedAt desc", copy.id, RunState.STARTED)
            .firstResult();
  }

  /** Records what an agent posted after {@code restic backup --json}: a good run and its point. */
  @WithTransaction
  public Uni<RunView> restic(ResticReport report, Caller caller) {
    if (!caller.isAgent() && !caller.canOperate()) {
      throw ProblemException.forbidden("Only agents and operators report backups");
    }
    if (!"summary".equals(report.summary().messageType())) {
      throw ProblemException.invalidField(
          "summary.message_type", "must be summary (the last line restic backup --json prints)");
    }
    Instant now = now();
    return BackupPolicy.<BackupPolicy>findById(report.policyId())
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.invalidField("policyId", "no policy " + report.policyId()))
        .chain(
            policy ->
                PolicyCopy.<PolicyCopy>find(
                        "policyId = ?1 and repositoryId = ?2", policy.id, report.repositoryId())
                    .firstResult()
                    .onItem()
                    .ifNull()
                    .failWith(
                        () ->
                            ProblemException.invalidField(
                                "repositoryId", "is not one of the policy's copies"))
                    .chain(
                        copy -> {
                          BackupRun run = newRun(policy, copy, BackupRun.Source.RESTIC, now);
                          Duration took =
                              Duration.ofMillis(
                                  Math.round(report.summary().totalDuration() * 1000));
                          run.startedAt =
                              report.startedAt() != null
                                  ? report.startedAt().truncatedTo(ChronoUnit.MICROS)
                                  : now.minus(took).truncatedTo(ChronoUnit.MICROS);
                          run.finishedAt = now;
                          run.state = RunState.SUCCEEDED;
                          run.exitStatus = 0;
                          run.snapshotId = report.summary().snapshotId();
                          run.filesNew = report.summary().filesNew();
                          run.bytesAdded = report.summary().dataAdded();
                          // restic 0.14's summary gives the short id; snapshots --json the full one
                          List<Snapshot> points = new ArrayList<>();
                          Snapshot made = null;
                          if (report.snapshots() != null) {
                            for (ResticReport.SnapshotEntry s : report.snapshots()) {
                              Snapshot point =
                                  snapshot(copy, policy, s.id(), s.time(), s.hostname(), s.paths());
                              points.add(point);
                              if (s.id().startsWith(run.snapshotId)) {
                                run.snapshotId = s.id();
                                made = point;
                              }
                            }
                          }
                          if (made == null) {
                            points.add(
                                snapshot(copy, policy, run.snapshotId, run.startedAt, null, null));
                          }
                          boolean listed = report.snapshots() != null;
                          return run.<BackupRun>persist()
                              .call(() -> mergeSnapshots(points))
                              .call(
                                  () ->
                                      listed
                                          ? forgotten(policy.id, copy.repositoryId, points)
                                          : Uni.createFrom().voidItem())
                              .call(() -> publish(policy, run, "agent:" + caller.name()))
                              .map(RunView::of);
                        }));
  }

  private static Snapshot snapshot(
      PolicyCopy copy,
      BackupPolicy policy,
      String id,
      Instant at,
      String host,
      List<String> paths) {
    Snapshot s = new Snapshot();
    s.key = new Snapshot.Key(copy.repositoryId, id);
    s.policyId = policy.id;
    s.takenAt = at.truncatedTo(ChronoUnit.MICROS);
    s.hostname = host;
    s.paths = paths == null ? new String[0] : paths.toArray(String[]::new);
    return s;
  }

  /**
   * A report's {@code snapshots --json} is the policy's list in the repository (the agent lists its
   * host and tags): a snapshot recorded before and absent now was forgotten by restic.
   */
  private static Uni<Void> forgotten(UUID policyId, UUID repositoryId, List<Snapshot> listed) {
    return Snapshot.delete(
            "policyId = ?1 and key.repositoryId = ?2 and key.snapshotId not in ?3",
            policyId,
            repositoryId,
            listed.stream().map(s -> s.key.snapshotId).toList())
        .replaceWithVoid();
  }

  /**
   * Known snapshots stay as they are; new ones are added. One query for the known ones and one
   * batch of inserts, however long the list (restic lists every snapshot of the repository).
   */
  private static Uni<Void> mergeSnapshots(List<Snapshot> points) {
    if (points.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    UUID repositoryId = points.get(0).key.repositoryId;
    List<String> ids = points.stream().map(s -> s.key.snapshotId).distinct().toList();
    return Snapshot.<Snapshot>list(
            "key.repositoryId = ?1 and key.snapshotId in ?2", repositoryId, ids)
        .chain(
            known -> {
              java.util.Set<String> seen = new java.util.HashSet<>();
              known.forEach(k -> seen.add(k.key.snapshotId));
              List<Snapshot> fresh = new ArrayList<>();
              for (Snapshot s : points) {
                if (seen.add(s.key.snapshotId)) {
                  fresh.add(s);
                }
              }
              return Panache.getSession()
                  .chain(session -> session.persistAll(fresh.toArray()))
                  .call(Panache::flush);
            });
  }

  private Uni<Void> publish(BackupPolicy policy, BackupRun run, String actor) {
    if (run.state == RunState.SUCCEEDED) {
      return outbox.record(
          new BackupSucceeded(
              policy.id,
              run.id,
              policy.tenant,
              policy.target(),
              policy.kind,
              run.startedAt,
              run.finishedAt,
              run.snapshotId,
              run.bytesAdded),
          actor);
    }
    String excerpt = run.log;
    int max = config.ping().eventLogChars();
    if (excerpt != null && excerpt.length() > max) {
      excerpt = excerpt.substring(0, max);
    }
    return outbox.record(
        new BackupFailed(
            policy.id,
            run.id,
            policy.tenant,
            policy.target(),
            policy.kind,
            run.startedAt,
            run.finishedAt,
            run.reason,
            excerpt),
        actor);
  }

  private BackupRun newRun(
      BackupPolicy policy, PolicyCopy copy, BackupRun.Source source, Instant now) {
    BackupRun run = new BackupRun();
    run.id = Uuids.timeOrdered();
    run.policyId = policy.id;
    run.copyId = copy.id;
    run.repositoryId = copy.repositoryId;
    run.tenant = policy.tenant;
    run.source = source;
    run.createdAt = now;
    run.updatedAt = now;
    return run;
  }

  /** A policy's runs, newest first, for a caller who may see the policy. */
  public Uni<Listing<RunView>> list(
      UUID policyId, RunState state, PageRequest page, Caller caller) {
    return policies
        .read(policyId, caller)
        .chain(
            found ->
                reads.page(
                    SqlQuery.select("doc", "run_document")
                        .where("policy_id = ?", policyId)
                        .where("state = ?", state == null ? null : state.name())
                        .keyset(NEWEST_FIRST),
                    page));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
