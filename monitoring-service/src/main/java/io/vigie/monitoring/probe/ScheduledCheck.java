package io.vigie.monitoring.probe;

import java.util.UUID;

/** What the scheduler keeps of an enabled active check: enough to run it and record its result. */
public record ScheduledCheck(
    UUID id,
    String name,
    CheckKind kind,
    UUID serverId,
    UUID hostedServiceId,
    int intervalSeconds,
    int timeoutSeconds,
    ProbeSettings settings,
    long version) {

  /** The interval in milliseconds. */
  public long intervalMillis() {
    return intervalSeconds * 1000L;
  }
}
