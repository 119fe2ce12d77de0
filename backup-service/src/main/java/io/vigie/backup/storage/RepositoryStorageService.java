package io.vigie.backup.storage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.repository.BackupRepository;
import io.vigie.backup.repository.RepositoryService;
import io.vigie.events.backup.RepositoryStorageMeasured;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Storage held per repository: agents (and operators) post what {@code restic stats --json --mode
 * raw-data} measured; each new measurement is kept with its time and published as {@link
 * RepositoryStorageMeasured} in the same transaction (outbox). A measurement posted again (same
 * repository and instant, a retried post) is kept and published once. Staff read every repository's
 * history, a client its own repositories' (another's answers 404, as an unknown one).
 */
@ApplicationScoped
public class RepositoryStorageService {

  /** How far ahead of our clock a measurement may be dated (clock skew on the agent's host). */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

  /** The default period of a history, and the longest one asked. */
  static final Duration DEFAULT_PERIOD = Duration.ofDays(31);

  static final Duration MAX_PERIOD = Duration.ofDays(400);

  private final InstantSource clock;
  private final Outbox outbox;

  public RepositoryStorageService(InstantSource clock, Outbox outbox) {
    this.clock = clock;
    this.outbox = outbox;
  }

  /** Records one measurement; the repository must exist (404) and, for a bound agent, be its. */
  @WithTransaction
  public Uni<StorageMeasurement> record(UUID repositoryId, StorageReport report, Caller caller) {
    if (!caller.isAgent() && !caller.canOperate()) {
      throw ProblemException.forbidden("Only agents and operators report repository storage");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant measuredAt =
        report.measuredAt() == null ? now : report.measuredAt().truncatedTo(ChronoUnit.MICROS);
    if (measuredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw ProblemException.invalidField("measuredAt", "is in the future");
    }
    ResticStats stats = report.stats();
    stats.validate();
    return BackupRepository.<BackupRepository>findById(repositoryId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Repository", repositoryId))
        .chain(
            repository ->
                RepositoryStorage.<RepositoryStorage>find(
                        "repositoryId = ?1 and measuredAt = ?2", repositoryId, measuredAt)
                    .firstResult()
                    .chain(
                        existing -> {
                          if (existing != null) {
                            return Uni.createFrom().item(StorageMeasurement.of(existing));
                          }
                          RepositoryStorage s = new RepositoryStorage();
                          s.id = Uuids.timeOrdered();
                          s.repositoryId = repositoryId;
                          s.measuredAt = measuredAt;
                          s.totalSize = stats.totalSize();
                          s.totalUncompressedSize = stats.totalUncompressedSize();
                          s.totalBlobCount = stats.totalBlobCount();
                          s.snapshotsCount = stats.snapshotsCount();
                          s.reportedBy = caller.name();
                          s.createdAt = now;
                          return s.persist()
                              .chain(
                                  () ->
                                      outbox.record(
                                          new RepositoryStorageMeasured(
                                              repository.id,
                                              repository.tenant,
                                              repository.name,
                                              repository.datacenterCode,
                                              s.measuredAt,
                                              s.totalSize,
                                              s.totalUncompressedSize,
                                              s.snapshotsCount,
                                              repository.capacityBytes),
                                          caller.name()))
                              .map(v -> StorageMeasurement.of(s));
                        }));
  }

  /** The repository's measurements from {@code from} to {@code to} (ISO instants; 31 days). */
  @WithSession
  public Uni<StorageHistory> history(
      UUID repositoryId, String fromText, String toText, Caller caller) {
    Instant to = toText == null || toText.isBlank() ? clock.instant() : instant("to", toText);
    Instant from =
        fromText == null || fromText.isBlank()
            ? to.minus(DEFAULT_PERIOD)
            : instant("from", fromText);
    if (!from.isBefore(to)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw ProblemException.invalidField("from", "the period is at most 400 days");
    }
    return RepositoryService.visible(repositoryId, caller)
        .chain(
            repository ->
                RepositoryStorage.<RepositoryStorage>find(
                        "repositoryId = ?1 and measuredAt <= ?2 order by measuredAt desc",
                        repositoryId,
                        from)
                    .firstResult()
                    .chain(
                        before ->
                            RepositoryStorage.<RepositoryStorage>list(
                                    "repositoryId = ?1 and measuredAt > ?2 and measuredAt < ?3"
                                        + " order by measuredAt",
                                    repositoryId,
                                    from,
                                    to)
                                .map(within -> history(repository, from, to, before, within))));
  }

  /**
   * The repository's last measurement at or before {@code at} (ISO instant, default now) split per
   * client in proportion to the data their kept runs added ({@link StorageSplit}): an estimate, for
   * staff (a shared repository is the hoster's; clients and agents are refused).
   */
  @WithSession
  public Uni<StorageSplit.RepositorySplit> split(UUID repositoryId, String atText, Caller caller) {
    if (!caller.isStaff()) {
      throw ProblemException.forbidden("Only staff read a repository's split between clients");
    }
    Instant at = atText == null || atText.isBlank() ? clock.instant() : instant("at", atText);
    return BackupRepository.<BackupRepository>findById(repositoryId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Repository", repositoryId))
        .chain(
            repository ->
                RepositoryStorage.<RepositoryStorage>find(
                        "repositoryId = ?1 and measuredAt <= ?2 order by measuredAt desc",
                        repositoryId,
                        at)
                    .firstResult()
                    .chain(
                        measured ->
                            weights(repositoryId, measured == null ? at : measured.measuredAt)
                                .map(
                                    weights -> {
                                      long total = measured == null ? 0 : measured.totalSize;
                                      List<StorageSplit.ClientShare> shares =
                                          StorageSplit.apportion(total, weights);
                                      long attributed =
                                          shares.stream()
                                              .mapToLong(StorageSplit.ClientShare::estimatedBytes)
                                              .sum();
                                      return new StorageSplit.RepositorySplit(
                                          repository.id,
                                          repository.name,
                                          repository.tenant,
                                          repository.datacenterCode,
                                          measured == null ? null : measured.measuredAt,
                                          measured == null ? null : measured.totalSize,
                                          true,
                                          StorageSplit.METHOD,
                                          shares,
                                          total - attributed);
                                    })));
  }

  /** Per client, the sized successful runs into the repository up to {@code upTo}, still kept. */
  private static Uni<List<StorageSplit.ClientWeight>> weights(UUID repositoryId, Instant upTo) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select r.tenant, count(*), sum(r.bytes_added) from backup_run r where"
                            + " r.repository_id = ?1 and r.state = 'SUCCEEDED' and r.finished_at"
                            + " <= ?2 and r.bytes_added is not null and (r.snapshot_id is null or"
                            + " exists (select 1 from backup_snapshot s where s.repository_id ="
                            + " r.repository_id and s.snapshot_id = r.snapshot_id)) group by"
                            + " r.tenant order by r.tenant",
                        Object[].class)
                    .setParameter(1, repositoryId)
                    .setParameter(2, upTo)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new StorageSplit.ClientWeight(
                                (String) r[0],
                                ((Number) r[1]).intValue(),
                                ((Number) r[2]).longValue()))
                    .toList());
  }

  private static StorageHistory history(
      BackupRepository repository,
      Instant from,
      Instant to,
      RepositoryStorage before,
      List<RepositoryStorage> within) {
    RepositoryStorage start = before != null ? before : within.isEmpty() ? null : within.get(0);
    RepositoryStorage end = within.isEmpty() ? before : within.get(within.size() - 1);
    Long startBytes = start == null ? null : start.totalSize;
    Long endBytes = end == null ? null : end.totalSize;
    return new StorageHistory(
        repository.id,
        repository.name,
        repository.tenant,
        repository.datacenterCode,
        from,
        to,
        startBytes,
        endBytes,
        startBytes == null ? null : endBytes - startBytes,
        within.stream().map(StorageMeasurement::of).toList());
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be an ISO instant such as 2026-11-01T00:00:00Z");
    }
  }
}
