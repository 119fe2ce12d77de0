package io.vigie.inventory.servers;

import io.vigie.events.inventory.ServerStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which lifecycle moves a physical server may make: planned → active ⇄ maintenance, and any of them
 * → decommissioned, which is final.
 */
public final class ServerLifecycle {

  private static final Map<ServerStatus, Set<ServerStatus>> NEXT =
      Map.of(
          ServerStatus.PLANNED, EnumSet.of(ServerStatus.ACTIVE, ServerStatus.DECOMMISSIONED),
          ServerStatus.ACTIVE, EnumSet.of(ServerStatus.MAINTENANCE, ServerStatus.DECOMMISSIONED),
          ServerStatus.MAINTENANCE, EnumSet.of(ServerStatus.ACTIVE, ServerStatus.DECOMMISSIONED),
          ServerStatus.DECOMMISSIONED, EnumSet.noneOf(ServerStatus.class));

  private ServerLifecycle() {}

  public static boolean allows(ServerStatus from, ServerStatus to) {
    return NEXT.get(from).contains(to);
  }

  public static Set<ServerStatus> next(ServerStatus from) {
    return Set.copyOf(NEXT.get(from));
  }

  /** Whether guests may be placed on a server in this status. */
  public static boolean canHostNewGuests(ServerStatus status) {
    return status == ServerStatus.PLANNED || status == ServerStatus.ACTIVE;
  }
}
