package io.vigie.ticket.intervention;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who an intervention concerns, from the inventory read model, in plain Java. A client is concerned
 * when one of its VMs is named or runs on a named server, or one of its hosted services is named or
 * runs on a named server or on an affected VM. Each client's parts are what it may read: the named
 * servers that carry something of its, its named VMs, and its affected hosted services. Monitoring
 * silences the named servers and the {@link #covered covered} hosted services: those named and
 * those running on a named VM (a named server covers what runs on it already).
 */
public final class AffectedClients {

  private AffectedClients() {}

  /** A VM as the read model knows it. */
  public record Guest(UUID id, UUID hostServerId, String tenant) {}

  /** A hosted service as the read model knows it. */
  public record Service(UUID id, String tenant, Set<UUID> serverIds, Set<UUID> guestIds) {}

  /** The parts of an intervention that concern one client. */
  public record Parts(Set<UUID> servers, Set<UUID> guests, Set<UUID> services) {
    static Parts empty() {
      return new Parts(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    }
  }

  /**
   * The clients concerned (by code, sorted) with their parts.
   *
   * @param guests the named VMs and every VM on a named server
   * @param services candidate hosted services (at least every affected one)
   */
  public static Map<String, Parts> of(
      Set<UUID> namedServers,
      Set<UUID> namedGuests,
      Set<UUID> namedServices,
      Collection<Guest> guests,
      Collection<Service> services) {
    Map<String, Parts> byTenant = new TreeMap<>();
    Set<UUID> affectedGuests = new HashSet<>();
    Map<UUID, Guest> guestById = new java.util.HashMap<>();
    for (Guest g : guests) {
      guestById.put(g.id(), g);
      boolean named = namedGuests.contains(g.id());
      boolean onNamedServer = namedServers.contains(g.hostServerId());
      if (!named && !onNamedServer) {
        continue;
      }
      affectedGuests.add(g.id());
      Parts parts = byTenant.computeIfAbsent(g.tenant(), t -> Parts.empty());
      if (named) {
        parts.guests().add(g.id());
      }
      if (onNamedServer) {
        parts.servers().add(g.hostServerId());
      }
    }
    for (Service s : services) {
      boolean named = namedServices.contains(s.id());
      Set<UUID> onServers = intersection(s.serverIds(), namedServers);
      Set<UUID> onGuests = intersection(s.guestIds(), affectedGuests);
      if (!named && onServers.isEmpty() && onGuests.isEmpty()) {
        continue;
      }
      Parts parts = byTenant.computeIfAbsent(s.tenant(), t -> Parts.empty());
      parts.services().add(s.id());
      parts.servers().addAll(onServers);
      for (UUID guest : onGuests) {
        UUID host = guestById.get(guest).hostServerId();
        if (namedServers.contains(host)) {
          parts.servers().add(host);
        }
      }
    }
    return Collections.unmodifiableMap(byTenant);
  }

  /** The hosted services monitoring silences besides the named servers. */
  public static Set<UUID> covered(
      Set<UUID> namedGuests, Set<UUID> namedServices, Collection<Service> services) {
    Set<UUID> covered = new LinkedHashSet<>(namedServices);
    for (Service s : services) {
      if (!intersection(s.guestIds(), namedGuests).isEmpty()) {
        covered.add(s.id());
      }
    }
    return covered;
  }

  private static Set<UUID> intersection(Set<UUID> a, Set<UUID> b) {
    Set<UUID> both = new LinkedHashSet<>(a);
    both.retainAll(b);
    return both;
  }
}
