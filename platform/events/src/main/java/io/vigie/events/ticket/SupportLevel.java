package io.vigie.events.ticket;

/** L1: client contact; L2: operations and deployments; L3: R&amp;D and project leads. */
public enum SupportLevel {
  L1,
  L2,
  L3
}
