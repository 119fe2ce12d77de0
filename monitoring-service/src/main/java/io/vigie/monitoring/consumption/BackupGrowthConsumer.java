package io.vigie.monitoring.consumption;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.events.backup.RepositoryStorageMeasured;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps what each successful backup run added (backup-service's {@code BackupSucceeded}: restic's
 * {@code data_added}) and what each repository holds ({@code RepositoryStorageMeasured}: restic
 * stats in raw-data mode) for the clients' consumption reports. Each event is applied once
 * (processed event table), a run once whatever the event id, a measurement once per repository and
 * instant; other backup events are not this feature's business.
 */
@ApplicationScoped
public class BackupGrowthConsumer {

  public static final String CHANNEL = "backup-events";
  static final String CONSUMER = "monitoring-service.backup";

  private final IdempotentConsumer idempotent;

  public BackupGrowthConsumer(IdempotentConsumer idempotent) {
    this.idempotent = idempotent;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    if (BackupEvents.REPOSITORY_STORAGE_MEASURED.equals(event.type())) {
      RepositoryStorageMeasured measured = event.data(RepositoryStorageMeasured.class);
      return idempotent.process(CONSUMER, event, () -> record(measured));
    }
    if (!BackupEvents.BACKUP_SUCCEEDED.equals(event.type())) {
      return Uni.createFrom().voidItem();
    }
    BackupSucceeded run = event.data(BackupSucceeded.class);
    return idempotent.process(CONSUMER, event, () -> record(run));
  }

  private static Uni<Void> record(RepositoryStorageMeasured m) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into repository_storage (repository_id, measured_at, tenant,"
                            + " repository_name, datacenter_code, total_size, snapshots_count,"
                            + " capacity_bytes) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on"
                            + " conflict (repository_id, measured_at) do nothing")
                    .setParameter(1, m.repositoryId())
                    .setParameter(2, m.measuredAt())
                    .setParameter(3, m.tenant())
                    .setParameter(4, m.repositoryName())
                    .setParameter(5, m.datacenterCode())
                    .setParameter(6, m.totalSizeBytes())
                    .setParameter(7, m.snapshotsCount())
                    .setParameter(8, m.capacityBytes())
                    .executeUpdate())
        .replaceWithVoid();
  }

  private static Uni<Void> record(BackupSucceeded run) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into backup_growth (run_id, policy_id, tenant, target_kind,"
                            + " target_id, target_name, backup_kind, finished_at, bytes_added)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (run_id)"
                            + " do nothing")
                    .setParameter(1, run.runId())
                    .setParameter(2, run.policyId())
                    .setParameter(3, run.tenant())
                    .setParameter(4, run.target() == null ? "UNKNOWN" : run.target().kind())
                    .setParameter(5, run.target() == null ? null : run.target().id())
                    .setParameter(6, run.target() == null ? "" : run.target().name())
                    .setParameter(7, run.kind().name())
                    .setParameter(8, run.finishedAt())
                    .setParameter(9, run.bytesAdded())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
