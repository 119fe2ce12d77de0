package io.vigie.monitoring.rules;

import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.targets.Surveillance;
import io.vigie.monitoring.targets.TargetGuest;
import io.vigie.monitoring.targets.TargetServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which monitored target a series is about, from its labels: the {@code server_id} label the
 * inventory's Prometheus service discovery sets (with {@code hostname} naming a guest), else the
 * host part of {@code instance} or the {@code hostname} label matched against the servers' and
 * guests' names and addresses. Plain Java over the read model's rows.
 */
public final class TargetIndex {

  /** The target: the physical server, the guest if the series is a VM's, and a display name. */
  public record Target(UUID serverId, UUID guestId, String name) {}

  private final Map<UUID, TargetServer> servers = new HashMap<>();
  private final Map<String, Target> byName = new HashMap<>();
  private final Map<UUID, Map<String, TargetGuest>> guestsByHost = new HashMap<>();

  /** Reads the monitored servers and guests; must run in a session. */
  public static Uni<TargetIndex> load() {
    return TargetServer.<TargetServer>listAll()
        .chain(
            servers ->
                TargetGuest.<TargetGuest>listAll().map(guests -> TargetIndex.of(servers, guests)));
  }

  public static TargetIndex of(List<TargetServer> servers, List<TargetGuest> guests) {
    TargetIndex index = new TargetIndex();
    for (TargetServer s : servers) {
      if (!Surveillance.monitored(s.status)) {
        continue;
      }
      index.servers.put(s.id, s);
      Target target = new Target(s.id, null, s.hostname);
      index.byName.put(s.hostname, target);
      index.byName.putIfAbsent(s.address, target);
    }
    for (TargetGuest g : guests) {
      if (!index.servers.containsKey(g.hostServerId)) {
        continue;
      }
      Target target = new Target(g.hostServerId, g.id, g.name);
      index.byName.putIfAbsent(g.name, target);
      if (g.address != null) {
        index.byName.putIfAbsent(g.address, target);
      }
      index.guestsByHost.computeIfAbsent(g.hostServerId, k -> new HashMap<>()).put(g.name, g);
    }
    return index;
  }

  public Optional<Target> attribute(Map<String, String> labels) {
    UUID serverId = uuid(labels.getOrDefault("server_id", labels.get("vigie_server_id")));
    if (serverId != null) {
      TargetServer server = servers.get(serverId);
      if (server == null) {
        return Optional.empty(); // unknown, planned or decommissioned: not watched
      }
      String hostname = labels.get("hostname");
      TargetGuest guest =
          hostname == null ? null : guestsByHost.getOrDefault(serverId, Map.of()).get(hostname);
      return Optional.of(
          guest == null
              ? new Target(serverId, null, server.hostname)
              : new Target(serverId, guest.id, guest.name));
    }
    String instance = labels.get("instance");
    if (instance != null) {
      Target found = byName.get(host(instance));
      if (found != null) {
        return Optional.of(found);
      }
    }
    String hostname = labels.get("hostname");
    return hostname == null ? Optional.empty() : Optional.ofNullable(byName.get(hostname));
  }

  /** The host part of {@code host:port}, {@code [v6]:port} or a bare host. */
  static String host(String instance) {
    if (instance.startsWith("[")) {
      int close = instance.indexOf(']');
      return close < 0 ? instance : instance.substring(1, close);
    }
    int colon = instance.lastIndexOf(':');
    return colon < 0 || instance.indexOf(':') != colon ? instance : instance.substring(0, colon);
  }

  private static UUID uuid(String text) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
