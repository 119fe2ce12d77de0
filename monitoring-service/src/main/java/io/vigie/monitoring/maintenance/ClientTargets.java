package io.vigie.monitoring.maintenance;

import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a client owns among monitoring's targets: its hosted services, and the servers that carry it
 * (its guests or its hosted services run on them, directly or on a VM), as {@link
 * io.vigie.monitoring.targets.Topology} counts them.
 */
public record ClientTargets(Set<UUID> servers, Set<UUID> hostedServices) {

  /** Loads the targets of {@code tenant} in two queries; must run in a session. */
  public static Uni<ClientTargets> of(String tenant) {
    return TargetService.<TargetService>list("tenant", tenant)
        .chain(
            services -> {
              Set<UUID> serviceIds = new HashSet<>();
              Set<UUID> servers = new HashSet<>();
              Set<UUID> vms = new HashSet<>();
              for (TargetService s : services) {
                serviceIds.add(s.id);
                servers.addAll(ids(s.serverIds));
                vms.addAll(ids(s.virtualMachineIds));
              }
              Uni<List<TargetGuest>> guests =
                  vms.isEmpty()
                      ? TargetGuest.list("tenant", tenant)
                      : TargetGuest.list("tenant = ?1 or id in ?2", tenant, vms);
              return guests.map(
                  found -> {
                    found.forEach(g -> servers.add(g.hostServerId));
                    return new ClientTargets(Set.copyOf(servers), Set.copyOf(serviceIds));
                  });
            });
  }

  /** Every id in one set, for queries that match any of them. */
  public Set<UUID> all() {
    Set<UUID> all = new HashSet<>(servers);
    all.addAll(hostedServices);
    return all;
  }

  public boolean isEmpty() {
    return servers.isEmpty() && hostedServices.isEmpty();
  }

  /** The ids of a comma-separated list as the read model keeps them. */
  static List<UUID> ids(String commaList) {
    if (commaList == null || commaList.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(commaList.split(",")).map(UUID::fromString).toList();
  }
}
