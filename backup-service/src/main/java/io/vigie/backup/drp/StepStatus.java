package io.vigie.backup.drp;

/** Where one step of a DRP run stands. */
public enum StepStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED
}
