package io.vigie.events.backup;

import io.vigie.events.DomainEvent;
import java.util.Map;

/** Topic and type names of the events backup-service publishes. */
public final class BackupEvents {

  public static final String TOPIC = "backup.events";
  public static final String SOURCE = "/vigie/backup-service";

  private static final String PREFIX = "io.vigie.backup.";

  public static final String BACKUP_SUCCEEDED = PREFIX + "backup-succeeded.v1";
  public static final String BACKUP_FAILED = PREFIX + "backup-failed.v1";
  public static final String BACKUP_OVERDUE = PREFIX + "backup-overdue.v1";
  public static final String RPO_BREACHED = PREFIX + "rpo-breached.v1";
  public static final String RPO_RESTORED = PREFIX + "rpo-restored.v1";
  public static final String DRP_ACTIVATED = PREFIX + "drp-activated.v1";
  public static final String DRP_STEP_STARTED = PREFIX + "drp-step-started.v1";
  public static final String DRP_STEP_COMPLETED = PREFIX + "drp-step-completed.v1";
  public static final String DRP_COMPLETED = PREFIX + "drp-completed.v1";
  public static final String DRP_STEP_FAILED = PREFIX + "drp-step-failed.v1";
  public static final String DRP_ABORTED = PREFIX + "drp-aborted.v1";
  public static final String COVERAGE_GAP_FOUND = PREFIX + "coverage-gap-found.v1";
  public static final String COVERAGE_GAP_CLOSED = PREFIX + "coverage-gap-closed.v1";
  public static final String RESTORE_TEST_OVERDUE = PREFIX + "restore-test-overdue.v1";
  public static final String REPOSITORY_STORAGE_MEASURED =
      PREFIX + "repository-storage-measured.v1";

  public static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.ofEntries(
          Map.entry(BACKUP_SUCCEEDED, BackupSucceeded.class),
          Map.entry(BACKUP_FAILED, BackupFailed.class),
          Map.entry(BACKUP_OVERDUE, BackupOverdue.class),
          Map.entry(RPO_BREACHED, RpoBreached.class),
          Map.entry(RPO_RESTORED, RpoRestored.class),
          Map.entry(DRP_ACTIVATED, DrpActivated.class),
          Map.entry(DRP_STEP_STARTED, DrpStepStarted.class),
          Map.entry(DRP_STEP_COMPLETED, DrpStepCompleted.class),
          Map.entry(DRP_COMPLETED, DrpCompleted.class),
          Map.entry(DRP_STEP_FAILED, DrpStepFailed.class),
          Map.entry(DRP_ABORTED, DrpAborted.class),
          Map.entry(COVERAGE_GAP_FOUND, CoverageGapFound.class),
          Map.entry(COVERAGE_GAP_CLOSED, CoverageGapClosed.class),
          Map.entry(RESTORE_TEST_OVERDUE, RestoreTestOverdue.class),
          Map.entry(REPOSITORY_STORAGE_MEASURED, RepositoryStorageMeasured.class));

  private BackupEvents() {}

  /** Common defaults for every backup event. */
  interface BackupEvent extends DomainEvent {
    @Override
    default String topic() {
      return TOPIC;
    }
  }
}
