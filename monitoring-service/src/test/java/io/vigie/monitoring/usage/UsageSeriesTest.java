package io.vigie.monitoring.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The usage series for graphs: hand-written hourly rows come back as exactly those points, bounded
 * by the period, beside the machine's hardware or allocation; a client sees its dedicated servers
 * and its own guests only; a bad period is a problem naming the field.
 */
@QuarkusTest
class UsageSeriesTest {

  /** One hour of a guest as {@link UsageRollup} keeps it: sums of {@code samples} minutes. */
  static void guestHour(
      UUID guest,
      UUID host,
      Instant hour,
      int samples,
      double cpuSum,
      double ramSum,
      double diskSum)
      throws Throwable {
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
                                            + " disk_gb_sum) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                                    .setParameter(1, guest)
                                    .setParameter(2, hour)
                                    .setParameter(3, host)
                                    .setParameter(4, samples)
                                    .setParameter(5, cpuSum)
                                    .setParameter(6, ramSum)
                                    .setParameter(7, diskSum)
                                    .executeUpdate())));
  }

  private static JsonPath get(String token, String path) {
    return given()
        .auth()
        .oauth2(token)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
  }

  @Test
  void theRollupsHoursOfADedicatedServerAndOfAGuestBesideWhatTheyHave() throws Throwable {
    String tenant = "us-" + UUID.randomUUID().toString().substring(0, 8);
    UUID server = InventoryFeed.activeServer("us");
    UUID vm = InventoryFeed.guest(server, tenant); // vm-<tenant>: 2 vCPUs, 4 GB, 40 GB

    Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(10, ChronoUnit.DAYS);
    Instant to = first.plus(3, ChronoUnit.HOURS);
    UsageHours.write(server, first.minus(1, ChronoUnit.HOURS), 1, 99, 0, 60, 0, 900, 0);
    // CPU 10, 20, 30 %; RAM 4, 6, 8 GiB; disk 100, 101.5, 103 GiB
    UsageHours.write(server, first, 3, 10, 10, 4, 2, 100, 1.5);
    UsageHours.write(server, to, 1, 99, 0, 60, 0, 900, 0);

    JsonPath host =
        get(
            TestTokens.client(tenant),
            "/api/v1/usage/servers/" + server + "?from=" + first + "&to=" + to);
    assertThat(host.getString("serverId")).isEqualTo(server.toString());
    assertThat(host.getString("hostname")).isEqualTo(InventoryFeed.hostname("us", server));
    assertThat(host.getString("datacenterCode")).isEqualTo("PAR-DC2");
    assertThat(host.getInt("cpuThreads")).isEqualTo(8);
    assertThat(host.getInt("ramTotalGb")).isEqualTo(64);
    assertThat(host.getString("diskTotalGb")).isNull(); // the inventory has no storage for it
    assertThat(host.getString("from")).isEqualTo(first.toString());
    assertThat(host.getString("to")).isEqualTo(to.toString());
    assertThat(host.getList("hours.hourStart"))
        .containsExactly(
            first.toString(),
            first.plus(1, ChronoUnit.HOURS).toString(),
            first.plus(2, ChronoUnit.HOURS).toString());
    assertThat(host.getList("hours.samples")).containsOnly(60);
    assertThat(host.getList("hours.cpuPercent", Double.class)).containsExactly(10.0, 20.0, 30.0);
    assertThat(host.getList("hours.ramUsedGb", Double.class)).containsExactly(4.0, 6.0, 8.0);
    assertThat(host.getList("hours.diskUsedGb", Double.class)).containsExactly(100.0, 101.5, 103.0);

    // the guest's own hours over the last week by default: the hour in progress (7 minutes so
    // far, averages rounded to 2 decimals) included, an hour 8 days ago not
    Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    guestHour(vm, server, thisHour.minus(8, ChronoUnit.DAYS), 60, 60 * 90, 60 * 3.5, 60 * 30);
    guestHour(vm, server, thisHour.minus(2, ChronoUnit.HOURS), 60, 60 * 25, 60 * 3, 60 * 10);
    guestHour(vm, server, thisHour, 7, 100, 20, 70);
    JsonPath guest = get(TestTokens.client(tenant), "/api/v1/usage/guests/" + vm);
    assertThat(guest.getString("guestId")).isEqualTo(vm.toString());
    assertThat(guest.getString("name")).isEqualTo("vm-" + tenant);
    assertThat(guest.getString("kind")).isEqualTo("VM");
    assertThat(guest.getString("hostServerId")).isEqualTo(server.toString());
    assertThat(guest.getInt("vcpus")).isEqualTo(2);
    assertThat(guest.getInt("ramTotalGb")).isEqualTo(4);
    assertThat(guest.getInt("diskTotalGb")).isEqualTo(40);
    assertThat(Instant.parse(guest.getString("to")).minus(UsagePeriod.DEFAULT).toString())
        .isEqualTo(guest.getString("from"));
    assertThat(guest.getList("hours.hourStart"))
        .containsExactly(thisHour.minus(2, ChronoUnit.HOURS).toString(), thisHour.toString());
    assertThat(guest.getList("hours.samples")).containsExactly(60, 7);
    assertThat(guest.getList("hours.cpuPercent", Double.class)).containsExactly(25.0, 14.29);
    assertThat(guest.getList("hours.ramUsedGb", Double.class)).containsExactly(3.0, 2.86);
    assertThat(guest.getList("hours.diskUsedGb", Double.class)).containsExactly(10.0, 10.0);

    // staff see it too; a machine without rollups answers no hours, not an error
    assertThat(get(TestTokens.support(), "/api/v1/usage/servers/" + server).getList("hours"))
        .isEmpty();
    UUID idle = InventoryFeed.guest(server, tenant);
    assertThat(get(TestTokens.engineer(), "/api/v1/usage/guests/" + idle).getList("hours"))
        .isEmpty();
  }

  @Test
  void tenantWallsAndBadPeriods() {
    String tenant = "ut-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "uu-" + UUID.randomUUID().toString().substring(0, 8);
    UUID mine = InventoryFeed.activeServer("ut");
    UUID myVm = InventoryFeed.guest(mine, tenant);
    UUID shared = InventoryFeed.serverHosting(tenant);
    UUID theirVm = InventoryFeed.guest(shared, other);

    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/usage/servers/" + mine)
        .then()
        .statusCode(200);
    // another client's server and guest, a shared server, an unknown id: not found alike
    List<Map.Entry<String, String>> notFound =
        List.of(
            Map.entry("/api/v1/usage/servers/" + mine, TestTokens.client(other)),
            Map.entry("/api/v1/usage/guests/" + myVm, TestTokens.client(other)),
            Map.entry("/api/v1/usage/servers/" + shared, TestTokens.client(tenant)),
            Map.entry("/api/v1/usage/servers/" + shared, TestTokens.client(other)),
            Map.entry("/api/v1/usage/guests/" + theirVm, TestTokens.client(tenant)),
            Map.entry("/api/v1/usage/servers/" + UUID.randomUUID(), TestTokens.support()),
            Map.entry("/api/v1/usage/guests/" + UUID.randomUUID(), TestTokens.support()));
    notFound.forEach(
        e -> given().auth().oauth2(e.getValue()).get(e.getKey()).then().statusCode(404));
    // staff see the shared server; agents write samples and read no usage; no token, no answer
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/usage/servers/" + shared)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .get("/api/v1/usage/servers/" + mine)
        .then()
        .statusCode(403);
    given().get("/api/v1/usage/guests/" + myVm).then().statusCode(401);

    Instant now = Instant.now();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("?from=yesterday", "from");
    bad.put("?to=2026-11-30", "to");
    bad.put("?from=" + now.minusSeconds(60) + "&to=" + now.minusSeconds(60), "to");
    bad.put("?from=" + now.minus(94, ChronoUnit.DAYS) + "&to=" + now, "from");
    bad.put(
        "?from=" + now.plus(1, ChronoUnit.DAYS) + "&to=" + now.plus(2, ChronoUnit.DAYS), "from");
    for (String path : List.of("/api/v1/usage/servers/" + mine, "/api/v1/usage/guests/" + myVm)) {
      bad.forEach(
          (query, field) ->
              given()
                  .auth()
                  .oauth2(TestTokens.client(tenant))
                  .get(path + query)
                  .then()
                  .statusCode(400)
                  .body("errors[0].field", equalTo(field)));
    }
  }
}
