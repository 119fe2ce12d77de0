package io.vigie.monitoring.targets;

import io.vigie.events.inventory.ServerStatus;

/**
 * What a server's lifecycle status means for monitoring: a planned server is not in production yet,
 * a decommissioned one is gone; a server in maintenance is still watched but pages nobody.
 */
public final class Surveillance {

  private Surveillance() {}

  public static boolean monitored(ServerStatus status) {
    return status == ServerStatus.ACTIVE || status == ServerStatus.MAINTENANCE;
  }

  public static boolean silenced(ServerStatus status) {
    return status == ServerStatus.MAINTENANCE;
  }
}
