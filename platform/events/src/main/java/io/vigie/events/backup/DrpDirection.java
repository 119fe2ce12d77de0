package io.vigie.events.backup;

/** Which way a DRP run goes: onto the recovery server, or back to production. */
public enum DrpDirection {
  FAILOVER,
  RETURN_TO_PRODUCTION
}
