package io.vigie.monitoring.targets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a problem on a server reaches: the guests on it, the hosted services on it or on those
 * guests, and the tenants that own them. Plain Java over the read model's rows.
 */
public record Topology(
    TargetView server, List<GuestView> guests, List<ServiceView> services, Set<String> tenants) {

  /** A server as a monitoring target. */
  public record TargetView(
      UUID id,
      String hostname,
      String datacenterCode,
      String address,
      List<String> roles,
      String status,
      boolean monitored,
      boolean silenced) {

    public static TargetView of(TargetServer s) {
      return new TargetView(
          s.id,
          s.hostname,
          s.datacenterCode,
          s.address,
          List.of(s.roles.split(",")),
          s.status.name(),
          Surveillance.monitored(s.status),
          Surveillance.silenced(s.status));
    }
  }

  public record GuestView(UUID id, String name, String kind, String tenant, String address) {}

  /** A hosted service; {@code guestIds} are the guests of this server it runs on. */
  public record ServiceView(
      UUID id,
      String name,
      String kind,
      String url,
      Integer port,
      String tenant,
      @JsonIgnore Set<UUID> guestIds) {}

  /**
   * The topology of {@code server}; {@code visibleTenant} non-null keeps only that tenant's part (a
   * client's view).
   */
  public static Topology of(
      TargetServer server,
      List<TargetGuest> allGuests,
      List<TargetService> allServices,
      String visibleTenant) {
    Set<String> guestIds = new TreeSet<>();
    List<GuestView> guests =
        allGuests.stream()
            .filter(g -> g.hostServerId.equals(server.id))
            .peek(g -> guestIds.add(g.id.toString()))
            .filter(g -> visibleTenant == null || visibleTenant.equals(g.tenant))
            .map(g -> new GuestView(g.id, g.name, g.kind.name(), g.tenant, g.address))
            .toList();
    List<ServiceView> services =
        allServices.stream()
            .filter(
                h ->
                    contains(h.serverIds, server.id.toString())
                        || containsAny(h.virtualMachineIds, guestIds))
            .filter(h -> visibleTenant == null || visibleTenant.equals(h.tenant))
            .map(
                h ->
                    new ServiceView(
                        h.id,
                        h.name,
                        h.kind.name(),
                        h.url,
                        h.port,
                        h.tenant,
                        idsIn(h.virtualMachineIds, guestIds)))
            .toList();
    Set<String> tenants = new TreeSet<>();
    guests.forEach(g -> tenants.add(g.tenant()));
    services.forEach(h -> tenants.add(h.tenant()));
    return new Topology(TargetView.of(server), guests, services, tenants);
  }

  /** Whom a problem reaches: the clients (codes) and their hosted services. */
  public record Affected(List<String> tenants, List<UUID> hostedServiceIds) {}

  /**
   * Whom a problem on part of the server reaches: a hosted service reaches its own client; a guest
   * reaches its client and the services on it; the server itself (both null) reaches everyone.
   */
  public Affected affected(UUID guestId, UUID hostedServiceId) {
    if (hostedServiceId != null) {
      return services.stream()
          .filter(h -> h.id().equals(hostedServiceId))
          .findFirst()
          .map(h -> new Affected(List.of(h.tenant()), List.of(h.id())))
          .orElseGet(() -> new Affected(List.of(), List.of(hostedServiceId)));
    }
    if (guestId != null) {
      return guests.stream()
          .filter(g -> g.id().equals(guestId))
          .findFirst()
          .map(g -> new Affected(List.of(g.tenant()), servicesOn(g.id())))
          .orElseGet(() -> new Affected(List.of(), List.of()));
    }
    return new Affected(List.copyOf(tenants), services.stream().map(ServiceView::id).toList());
  }

  private List<UUID> servicesOn(UUID guestId) {
    return services.stream()
        .filter(h -> h.guestIds().contains(guestId))
        .map(ServiceView::id)
        .toList();
  }

  private static boolean contains(String commaList, String id) {
    return !commaList.isEmpty() && List.of(commaList.split(",")).contains(id);
  }

  private static Set<UUID> idsIn(String commaList, Set<String> ids) {
    Set<UUID> found = new TreeSet<>();
    if (!commaList.isEmpty()) {
      for (String id : commaList.split(",")) {
        if (ids.contains(id)) {
          found.add(UUID.fromString(id));
        }
      }
    }
    return found;
  }

  private static boolean containsAny(String commaList, Set<String> ids) {
    return !commaList.isEmpty() && List.of(commaList.split(",")).stream().anyMatch(ids::contains);
  }
}
