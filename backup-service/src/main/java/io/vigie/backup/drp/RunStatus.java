package io.vigie.backup.drp;

/**
 * Where a DRP run stands. RUNNING and FAILED are active (one per plan); FAILED waits for a person
 * to retry the failed step or abort the run.
 */
public enum RunStatus {
  RUNNING,
  FAILED,
  COMPLETED,
  ABORTED;

  /** The statuses of an active run, for queries. */
  public static java.util.List<RunStatus> activeOnes() {
    return java.util.List.of(RUNNING, FAILED);
  }

  public boolean active() {
    return this == RUNNING || this == FAILED;
  }
}
