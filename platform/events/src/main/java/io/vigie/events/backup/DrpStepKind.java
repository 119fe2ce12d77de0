package io.vigie.events.backup;

/** The kinds of step a DRP plan is made of (USE-CASES.md #3). */
public enum DrpStepKind {
  MAINTENANCE_MODE,
  RESTORE_FILES,
  IMPORT_DATABASE,
  CHECK,
  CONFIRM_BY_TICKET,
  DNS_SWITCH
}
