package io.vigie.monitoring.targets;

import io.smallrye.mutiny.Uni;

/** Loads what {@link Topology} needs for one server: its guests and the hosted services. */
public final class TopologyLoader {

  private TopologyLoader() {}

  /** Must run in a session; {@code visibleTenant} as in {@link Topology#of}. */
  public static Uni<Topology> load(TargetServer server, String visibleTenant) {
    return TargetGuest.<TargetGuest>list("hostServerId", server.id)
        .chain(
            guests ->
                TargetService.<TargetService>listAll()
                    .map(services -> Topology.of(server, guests, services, visibleTenant)));
  }
}
