package io.vigie.inventory.integrations;

import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.inventory.guests.VirtualMachine;
import io.vigie.inventory.servers.Server;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The inventory in the shapes other tools read: Prometheus HTTP service discovery and an Ansible
 * dynamic inventory, so neither keeps a hand-written host list that drifts from the truth.
 */
public final class IntegrationExports {

  /** Prometheus label names; anything else makes Prometheus reject the whole target list. */
  public static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private static final Set<ServerStatus> SCRAPED =
      Set.of(ServerStatus.ACTIVE, ServerStatus.MAINTENANCE);

  private IntegrationExports() {}

  /** One entry of the Prometheus {@code http_sd} format. */
  public record SdTarget(List<String> targets, Map<String, String> labels) {}

  /** What both exports are built from, as the service loads it. */
  public record Inputs(
      List<Server> servers,
      Map<UUID, Set<String>> clientCodesByServer,
      List<VirtualMachine> guests) {}

  /**
   * Targets for Prometheus: running servers (active or in maintenance; planned ones are not racked
   * yet and decommissioned ones are gone) and the guests on them that have an address.
   */
  public static List<SdTarget> prometheusTargets(
      List<Server> servers,
      Map<UUID, Set<String>> clientCodesByServer,
      List<VirtualMachine> guests,
      int port) {
    List<SdTarget> out = new ArrayList<>();
    for (Server server : byHostname(servers)) {
      if (!SCRAPED.contains(server.status)) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      labels.put("datacenter", server.datacenter.code);
      labels.put("role", String.join(",", roleNames(server.roles, "-")));
      labels.put("client", String.join(",", clientsOf(server, clientCodesByServer)));
      labels.put("hostname", server.hostname);
      labels.put("server_id", server.id.toString());
      labels.put("status", server.status.name().toLowerCase(Locale.ROOT));
      labels.put("kind", "server");
      out.add(new SdTarget(List.of(hostPort(server.reachableAddress(), port)), labels));
    }
    for (VirtualMachine guest : byHostAndName(guests)) {
      if (guest.ipAddresses.isEmpty() || !SCRAPED.contains(guest.host.status)) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      labels.put("datacenter", guest.host.datacenter.code);
      labels.put("role", "guest");
      labels.put("client", guest.client.code);
      labels.put("hostname", guest.name);
      labels.put("host", guest.host.hostname);
      labels.put("kind", guest.kind.name().toLowerCase(Locale.ROOT));
      labels.put("server_id", guest.host.id.toString());
      out.add(new SdTarget(List.of(hostPort(guest.ipAddresses.get(0), port)), labels));
    }
    return out;
  }

  /**
   * The JSON an Ansible inventory script answers to {@code --list}: groups per datacenter, role,
   * client and status, guests in {@code guests} and their client's group, and host variables in
   * {@code _meta} so Ansible does not call back once per host. Decommissioned servers are left out;
   * planned ones stay in, since Ansible is what installs them.
   */
  public static Map<String, Object> ansibleInventory(
      List<Server> servers,
      Map<UUID, Set<String>> clientCodesByServer,
      List<VirtualMachine> guests) {
    Map<String, Object> hostvars = new TreeMap<>();
    Map<String, Set<String>> groups = new TreeMap<>();
    Set<UUID> listed = new HashSet<>();
    for (Server server : byHostname(servers)) {
      if (server.status == ServerStatus.DECOMMISSIONED) {
        continue;
      }
      listed.add(server.id);
      List<String> clients = clientsOf(server, clientCodesByServer);
      List<String> roles = roleNames(server.roles, "_");
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("ansible_host", server.reachableAddress());
      vars.put("vigie_server_id", server.id.toString());
      vars.put("vigie_datacenter", server.datacenter.code);
      vars.put("vigie_roles", roles);
      vars.put("vigie_status", server.status.name().toLowerCase(Locale.ROOT));
      vars.put("vigie_clients", clients);
      hostvars.put(server.hostname, vars);
      addTo(groups, "dc_" + server.datacenter.code, server.hostname);
      roles.forEach(role -> addTo(groups, "role_" + role, server.hostname));
      clients.forEach(client -> addTo(groups, "client_" + client, server.hostname));
      addTo(groups, "status_" + server.status.name(), server.hostname);
    }
    for (VirtualMachine guest : byHostAndName(guests)) {
      if (!listed.contains(guest.host.id)) {
        continue;
      }
      // Guest names are unique per host only; Ansible needs hoster-wide unique host names.
      String name =
          hostvars.containsKey(guest.name) ? guest.name + "." + guest.host.hostname : guest.name;
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("ansible_host", guest.ipAddresses.isEmpty() ? guest.name : guest.ipAddresses.get(0));
      vars.put("vigie_guest_id", guest.id.toString());
      vars.put("vigie_guest_kind", guest.kind.name().toLowerCase(Locale.ROOT));
      vars.put("vigie_host", guest.host.hostname);
      vars.put("vigie_server_id", guest.host.id.toString());
      vars.put("vigie_datacenter", guest.host.datacenter.code);
      vars.put("vigie_clients", List.of(guest.client.code));
      hostvars.put(name, vars);
      addTo(groups, "guests", name);
      addTo(groups, "client_" + guest.client.code, name);
    }
    Map<String, Object> inventory = new LinkedHashMap<>();
    inventory.put("_meta", Map.of("hostvars", hostvars));
    List<String> children = new ArrayList<>();
    children.add("ungrouped");
    children.addAll(groups.keySet());
    inventory.put("all", Map.of("children", children));
    groups.forEach((group, hosts) -> inventory.put(group, Map.of("hosts", List.copyOf(hosts))));
    return inventory;
  }

  /** Ansible group names: lowercase letters, digits and underscores only. */
  static String groupName(String raw) {
    return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static void addTo(Map<String, Set<String>> groups, String group, String host) {
    groups.computeIfAbsent(groupName(group), g -> new TreeSet<>()).add(host);
  }

  private static List<String> roleNames(Collection<ServerRole> roles, String separator) {
    return roles.stream()
        .map(role -> role.name().toLowerCase(Locale.ROOT).replace("_", separator))
        .sorted()
        .toList();
  }

  private static List<String> clientsOf(Server server, Map<UUID, Set<String>> clientCodesByServer) {
    return clientCodesByServer.getOrDefault(server.id, Set.of()).stream().sorted().toList();
  }

  /** IPv6 addresses need brackets before a port. */
  private static String hostPort(String address, int port) {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  private static List<Server> byHostname(List<Server> servers) {
    return servers.stream().sorted(Comparator.comparing((Server s) -> s.hostname)).toList();
  }

  private static List<VirtualMachine> byHostAndName(List<VirtualMachine> guests) {
    return guests.stream()
        .sorted(
            Comparator.comparing((VirtualMachine v) -> v.host.hostname)
                .thenComparing(v -> v.name)
                .thenComparing(v -> v.id))
        .toList();
  }
}
