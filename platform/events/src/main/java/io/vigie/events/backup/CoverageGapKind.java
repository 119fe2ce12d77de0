package io.vigie.events.backup;

/** What the contract promises and nothing covers. */
public enum CoverageGapKind {
  /** A server, VM or container of the client has no files policy. */
  SERVER_WITHOUT_FILE_POLICY,
  /** A database the client runs (a hosted service of kind DATABASE) has no dump policy. */
  DATABASE_WITHOUT_DUMP_POLICY,
  /** A policy keeps fewer copies than the contract promises. */
  TOO_FEW_COPIES,
  /** A policy's copies sit in fewer distinct datacenters than the contract promises. */
  TOO_FEW_DATACENTERS,
  /** The contract promises a disaster-recovery plan and the client has none. */
  DRP_WITHOUT_PLAN
}
