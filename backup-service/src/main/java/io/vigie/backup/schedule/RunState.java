package io.vigie.backup.schedule;

/** Where a backup run stands. */
public enum RunState {
  /** A start arrived and no finish yet. */
  STARTED,
  SUCCEEDED,
  FAILED,
  /** Started and never finished within the longest a run may take: counted as failed. */
  RUNNING_TOO_LONG;

  public boolean finished() {
    return this != STARTED;
  }

  public boolean good() {
    return this == SUCCEEDED;
  }
}
