package io.vigie.monitoring.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.capacity.CapacityPlan.CapacityReport;
import io.vigie.monitoring.capacity.CapacityPlan.HostCapacity;
import io.vigie.monitoring.capacity.CapacityService;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A VM's own node_exporter series (tied to the guest by its name in {@code instance}) are rolled up
 * per hour like a physical server's, apart from its host's: the consumption report shows the VM's
 * use beside its allocation (hand-computed averages and 95th percentiles over a month of hours),
 * and the capacity of its hypervisor, which has no exporter of its own, is its guests' use.
 */
@QuarkusTest
class GuestUsageRollupTest {

  static final double GIB = 1024.0 * 1024 * 1024;

  @Inject UsageRollup rollup;
  @Inject CapacityService capacity;

  private static WriteRequest.TimeSeries series(
      String instance, String name, Map<String, String> extra, long at, double value) {
    Map<String, String> labels = new HashMap<>(extra);
    labels.put("__name__", name);
    labels.put("instance", instance);
    return WriteRequest.TimeSeries.of(SeriesLabels.of(labels), at, value);
  }

  /**
   * {@code hours} closed hours of the guest from {@code first}, CPU % and RAM GB rising by 1 and
   * 0.1.
   */
  private static void guestHours(UUID guest, UUID host, Instant first, int hours) throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            session ->
                                session
                                    .createNativeQuery(
                                        "insert into guest_usage_hour (guest_id, hour_start,"
                                            + " server_id, samples, cpu_sum, ram_gb_sum,"
                                            + " disk_gb_sum) select ?1, cast(?2 as timestamptz) +"
                                            + " k * interval '1 hour', ?3, 60, 60 * (k + 1), 60 *"
                                            + " (2.0 + 0.1 * k), 60 * (10 + 0.5 * k) from"
                                            + " generate_series(0, cast(?4 as integer) - 1) k")
                                    .setParameter(1, guest)
                                    .setParameter(2, first)
                                    .setParameter(3, host)
                                    .setParameter(4, hours)
                                    .executeUpdate())));
  }

  private static <T> T awaited(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aVmsOwnExporterIsRolledUpReportedAndAddedUpOnItsHost() throws Throwable {
    String tenant = "gu-" + UUID.randomUUID().toString().substring(0, 8);
    InventoryFeed.registerClient(tenant, "99.9");
    UUID host = InventoryFeed.activeServer("hv");
    UUID vm = InventoryFeed.guest(host, tenant); // vm-<tenant>: 2 vCPUs, 4 GB, 40 GB
    String instance = "vm-" + tenant + ":9100";

    // the VM's own exporter: idle 45 s of 60 on each of its 2 CPUs (25 % busy), 3 of 4 GiB used,
    // 10 of 40 GiB of disk used (tmpfs left out)
    long now = System.currentTimeMillis();
    long before = now - 60_000;
    List<WriteRequest.TimeSeries> first = new ArrayList<>();
    List<WriteRequest.TimeSeries> second = new ArrayList<>();
    for (String cpu : List.of("0", "1")) {
      Map<String, String> idle = Map.of("cpu", cpu, "mode", "idle");
      first.add(series(instance, "node_cpu_seconds_total", idle, before, 500));
      second.add(series(instance, "node_cpu_seconds_total", idle, now, 545));
    }
    second.add(series(instance, "node_memory_MemTotal_bytes", Map.of(), now, 4 * GIB));
    second.add(series(instance, "node_memory_MemAvailable_bytes", Map.of(), now, GIB));
    Map<String, String> root = Map.of("mountpoint", "/", "fstype", "ext4", "device", "vda1");
    Map<String, String> run = Map.of("mountpoint", "/run", "fstype", "tmpfs", "device", "tmpfs");
    second.add(series(instance, "node_filesystem_size_bytes", root, now, 40 * GIB));
    second.add(series(instance, "node_filesystem_avail_bytes", root, now, 30 * GIB));
    second.add(series(instance, "node_filesystem_size_bytes", run, now, 2 * GIB));
    second.add(series(instance, "node_filesystem_avail_bytes", run, now, GIB));
    RemoteWriteClient.send(new WriteRequest(first)).then().statusCode(204);
    RemoteWriteClient.send(new WriteRequest(second)).then().statusCode(204);

    Instant at = Instant.ofEpochMilli(now);
    // the samples reach the head through the samples topic: sample until the VM is measured
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              awaited(() -> rollup.sample(at));
              return GuestUsageRollupTest.<Long>awaited(
                      () ->
                          Panache.withSession(
                              () ->
                                  Panache.getSession()
                                      .chain(
                                          s ->
                                              s.createNativeQuery(
                                                      "select count(*) from guest_usage_hour"
                                                          + " where guest_id = ?1",
                                                      Long.class)
                                                  .setParameter(1, vm)
                                                  .getSingleResult())))
                  > 0;
            });

    // this month's report: the sampled hour, beside the VM's allocation
    YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
    JsonPath report =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get("/api/v1/consumption/clients/" + tenant + "/" + month)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(report.getString("virtualMachines[0].id")).isEqualTo(vm.toString());
    assertThat(report.getInt("virtualMachines[0].vcpus")).isEqualTo(2);
    assertThat(report.getInt("virtualMachines[0].use.hoursMeasured")).isEqualTo(1);
    assertThat(report.getDouble("virtualMachines[0].use.cpuPercentAvg")).isEqualTo(25.0);
    assertThat(report.getDouble("virtualMachines[0].use.vcpusUsedP95")).isEqualTo(0.5);
    assertThat(report.getDouble("virtualMachines[0].use.ramGbAvg")).isEqualTo(3.0);
    assertThat(report.getDouble("virtualMachines[0].use.diskGbLast")).isEqualTo(10.0);

    // its host has no exporter of its own: the hour just sampled, once closed, is its guests' use
    Instant closed = at.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    CapacityReport capacityReport =
        VertxContextSupport.subscribeAndAwait(() -> capacity.report("PAR-DC2", closed));
    HostCapacity hv =
        capacityReport.hosts().stream()
            .filter(h -> h.serverId().equals(host))
            .findFirst()
            .orElseThrow();
    assertThat(hv.cpu().used()).isEqualTo(0.5); // 25 % of the VM's 2 vCPUs
    assertThat(hv.ram().used()).isEqualTo(3.0);
    assertThat(hv.disk().used()).isEqualTo(10.0);

    // last month: 20 hours, CPU 1 .. 20 %, RAM 2.0 .. 3.9 GB, disk 10 .. 19.5 GB; the top hour
    // discarded: p95 CPU 19 % (0.38 vCPU), RAM 3.8 GB; averages 10.5 % and 2.95 GB
    YearMonth previous = month.minusMonths(1);
    guestHours(vm, host, previous.atDay(3).atStartOfDay(ZoneOffset.UTC).toInstant(), 20);
    JsonPath last =
        given()
            .auth()
            .oauth2(TestTokens.support())
            .get("/api/v1/consumption/clients/" + tenant + "/" + previous)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(last.getInt("virtualMachines[0].hoursInMonth"))
        .isEqualTo(previous.lengthOfMonth() * 24);
    assertThat(last.getInt("virtualMachines[0].use.hoursMeasured")).isEqualTo(20);
    assertThat(last.getDouble("virtualMachines[0].use.cpuPercentAvg")).isEqualTo(10.5);
    assertThat(last.getDouble("virtualMachines[0].use.cpuPercentP95")).isEqualTo(19.0);
    assertThat(last.getDouble("virtualMachines[0].use.vcpusUsedP95")).isEqualTo(0.38);
    assertThat(last.getDouble("virtualMachines[0].use.ramGbAvg")).isEqualTo(2.95);
    assertThat(last.getDouble("virtualMachines[0].use.ramGbP95")).isEqualTo(3.8);
    assertThat(last.getDouble("virtualMachines[0].use.diskGbLast")).isEqualTo(19.5);
    String markdown =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get("/api/v1/consumption/clients/" + tenant + "/" + previous + "/markdown")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(markdown)
        .contains("## Virtual machines and containers (used against allocated)")
        .contains(
            "| vm-" + tenant + " | 2 | 10.50 / 19.00 | 0.38 | 4 | 2.95 / 3.80 | 19.50 | 20 / ");
    // another client does not see this VM's use
    given()
        .auth()
        .oauth2(TestTokens.client("not-" + tenant))
        .get("/api/v1/consumption/clients/" + tenant + "/" + previous)
        .then()
        .statusCode(404);
  }
}
