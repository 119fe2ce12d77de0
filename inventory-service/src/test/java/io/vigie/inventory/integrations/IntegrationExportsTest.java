package io.vigie.inventory.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.inventory.clients.Client;
import io.vigie.inventory.datacenters.Datacenter;
import io.vigie.inventory.guests.VirtualMachine;
import io.vigie.inventory.integrations.IntegrationExports.SdTarget;
import io.vigie.inventory.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IntegrationExportsTest {

  private final Datacenter dc2 = datacenter("par-dc2");
  private final Datacenter dc5 = datacenter("PAR.DC5");
  private final Client lumiere = client("lumiere");
  private final Client boulangerie = client("la-boulangerie");

  private final Server lb1 =
      server("lb1.par-dc2", dc2, ServerStatus.ACTIVE, "10.2.0.10", ServerRole.LOAD_BALANCER);
  private final Server web1 =
      server(
          "web1.par-dc2",
          dc2,
          ServerStatus.ACTIVE,
          "10.2.0.11",
          ServerRole.WEB,
          ServerRole.DATABASE);
  private final Server pve1 =
      server("pve1.par-dc5", dc5, ServerStatus.MAINTENANCE, "10.5.0.2", ServerRole.HYPERVISOR);
  private final Server planned =
      server("web2.par-dc2", dc2, ServerStatus.PLANNED, "10.2.0.12", ServerRole.WEB);
  private final Server retired =
      server("old1.par-dc2", dc2, ServerStatus.DECOMMISSIONED, "10.2.0.9", ServerRole.WEB);

  private final VirtualMachine shop = guest("shop", GuestKind.LXC, pve1, boulangerie, "10.5.0.21");
  private final VirtualMachine app = guest("app", GuestKind.VM, pve1, lumiere, "10.5.0.22");
  private final VirtualMachine noIp = guest("scratch", GuestKind.VM, pve1, lumiere);
  private final VirtualMachine onPlanned =
      guest("staging", GuestKind.LXC, planned, lumiere, "10.2.0.40");

  private final Map<UUID, Set<String>> clientsByServer =
      Map.of(
          web1.id, new TreeSet<>(Set.of("lumiere", "la-boulangerie")),
          pve1.id, new TreeSet<>(Set.of("lumiere", "la-boulangerie")),
          planned.id, Set.of("lumiere"));

  private final List<Server> servers = List.of(web1, retired, planned, pve1, lb1);
  private final List<VirtualMachine> guests = List.of(onPlanned, noIp, shop, app);

  @Test
  void prometheus_scrapes_running_servers_and_their_addressed_guests() {
    List<SdTarget> targets =
        IntegrationExports.prometheusTargets(servers, clientsByServer, guests, 9100);

    assertThat(targets)
        .extracting(t -> t.labels().get("hostname"))
        .containsExactly("lb1.par-dc2", "pve1.par-dc5", "web1.par-dc2", "app", "shop");
  }

  @Test
  void server_target_uses_the_management_address_and_labels_role_client_and_status() {
    List<SdTarget> targets =
        IntegrationExports.prometheusTargets(servers, clientsByServer, guests, 9100);

    SdTarget web = targets.get(2);
    assertThat(web.targets()).containsExactly("10.2.0.11:9100");
    assertThat(web.labels())
        .containsOnly(
            entry("datacenter", "par-dc2"),
            entry("role", "database,web"),
            entry("client", "la-boulangerie,lumiere"),
            entry("hostname", "web1.par-dc2"),
            entry("server_id", web1.id.toString()),
            entry("status", "active"),
            entry("kind", "server"));
    SdTarget lb = targets.get(0);
    assertThat(lb.labels()).containsEntry("role", "load-balancer").containsEntry("client", "");
    assertThat(targets.get(1).labels()).containsEntry("status", "maintenance");
  }

  @Test
  void guest_target_is_its_first_address_labelled_with_its_host_and_client() {
    List<SdTarget> targets =
        IntegrationExports.prometheusTargets(servers, clientsByServer, guests, 9100);

    SdTarget shopTarget = targets.get(4);
    assertThat(shopTarget.targets()).containsExactly("10.5.0.21:9100");
    assertThat(shopTarget.labels())
        .containsOnly(
            entry("datacenter", "PAR.DC5"),
            entry("role", "guest"),
            entry("client", "la-boulangerie"),
            entry("hostname", "shop"),
            entry("host", "pve1.par-dc5"),
            entry("kind", "lxc"),
            entry("server_id", pve1.id.toString()));
    assertThat(targets.get(3).labels()).containsEntry("kind", "vm");
  }

  @Test
  void every_label_name_is_one_prometheus_accepts() {
    IntegrationExports.prometheusTargets(servers, clientsByServer, guests, 9100).stream()
        .flatMap(t -> t.labels().keySet().stream())
        .forEach(name -> assertThat(name).matches(IntegrationExports.LABEL_NAME));
  }

  @Test
  void address_falls_back_to_private_ip_then_hostname_and_ipv6_is_bracketed() {
    lb1.managementIp = null;
    lb1.privateIps = List.of("10.2.0.10");
    web1.managementIp = "2001:db8::11";
    pve1.managementIp = null;

    List<SdTarget> targets =
        IntegrationExports.prometheusTargets(servers, clientsByServer, List.of(), 9100);

    assertThat(targets)
        .extracting(t -> t.targets().get(0))
        .containsExactly("10.2.0.10:9100", "pve1.par-dc5:9100", "[2001:db8::11]:9100");
  }

  @Test
  void ansible_inventory_has_host_vars_and_sanitised_groups() {
    Map<String, Object> inventory =
        IntegrationExports.ansibleInventory(servers, clientsByServer, guests);

    Map<String, Object> hostvars = hostvars(inventory);
    assertThat(hostvars)
        .containsOnlyKeys(
            "lb1.par-dc2",
            "pve1.par-dc5",
            "web1.par-dc2",
            "web2.par-dc2",
            "app",
            "scratch",
            "shop",
            "staging");
    assertThat(asMap(hostvars.get("web1.par-dc2")))
        .containsOnly(
            entry("ansible_host", "10.2.0.11"),
            entry("vigie_server_id", web1.id.toString()),
            entry("vigie_datacenter", "par-dc2"),
            entry("vigie_roles", List.of("database", "web")),
            entry("vigie_status", "active"),
            entry("vigie_clients", List.of("la-boulangerie", "lumiere")));
    assertThat(asMap(hostvars.get("shop")))
        .containsEntry("ansible_host", "10.5.0.21")
        .containsEntry("vigie_host", "pve1.par-dc5")
        .containsEntry("vigie_guest_kind", "lxc");

    assertThat(hosts(inventory, "dc_par_dc2"))
        .containsExactly("lb1.par-dc2", "web1.par-dc2", "web2.par-dc2");
    assertThat(hosts(inventory, "dc_par_dc5")).containsExactly("pve1.par-dc5");
    assertThat(hosts(inventory, "role_load_balancer")).containsExactly("lb1.par-dc2");
    assertThat(hosts(inventory, "role_web")).containsExactly("web1.par-dc2", "web2.par-dc2");
    assertThat(hosts(inventory, "client_la_boulangerie"))
        .containsExactly("pve1.par-dc5", "shop", "web1.par-dc2");
    assertThat(hosts(inventory, "client_lumiere"))
        .containsExactly(
            "app", "pve1.par-dc5", "scratch", "staging", "web1.par-dc2", "web2.par-dc2");
    assertThat(hosts(inventory, "status_active")).containsExactly("lb1.par-dc2", "web1.par-dc2");
    assertThat(hosts(inventory, "status_planned")).containsExactly("web2.par-dc2");
    assertThat(hosts(inventory, "guests")).containsExactly("app", "scratch", "shop", "staging");
  }

  @Test
  void ansible_inventory_leaves_decommissioned_servers_out_and_lists_every_group_under_all() {
    Map<String, Object> inventory =
        IntegrationExports.ansibleInventory(servers, clientsByServer, guests);

    assertThat(hostvars(inventory)).doesNotContainKey("old1.par-dc2");
    assertThat(inventory).doesNotContainKey("status_decommissioned");
    @SuppressWarnings("unchecked")
    List<String> children = (List<String>) asMap(inventory.get("all")).get("children");
    assertThat(children.get(0)).isEqualTo("ungrouped");
    assertThat(children.subList(1, children.size()))
        .isSorted()
        .allMatch(group -> group.matches("[a-z0-9_]+"))
        .allMatch(inventory::containsKey)
        .contains(
            "dc_par_dc2", "role_hypervisor", "client_lumiere", "guests", "status_maintenance");
  }

  @Test
  void a_guest_named_like_another_host_is_qualified_by_its_host() {
    VirtualMachine clash = guest("web1.par-dc2", GuestKind.VM, pve1, lumiere, "10.5.0.30");

    Map<String, Object> inventory =
        IntegrationExports.ansibleInventory(servers, clientsByServer, List.of(clash));

    assertThat(hostvars(inventory)).containsKeys("web1.par-dc2", "web1.par-dc2.pve1.par-dc5");
    assertThat(hosts(inventory, "guests")).containsExactly("web1.par-dc2.pve1.par-dc5");
  }

  @Test
  void the_same_inventory_always_renders_the_same() {
    Map<String, Object> once =
        IntegrationExports.ansibleInventory(servers, clientsByServer, guests);
    Map<String, Object> again =
        IntegrationExports.ansibleInventory(
            List.of(lb1, pve1, planned, retired, web1),
            clientsByServer,
            List.of(app, shop, onPlanned, noIp));

    assertThat(again.toString()).isEqualTo(once.toString());
  }

  @Test
  void group_names_keep_only_lowercase_letters_digits_and_underscores() {
    assertThat(IntegrationExports.groupName("client_Café-Lumière.fr"))
        .isEqualTo("client_caf__lumi_re_fr");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> hostvars(Map<String, Object> inventory) {
    return asMap(asMap(inventory.get("_meta")).get("hostvars"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> hosts(Map<String, Object> inventory, String group) {
    assertThat(inventory).containsKey(group);
    return (List<String>) asMap(inventory.get(group)).get("hosts");
  }

  private static Datacenter datacenter(String code) {
    Datacenter dc = new Datacenter();
    dc.id = UUID.randomUUID();
    dc.code = code;
    dc.name = code;
    dc.country = "FR";
    return dc;
  }

  private static Client client(String code) {
    Client client = new Client();
    client.id = UUID.randomUUID();
    client.code = code;
    client.name = code;
    return client;
  }

  private static Server server(
      String hostname,
      Datacenter dc,
      ServerStatus status,
      String managementIp,
      ServerRole... roles) {
    Server server = new Server();
    server.id = UUID.randomUUID();
    server.hostname = hostname;
    server.datacenter = dc;
    server.status = status;
    server.roles = new TreeSet<>(List.of(roles));
    server.managementIp = managementIp;
    return server;
  }

  private static VirtualMachine guest(
      String name, GuestKind kind, Server host, Client client, String... ips) {
    VirtualMachine vm = new VirtualMachine();
    vm.id = UUID.randomUUID();
    vm.name = name;
    vm.kind = kind;
    vm.host = host;
    vm.client = client;
    vm.ipAddresses = List.of(ips);
    return vm;
  }
}
