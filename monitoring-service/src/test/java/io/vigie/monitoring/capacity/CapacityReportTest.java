package io.vigie.monitoring.capacity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HardwareSpec.DiskGroup;
import io.vigie.events.inventory.HardwareSpec.DiskMedia;
import io.vigie.events.inventory.HardwareSpec.RaidLevel;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.capacity.CapacityPlan.CapacityReport;
import io.vigie.monitoring.capacity.CapacityPlan.HostCapacity;
import io.vigie.monitoring.usage.UsageHours;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The capacity report and placement over a hand-built inventory published as inventory-service
 * publishes it (servers with their hardware, VMs with their sizes), in a datacenter of its own, and
 * hand-written usage hours: the answers are the ones computed by hand in the comments. Staff only.
 */
@QuarkusTest
class CapacityReportTest {

  @Inject CapacityService capacity;

  /** A datacenter code no other test uses. */
  private static String datacenter() {
    return "CAP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }

  private static HardwareSpec hardware(int threads, int ramGb, HardwareSpec.Storage storage) {
    return new HardwareSpec(
        new HardwareSpec.Cpu("Intel Xeon", 1, Math.max(1, threads / 2), threads, BigDecimal.TWO),
        new HardwareSpec.Memory(ramGb, "DDR4", true),
        storage);
  }

  private static HardwareSpec.Storage disks(RaidLevel raid, int count, int sizeGb) {
    return new HardwareSpec.Storage(raid, List.of(new DiskGroup(count, sizeGb, DiskMedia.SSD)));
  }

  /** Registers a hypervisor with that hardware, and waits until monitoring knows it. */
  private static UUID hypervisor(
      String name, String datacenter, ServerStatus status, HardwareSpec hardware) {
    UUID id = UUID.randomUUID();
    ServerSnapshot server =
        new ServerSnapshot(
            id,
            name + "-" + datacenter.toLowerCase() + ".example.net",
            UUID.randomUUID(),
            datacenter,
            null,
            null,
            Set.of(ServerRole.HYPERVISOR),
            status,
            hardware,
            List.of(),
            "10.7.0.1",
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            1);
    InventoryFeed.publish(id.toString(), new ServerRegistered(server));
    InventoryFeed.awaitTarget(id, status.name());
    return id;
  }

  /** Provisions a VM of that size on {@code host} and waits until monitoring shows it there. */
  private static void vm(UUID host, int vcpus, int ramGb, int diskGb) {
    UUID id = UUID.randomUUID();
    InventoryFeed.publish(
        host.toString(),
        new VirtualMachineProvisioned(
            new VirtualMachineSnapshot(
                id,
                "vm-" + id.toString().substring(0, 8),
                GuestKind.VM,
                host,
                UUID.randomUUID(),
                "cap-client",
                vcpus,
                ramGb,
                diskGb,
                List.of(),
                "Debian 12",
                1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                String.valueOf(
                        given()
                            .auth()
                            .oauth2(TestTokens.engineer())
                            .get("/api/v1/targets/" + host)
                            .then()
                            .extract()
                            .<Object>path("guests.id"))
                    .contains(id.toString()));
  }

  /** 48 closed hours before {@code now}, growing by the per-hour amounts. */
  private static void usageHours(
      UUID server,
      Instant now,
      double cpu,
      double ram,
      double ramPerHour,
      double disk,
      double diskPerHour)
      throws Throwable {
    UsageHours.write(
        server, now.minus(Duration.ofHours(48)), 48, cpu, 0, ram, ramPerHour, disk, diskPerHour);
  }

  private static JsonPath get(String path) {
    return given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void placementOverAHandBuiltInventory() throws Throwable {
    String dc = datacenter();
    // a: 8 threads x 4 = 32 vCPUs, 64 GB, RAID10 4 x 1000 = 2000 GB; VMs 8+16 vCPUs, 16+32 GB,
    // 200+500 GB allocated
    UUID a =
        hypervisor(
            "hv-a", dc, ServerStatus.ACTIVE, hardware(8, 64, disks(RaidLevel.RAID10, 4, 1000)));
    vm(a, 8, 16, 200);
    vm(a, 16, 32, 500);
    // b: 16 x 4 = 64 vCPUs, 128 GB, RAID1 2 x 960 = 960 GB; 4, 16, 100 allocated
    UUID b =
        hypervisor(
            "hv-b", dc, ServerStatus.ACTIVE, hardware(16, 128, disks(RaidLevel.RAID1, 2, 960)));
    vm(b, 4, 16, 100);
    // c: 48 vCPUs, 32 GB, RAID5 3 x 1000 = 2000 GB; 8, 24, 300 allocated
    UUID c =
        hypervisor(
            "hv-c", dc, ServerStatus.ACTIVE, hardware(12, 32, disks(RaidLevel.RAID5, 3, 1000)));
    vm(c, 8, 24, 300);
    // d: in maintenance; e: no storage described
    hypervisor(
        "hv-d", dc, ServerStatus.MAINTENANCE, hardware(64, 512, disks(RaidLevel.RAID1, 2, 4000)));
    hypervisor("hv-e", dc, ServerStatus.ACTIVE, hardware(4, 16, null));

    // a VM of 8 vCPUs, 12 GB, 400 GB: b keeps 52/64 vCPUs, 100/128 GB, 460/960 GB (scarcest:
    // disk, 0.4792); a keeps 0/32 vCPUs (exactly at the 4:1 limit), 4 GB, 900 GB; c would need
    // 24 + 12 GB of its 32 (RAM 1:1)
    JsonPath answer =
        get("/api/v1/capacity/placement?vcpus=8&ramGb=12&diskGb=400&datacenter=" + dc);
    assertThat(answer.getList("fits.serverId")).containsExactly(b.toString(), a.toString());
    assertThat(answer.getDouble("fits[0].vcpusLeft")).isEqualTo(52.0);
    assertThat(answer.getDouble("fits[0].ramGbLeft")).isEqualTo(100.0);
    assertThat(answer.getDouble("fits[0].diskGbLeft")).isEqualTo(460.0);
    assertThat(answer.getDouble("fits[0].tightestShareLeft")).isEqualTo(0.4792);
    assertThat(answer.getDouble("fits[1].vcpusLeft")).isEqualTo(0.0);
    assertThat(answer.getDouble("fits[1].diskGbLeft")).isEqualTo(900.0);
    assertThat(answer.getList("refused.hostname"))
        .containsExactly(
            "hv-c-" + dc.toLowerCase() + ".example.net",
            "hv-d-" + dc.toLowerCase() + ".example.net",
            "hv-e-" + dc.toLowerCase() + ".example.net");
    assertThat(answer.getList("refused[0].reasons", String.class))
        .containsExactly("ram: 24 + 12 GB allocated would exceed 32 (32 GB × 1)");
    assertThat(answer.getString("refused[1].reasons[0]")).startsWith("status MAINTENANCE");
    assertThat(answer.getString("refused[2].reasons[0]")).startsWith("hardware unknown");
    assertThat(answer.getDouble("policy.cpu")).isEqualTo(4.0);
    assertThat(answer.getInt("vm.vcpus")).isEqualTo(8);

    // 9 vCPUs no longer fit on a
    assertThat(
            get("/api/v1/capacity/placement?vcpus=9&ramGb=12&diskGb=400&datacenter=" + dc)
                .getList("fits.serverId"))
        .containsExactly(b.toString());

    // the report over the same hosts, with 48 hours of usage on a and b, at a chosen instant:
    // a's RAM grows 0.05 GB an hour from 48 GB (50.4 GB now, 1.2 GB a day): 90 % of 64 GB is
    // reached in (57.6 - 50.4) / 1.2 = 6 days; b's disk grows 1 GB an hour from 800 GB (848 now):
    // 90 % of 960 = 864 is 16 hours away, so b runs out first
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    usageHours(a, now, 25, 48, 0.05, 300, 0);
    usageHours(b, now, 10, 20, 0, 800, 1);
    CapacityReport report = VertxContextSupport.subscribeAndAwait(() -> capacity.report(dc, now));
    assertThat(report.hosts()).hasSize(5);
    HostCapacity ha = report.hosts().get(0);
    assertThat(ha.serverId()).isEqualTo(a);
    assertThat(ha.guests()).isEqualTo(2);
    assertThat(ha.cpu().allocated()).isEqualTo(24);
    assertThat(ha.cpu().allocatable()).isEqualTo(32);
    assertThat(ha.disk().physical()).isEqualTo(2000);
    assertThat(ha.cpu().used()).isEqualTo(2.0); // 25 % of 8 threads
    assertThat(ha.ram().used()).isEqualTo(50.35);
    assertThat(ha.ram().forecasts().get(0).used()).isEqualTo(86.4);
    assertThat(ha.ram().daysUntilFull()).isEqualTo(6.0);
    assertThat(report.runOutOrder())
        .extracting(r -> r.serverId() + ":" + r.resource())
        .containsExactly(b + ":disk", a + ":ram");
    assertThat(report.datacenters()).hasSize(1);
    var total = report.datacenters().get(0);
    // threads 8+16+12+64+4, RAM 64+128+32+512+16, disk 2000+960+2000+4000+0 (e's is unknown)
    assertThat(total.cpu().physical()).isEqualTo(104);
    assertThat(total.ram().physical()).isEqualTo(752);
    assertThat(total.disk().physical()).isEqualTo(8960);
    assertThat(total.cpu().allocated()).isEqualTo(36);
    assertThat(total.ram().allocated()).isEqualTo(88);
    assertThat(total.disk().allocated()).isEqualTo(1100);

    // through the API (now): the same hosts, staff read it
    JsonPath api = get("/api/v1/capacity?datacenter=" + dc);
    assertThat(api.getList("hosts")).hasSize(5);
    assertThat(api.getString("datacenters[0].datacenterCode")).isEqualTo(dc);
    assertThat(api.getInt("datacenters[0].hosts")).isEqualTo(5);
    assertThat(get("/api/v1/capacity").getList("datacenters.datacenterCode")).contains(dc);
  }

  @Test
  void staffOnlyAndBadInputNamesTheField() {
    for (String path :
        List.of("/api/v1/capacity", "/api/v1/capacity/placement?vcpus=1&ramGb=1&diskGb=1")) {
      given().auth().oauth2(TestTokens.client("cap-client")).get(path).then().statusCode(403);
      given().auth().oauth2(TestTokens.agent()).get(path).then().statusCode(403);
      given().get(path).then().statusCode(401);
      given().auth().oauth2(TestTokens.support()).get(path).then().statusCode(200);
    }
    Map<String, String> bad =
        Map.of(
            "/api/v1/capacity/placement?ramGb=1&diskGb=1", "vcpus",
            "/api/v1/capacity/placement?vcpus=0&ramGb=1&diskGb=1", "vcpus",
            "/api/v1/capacity/placement?vcpus=2&ramGb=lots&diskGb=1", "ramGb",
            "/api/v1/capacity/placement?vcpus=2&ramGb=4&diskGb=2000000", "diskGb",
            "/api/v1/capacity?datacenter=PAR DC2!", "datacenter");
    bad.forEach(
        (path, field) ->
            given()
                .auth()
                .oauth2(TestTokens.engineer())
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field)));
    given()
        .auth()
        .oauth2(TestTokens.engineer())
        .get("/api/v1/capacity/placement?vcpus=1&ramGb=1&diskGb=1&datacenter=NOWHERE-9")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("datacenter"));
  }
}
