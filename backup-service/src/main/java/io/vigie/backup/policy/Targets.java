package io.vigie.backup.policy;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.inventory.InventoryGuest;
import io.vigie.backup.inventory.InventoryHostedService;
import io.vigie.backup.inventory.InventoryServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds a policy's target in the inventory read model, checks it belongs to the policy's client,
 * and tells the datacenters it runs in (an off-site copy must be outside all of them).
 */
public final class Targets {

  /** A target as found: its name and datacenters. */
  public record Resolved(String name, Set<String> datacenters) {}

  private Targets() {}

  /** The target, or null when the inventory has no such target of this client. */
  public static Uni<Resolved> resolve(PolicyRequest.Target target, String tenant) {
    return switch (target.kind()) {
      case SERVER -> server(target.id(), tenant);
      case VIRTUAL_MACHINE -> guest(target.id(), tenant);
      case HOSTED_SERVICE -> hostedService(target.id(), tenant);
    };
  }

  /** What to tell when the target is unknown or another client's. */
  public static String unknown(PolicyRequest.Target target, String tenant) {
    return "no "
        + target.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " "
        + target.id()
        + " of client "
        + tenant
        + " in the inventory";
  }

  private static Uni<Resolved> server(UUID id, String tenant) {
    return InventoryServer.<InventoryServer>findById(id)
        .chain(
            server -> {
              if (server == null) {
                return Uni.createFrom().nullItem();
              }
              // a server is the client's target when it hosts the client's VMs or services
              return InventoryGuest.count("hostServerId = ?1 and tenant = ?2", id, tenant)
                  .chain(
                      guests ->
                          InventoryHostedService.count(
                                  "tenant = ?1 and serverIds like ?2", tenant, "%" + id + "%")
                              .map(services -> guests + services))
                  .map(
                      owned -> {
                        if (owned == 0) {
                          return null;
                        }
                        return new Resolved(server.hostname, Set.of(server.datacenterCode));
                      });
            });
  }

  private static Uni<Resolved> guest(UUID id, String tenant) {
    return InventoryGuest.<InventoryGuest>findById(id)
        .chain(
            guest -> {
              if (guest == null || !guest.tenant.equals(tenant)) {
                return Uni.createFrom().nullItem();
              }
              return InventoryServer.<InventoryServer>findById(guest.hostServerId)
                  .map(
                      host ->
                          new Resolved(
                              guest.name, host == null ? Set.of() : Set.of(host.datacenterCode)));
            });
  }

  private static Uni<Resolved> hostedService(UUID id, String tenant) {
    return InventoryHostedService.<InventoryHostedService>findById(id)
        .chain(
            service -> {
              if (service == null || !service.tenant.equals(tenant)) {
                return Uni.createFrom().nullItem();
              }
              List<UUID> guests = service.virtualMachines();
              Uni<List<UUID>> hosts =
                  guests.isEmpty()
                      ? Uni.createFrom().item(List.<UUID>of())
                      : InventoryGuest.<InventoryGuest>list("id in ?1", guests)
                          .map(list -> list.stream().map(g -> g.hostServerId).toList());
              return hosts.chain(
                  hostIds -> {
                    List<UUID> servers = new ArrayList<>(service.servers());
                    servers.addAll(hostIds);
                    if (servers.isEmpty()) {
                      return Uni.createFrom().item(new Resolved(service.name, Set.<String>of()));
                    }
                    return InventoryServer.<InventoryServer>list("id in ?1", servers)
                        .map(
                            list -> {
                              Set<String> dcs = new TreeSet<>();
                              list.forEach(s -> dcs.add(s.datacenterCode));
                              return new Resolved(service.name, dcs);
                            });
                  });
            });
  }
}
