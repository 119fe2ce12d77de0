package io.vigie.monitoring.consumption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.RepositoryStorageMeasured;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.monitoring.usage.FilesystemRollup;
import io.vigie.monitoring.usage.UsageHours;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Growth forecasts through the API: a repository's storage measured daily (backup-service's
 * RepositoryStorageMeasured with its capacity), a filesystem's and a server's and a guest's hours,
 * each a synthetic linear series whose threshold date is computed by hand (it does not depend on
 * when the test runs: the line is the same whatever "now" it is read from). The repository's
 * forecast in the consumption report; tenant walls and bad input on every path.
 */
@QuarkusTest
class ForecastApiTest {

  private static final long GB = 1_000_000_000L;
  private static final double GIB = 1024.0 * 1024 * 1024;

  @Inject FilesystemRollup filesystems;

  private static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void publish(RepositoryStorageMeasured m) throws Exception {
    KafkaEvents.publish(
        BackupEvents.TOPIC,
        m.aggregateId(),
        UUID.randomUUID().toString(),
        m.eventType(),
        InventoryFeed.JSON.writeValueAsString(m));
  }

  /** Doubles as doubles: bytes in the 10¹² do not fit a float. */
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

  private static JsonPath get(String token, String path) {
    return given()
        .auth()
        .oauth2(token)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  private static Instant instant(JsonPath json, String path) {
    return Instant.parse(json.getString(path));
  }

  @Test
  void aRepositoryFullOnTheHandComputedDayInTheApiAndTheReport() throws Exception {
    String tenant = code("fc");
    String other = code("fx");
    InventoryFeed.registerClient(tenant, "99.9");
    InventoryFeed.registerClient(other, "99.9");
    // measured daily for 20 days from `first`, 300 GB growing 10 GB a day, on a 1 TB repository:
    // 90 % (900 GB) is reached 60 days after the first measurement
    Instant now = Instant.now();
    // half past an hour, so that the day of a crossing is never a millisecond from midnight
    Instant first =
        now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(20)).plus(Duration.ofMinutes(30));
    UUID repository = UUID.randomUUID();
    UUID shared = UUID.randomUUID();
    UUID theirs = UUID.randomUUID();
    for (int k = 0; k < 20; k++) {
      Instant at = first.plus(Duration.ofDays(k));
      publish(
          new RepositoryStorageMeasured(
              repository,
              tenant,
              "restic DC3",
              "PAR-DC3",
              at,
              (300 + 10L * k) * GB,
              null,
              10 + k,
              1000 * GB));
      if (k % 5 == 0) {
        // a shared repository with no capacity registered, and another client's
        publish(
            new RepositoryStorageMeasured(
                shared, null, "shared DC5", "PAR-DC5", at, (2000 + k) * GB, null, 500, null));
        publish(
            new RepositoryStorageMeasured(
                theirs, other, "restic DC2", "PAR-DC2", at, (50 + k) * GB, null, 5, 100 * GB));
      }
    }
    String path = "/api/v1/forecasts/repositories/" + repository;
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                get(TestTokens.support(), path).getInt("trend.points") == 20
                    && get(TestTokens.support(), "/api/v1/forecasts/repositories/" + shared)
                            .getInt("trend.points")
                        == 4
                    && get(TestTokens.support(), "/api/v1/forecasts/repositories/" + theirs)
                            .getInt("trend.points")
                        == 4);

    JsonPath f = get(TestTokens.client(tenant), path);
    assertThat(f.getString("subject")).isEqualTo("repository");
    assertThat(f.getString("name")).isEqualTo("restic DC3");
    assertThat(f.getString("unit")).isEqualTo("bytes");
    assertThat(f.getString("window")).isEqualTo("P30D");
    assertThat(f.getDouble("trend.capacity")).isEqualTo(1000.0 * GB);
    assertThat(f.getDouble("trend.threshold")).isEqualTo(900.0 * GB);
    assertThat(f.getDouble("trend.slopePerDay")).isCloseTo(10.0 * GB, within(16.0));
    assertThat(instant(f, "trend.crossesAt"))
        .isCloseTo(first.plus(Duration.ofDays(60)), within(1, ChronoUnit.SECONDS));
    assertThat(f.getString("trend.reason")).isNull();
    assertThat(f.getList("trend.forecasts.inDays")).containsExactly(30, 90, 180);
    // at 60 % (600 GB, 30 days after the first), over the last five and a half days only: the
    // same line, the same day
    JsonPath half = get(TestTokens.client(tenant), path + "?thresholdPercent=60&window=P5DT12H");
    assertThat(half.getString("window")).isEqualTo("PT132H");
    assertThat(half.getInt("trend.points")).isEqualTo(5);
    assertThat(instant(half, "trend.crossesAt"))
        .isCloseTo(first.plus(Duration.ofDays(30)), within(1, ChronoUnit.SECONDS));
    // no capacity registered: the trend without a date, and why
    JsonPath unbounded = get(TestTokens.engineer(), "/api/v1/forecasts/repositories/" + shared);
    assertThat(unbounded.getString("trend.reason")).isEqualTo("NO_CAPACITY");
    assertThat(unbounded.getDouble("trend.slopePerDay")).isCloseTo(1.0 * GB, within(16.0));

    // the consumption report of this month: the repository's capacity and full-on date
    String month = YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
    JsonPath report =
        get(TestTokens.client(tenant), "/api/v1/consumption/clients/" + tenant + "/" + month);
    assertThat(report.getLong("repositories[0].capacityBytes")).isEqualTo(1000 * GB);
    assertThat(instant(report, "repositories[0].forecast.crossesAt"))
        .isCloseTo(first.plus(Duration.ofDays(60)), within(1, ChronoUnit.SECONDS));
    String markdown =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get("/api/v1/consumption/clients/" + tenant + "/" + month + "/markdown")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(markdown)
        .contains("## Backup storage forecast")
        .contains("| restic DC3 | 1000.00 | 10.00 | ")
        .contains(
            " | " + first.plus(Duration.ofDays(60)).atZone(ZoneOffset.UTC).toLocalDate() + " (in ");

    // tenant walls: another client's, a shared and an unknown repository are not found
    for (UUID hidden : List.of(theirs, shared, UUID.randomUUID())) {
      given()
          .auth()
          .oauth2(TestTokens.client(tenant))
          .get("/api/v1/forecasts/repositories/" + hidden)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    given().auth().oauth2(TestTokens.client(other)).get(path).then().statusCode(404);
    given().auth().oauth2(TestTokens.agent()).get(path).then().statusCode(403);
    given().get(path).then().statusCode(401);
    // bad input names the field
    Map<String, String> bad =
        Map.of(
            "?window=PT12H", "window",
            "?window=P401D", "window",
            "?window=a-month", "window",
            "?thresholdPercent=0", "thresholdPercent",
            "?thresholdPercent=120", "thresholdPercent",
            "?thresholdPercent=most", "thresholdPercent");
    bad.forEach(
        (query, field) ->
            given()
                .auth()
                .oauth2(TestTokens.client(tenant))
                .get(path + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
  }

  @Test
  void eachFilesystemAndAHostsResourcesOnTheHandComputedDay() throws Throwable {
    String tenant = code("ff");
    String other = code("fy");
    UUID server = InventoryFeed.serverHosting(tenant); // 64 GB of RAM, disk not described
    UUID guest = InventoryFeed.guest(server, tenant); // 2 vCPUs, 4 GB, 40 GB
    UUID theirServer = InventoryFeed.serverHosting(other);
    UUID theirGuest = InventoryFeed.guest(theirServer, other);

    // the rollup: each real filesystem of the server's exporter, read from the head (tmpfs not)
    Instant at = Instant.now();
    List<WriteRequest.TimeSeries> series = new java.util.ArrayList<>();
    fs(series, server, "/", "ext4", "sda1", at, 50 * GIB, 30 * GIB);
    fs(series, server, "/srv", "xfs", "sdb1", at, 200 * GIB, 80 * GIB);
    fs(series, server, "/run", "tmpfs", "tmpfs", at, 8 * GIB, 0);
    RemoteWriteClient.send(new WriteRequest(series)).then().statusCode(204);
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try {
                VertxContextSupport.subscribeAndAwait(() -> filesystems.sample(at));
                return !rolledUp(server, hour).isEmpty();
              } catch (Throwable e) {
                throw new IllegalStateException(e);
              }
            });
    VertxContextSupport.subscribeAndAwait(() -> filesystems.sample(at));
    Map<String, Object[]> rows = rolledUp(server, hour);
    assertThat(rows).containsOnlyKeys("/", "/srv");
    // twice at least (the scheduled run may add its own reading of the same values)
    assertThat(((Number) rows.get("/")[0]).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(((Number) rows.get("/")[1]).doubleValue()).isEqualTo(20 * GIB);
    assertThat(((Number) rows.get("/")[2]).doubleValue()).isEqualTo(50 * GIB);
    assertThat(((Number) rows.get("/srv")[1]).doubleValue()).isEqualTo(120 * GIB);

    // 48 closed hours of /data (1 TB): 400 GB growing 1 GB an hour from `from`: 900 GB (90 %) is
    // 500 hours after `from`
    Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(48));
    filesystemHours(server, "/data", from, 48, 400 * GB, GB, 1000 * GB);
    JsonPath data =
        get(
            TestTokens.client(tenant),
            "/api/v1/forecasts/servers/" + server + "/filesystems?mountpoint=/data");
    assertThat(data.getList("$")).hasSize(1);
    assertThat(data.getString("[0].resource")).isEqualTo("filesystem");
    assertThat(data.getString("[0].device")).isEqualTo("sdc1");
    assertThat(data.getInt("[0].trend.points")).isEqualTo(48);
    assertThat(data.getDouble("[0].trend.slopePerDay")).isCloseTo(24.0 * GB, within(16.0));
    assertThat(instant(data, "[0].trend.crossesAt"))
        .isCloseTo(from.plus(Duration.ofHours(500)), within(1, ChronoUnit.SECONDS));
    // every filesystem with hours in the window (this hour's rows are not closed yet)
    assertThat(
            get(TestTokens.support(), "/api/v1/forecasts/servers/" + server + "/filesystems")
                .getList("mountpoint"))
        .containsExactly("/data");

    // the server's CPU: 20 % growing 0.5 points an hour: 90 % is 140 hours after `from`; its RAM
    // (64 GB): 16 GB growing 0.1 GB an hour: 57.6 GB is 416 hours after `from`
    UsageHours.write(server, from, 48, 20, 0.5, 16, 0.1, 100, 0);
    JsonPath cpu = get(TestTokens.client(tenant), "/api/v1/forecasts/servers/" + server + "/cpu");
    assertThat(cpu.getString("unit")).isEqualTo("percent");
    assertThat(instant(cpu, "trend.crossesAt"))
        .isCloseTo(from.plus(Duration.ofHours(140)), within(1, ChronoUnit.SECONDS));
    JsonPath ram = get(TestTokens.client(tenant), "/api/v1/forecasts/servers/" + server + "/ram");
    assertThat(ram.getDouble("trend.capacity")).isEqualTo(64.0);
    assertThat(instant(ram, "trend.crossesAt"))
        .isCloseTo(from.plus(Duration.ofHours(416)), within(1, ChronoUnit.SECONDS));
    JsonPath disk = get(TestTokens.client(tenant), "/api/v1/forecasts/servers/" + server + "/disk");
    assertThat(disk.getString("trend.reason")).isEqualTo("NO_CAPACITY");

    // the guest's RAM (4 GB allocated): 2 GB growing 0.01 GB an hour: 3.6 GB 160 hours on
    guestHours(guest, server, from, 48, 2, 0.01);
    JsonPath guestRam =
        get(TestTokens.client(tenant), "/api/v1/forecasts/guests/" + guest + "/ram");
    assertThat(guestRam.getString("subject")).isEqualTo("guest");
    assertThat(guestRam.getDouble("trend.capacity")).isEqualTo(4.0);
    assertThat(instant(guestRam, "trend.crossesAt"))
        .isCloseTo(from.plus(Duration.ofHours(160)), within(1, ChronoUnit.SECONDS));

    // tenant walls: the other client's server and guest, and unknown ones, are not found
    for (String hidden :
        List.of(
            "/servers/" + theirServer + "/cpu",
            "/servers/" + theirServer + "/filesystems",
            "/guests/" + theirGuest + "/ram",
            "/guests/" + theirGuest + "/filesystems",
            "/servers/" + UUID.randomUUID() + "/ram",
            "/guests/" + UUID.randomUUID() + "/disk")) {
      given()
          .auth()
          .oauth2(TestTokens.client(tenant))
          .get("/api/v1/forecasts" + hidden)
          .then()
          .statusCode(404);
    }
    given()
        .auth()
        .oauth2(TestTokens.client(other))
        .get("/api/v1/forecasts/servers/" + server + "/filesystems")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .get("/api/v1/forecasts/servers/" + server + "/cpu")
        .then()
        .statusCode(403);
    // bad input names the field; a filesystem never seen is not found
    Map<String, String> bad =
        Map.of(
            "/servers/" + server + "/gpu", "resource",
            "/servers/" + server + "/cpu?window=P2Y", "window",
            "/guests/" + guest + "/ram?thresholdPercent=-1", "thresholdPercent",
            "/servers/" + server + "/filesystems?mountpoint=srv", "mountpoint");
    bad.forEach(
        (query, field) ->
            given()
                .auth()
                .oauth2(TestTokens.client(tenant))
                .get("/api/v1/forecasts" + query)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field)));
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/forecasts/servers/" + server + "/filesystems?mountpoint=/nowhere")
        .then()
        .statusCode(404);
  }

  private static void fs(
      List<WriteRequest.TimeSeries> out,
      UUID server,
      String mountpoint,
      String fstype,
      String device,
      Instant at,
      double size,
      double avail) {
    for (Map.Entry<String, Double> m :
        Map.of("node_filesystem_size_bytes", size, "node_filesystem_avail_bytes", avail)
            .entrySet()) {
      Map<String, String> labels = new HashMap<>();
      labels.put("__name__", m.getKey());
      labels.put("instance", "10.9.9.8:9100");
      labels.put("server_id", server.toString());
      labels.put("mountpoint", mountpoint);
      labels.put("fstype", fstype);
      labels.put("device", device);
      out.add(WriteRequest.TimeSeries.of(SeriesLabels.of(labels), at.toEpochMilli(), m.getValue()));
    }
  }

  /** The server's rows of that hour per mountpoint: samples, average used bytes, size. */
  private static Map<String, Object[]> rolledUp(UUID server, Instant hour) throws Throwable {
    List<Object[]> rows =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(
                    () ->
                        Panache.getSession()
                            .chain(
                                s ->
                                    s.createNativeQuery(
                                            "select mountpoint, samples, used_bytes_sum /"
                                                + " samples, size_bytes from"
                                                + " filesystem_usage_hour where target_id = ?1"
                                                + " and hour_start = ?2",
                                            Object[].class)
                                        .setParameter(1, server)
                                        .setParameter(2, hour)
                                        .getResultList())));
    Map<String, Object[]> out = new HashMap<>();
    rows.forEach(r -> out.put((String) r[0], new Object[] {r[1], r[2], r[3]}));
    return out;
  }

  private static void filesystemHours(
      UUID server, String mountpoint, Instant from, int hours, long used, long perHour, long size)
      throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            s ->
                                s.createNativeQuery(
                                        "insert into filesystem_usage_hour (target_id,"
                                            + " mountpoint, hour_start, server_id, device, fstype,"
                                            + " samples, used_bytes_sum, size_bytes) select ?1,"
                                            + " ?2, cast(?3 as timestamptz) + k * interval '1"
                                            + " hour', ?1, 'sdc1', 'xfs', 12, 12 * (cast(?4 as"
                                            + " float8) + cast(?5 as float8) * k), cast(?6 as"
                                            + " float8) from generate_series(0, cast(?7 as"
                                            + " integer) - 1) k")
                                    .setParameter(1, server)
                                    .setParameter(2, mountpoint)
                                    .setParameter(3, from)
                                    .setParameter(4, used)
                                    .setParameter(5, perHour)
                                    .setParameter(6, size)
                                    .setParameter(7, hours)
                                    .executeUpdate())));
  }

  private static void guestHours(
      UUID guest, UUID server, Instant from, int hours, double ramGb, double ramPerHour)
      throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            s ->
                                s.createNativeQuery(
                                        "insert into guest_usage_hour (guest_id, hour_start,"
                                            + " server_id, samples, cpu_sum, ram_gb_sum,"
                                            + " disk_gb_sum) select ?1, cast(?2 as timestamptz) +"
                                            + " k * interval '1 hour', ?3, 60, 60 * 10, 60 *"
                                            + " (cast(?4 as float8) + cast(?5 as float8) * k), 60"
                                            + " * 20 from generate_series(0, cast(?6 as integer)"
                                            + " - 1) k")
                                    .setParameter(1, guest)
                                    .setParameter(2, from)
                                    .setParameter(3, server)
                                    .setParameter(4, ramGb)
                                    .setParameter(5, ramPerHour)
                                    .setParameter(6, hours)
                                    .executeUpdate())));
  }
}
