package io.vigie.monitoring.consumption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.monitoring.metrics.RemoteWriteClient;
import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.metrics.SeriesLabels;
import io.vigie.monitoring.metrics.WriteRequest;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Network usage from node_exporter's interface counters: with the real node_exporter and Prometheus
 * remote-writing, the rates equal what {@code /proc/net/dev} moved; a 5-minute slot is recorded
 * once, counter resets handled, mapped to the inventory's links, and folded into hours once older
 * than the previous month; the bandwidth reports and their tenant walls.
 */
@QuarkusTest
class NetworkUsageTest {

  /**
   * The loopback traffic the rate test makes, in a second or two: 2 GiB, so that what else crosses
   * loopback between a scrape and the test's reading of the kernel's counters (a second or so at
   * each end) stays well inside the 5 % allowed.
   */
  private static final long BURST = 2L << 30;

  @TestHTTPResource("/")
  URL service;

  @Inject NetworkUsage usage;
  @Inject MetricHead head;

  /** Bytes received and sent by {@code device} so far, from the kernel. */
  static long[] procNetDev(String device) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(device)) {
        String[] f = line.substring(colon + 1).trim().split("\\s+");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])};
      }
    }
    throw new IllegalStateException(device + " not in /proc/net/dev");
  }

  /**
   * Sends {@code bytes} over a fresh loopback TCP connection as fast as it goes and returns once
   * the receiver read them all: a known amount of traffic in well under a scrape interval.
   */
  static void burst(long bytes) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket sender = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket receiver = server.accept()) {
      Thread reader =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    byte[] buffer = new byte[1 << 16];
                    long left = bytes;
                    try (InputStream in = receiver.getInputStream()) {
                      int n;
                      while (left > 0 && (n = in.read(buffer)) >= 0) {
                        left -= n;
                      }
                    } catch (IOException closed) {
                      // the assertion on the kernel's counters says what was moved
                    }
                  });
      byte[] chunk = new byte[1 << 16];
      try (OutputStream out = sender.getOutputStream()) {
        for (long sent = 0; sent < bytes; sent += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
        }
      }
      reader.join(60_000);
    }
  }

  /** The newest sample the head holds of {@code metric} on {@code device} for {@code server}. */
  private long newestSample(String metric, UUID server, String device) {
    long newest = 0;
    for (Series s : head.select(metric)) {
      if (server.toString().equals(s.labels().get("server_id"))
          && device.equals(s.labels().get("device"))) {
        Sample latest = s.latest();
        newest = latest == null ? newest : Math.max(newest, latest.timestampMillis());
      }
    }
    return newest;
  }

  @Test
  void ratesFromTheRealNodeExporterMatchWhatProcNetDevMoved() throws Throwable {
    UUID server =
        InventoryFeed.serverWithLinks(
            "ne-" + UUID.randomUUID().toString().substring(0, 8) + ".example.net",
            List.of(new NetworkLink(NetworkLink.Kind.PRIVATE, "lo", 10_000, null)));
    try (RealPrometheus prometheus =
        RealPrometheus.remoteWritingTo(service)
            .scrapeLabel("server_id", server.toString())
            .scrapeInterval(Duration.ofSeconds(1))
            // Debian's node_exporter leaves loopback out by default: this test measures it.
            // Only the interface counters: this server's series must not feed other tests'
            // rules on node_exporter metrics while the head keeps them
            .nodeExporterArgs(
                "--collector.disable-defaults",
                "--collector.netdev",
                "--collector.netdev.device-exclude=^dummy[0-9]+$")
            .start()) {
      // a scrape before the traffic: node_exporter read the kernel's counters at t0 (a little
      // after, in fact), before the head had the sample and so before "before" is read
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  Math.min(
                          newestSample(NetworkUsage.RECEIVE, server, "lo"),
                          newestSample(NetworkUsage.TRANSMIT, server, "lo"))
                      > 0);
      long t0 =
          Math.min(
              newestSample(NetworkUsage.RECEIVE, server, "lo"),
              newestSample(NetworkUsage.TRANSMIT, server, "lo"));
      long[] before = procNetDev("lo");
      burst(BURST);
      long[] after = procNetDev("lo");
      long movedAt = System.currentTimeMillis();
      // a scrape that started after the traffic (Prometheus stamps a sample with its scrape's
      // start): it read counters holding all of it
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  Math.min(
                          newestSample(NetworkUsage.RECEIVE, server, "lo"),
                          newestSample(NetworkUsage.TRANSMIT, server, "lo"))
                      > movedAt);
      long t1 =
          Math.min(
              newestSample(NetworkUsage.RECEIVE, server, "lo"),
              newestSample(NetworkUsage.TRANSMIT, server, "lo"));

      Map<NetworkUsage.InterfaceKey, NetworkUsage.BitRate> rates =
          VertxContextSupport.subscribeAndAwait(
              () -> usage.rates(Instant.ofEpochMilli(t0), Instant.ofEpochMilli(t1)));
      NetworkUsage.BitRate lo = rates.get(new NetworkUsage.InterfaceKey(server, null, "lo"));
      assertThat(lo).as(prometheus.logs()).isNotNull();
      // the rate over [t0, t1] times its span is what the counters moved between the two scrapes:
      // at least what the kernel counted between our two reads (inside that span), our burst
      // included, and at most 5 % more (other loopback traffic between a scrape and a read)
      double seconds = (t1 - t0) / 1000.0;
      long rxMoved = after[0] - before[0];
      long txMoved = after[1] - before[1];
      assertThat(rxMoved).isGreaterThanOrEqualTo(BURST);
      assertThat(txMoved).isGreaterThanOrEqualTo(BURST);
      assertThat(lo.rxBps() * seconds / 8).isBetween(rxMoved * 0.999999, rxMoved * 1.05);
      assertThat(lo.txBps() * seconds / 8).isBetween(txMoved * 0.999999, txMoved * 1.05);
    }
  }

  private static WriteRequest.TimeSeries series(
      UUID server, String guestName, String metric, String device, long at, double value) {
    Map<String, String> labels = new HashMap<>();
    labels.put("__name__", metric);
    labels.put("instance", "10.9.9.10:9100");
    labels.put("server_id", server.toString());
    labels.put("device", device);
    if (guestName != null) {
      labels.put("hostname", guestName);
    }
    return WriteRequest.TimeSeries.of(SeriesLabels.of(labels), at, value);
  }

  /** A counter over the slot: at S-15s, then every minute to S+285s. */
  private static void counter(
      List<WriteRequest.TimeSeries> out,
      UUID server,
      String guest,
      String metric,
      String device,
      Instant slot,
      double[] values) {
    for (int i = 0; i < values.length; i++) {
      long at = slot.minusSeconds(15).plusSeconds(60L * i).toEpochMilli();
      out.add(series(server, guest, metric, device, at, values[i]));
    }
  }

  private static JsonPath get(String token, String path) {
    return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aSlotIsRecordedOnceMappedToLinksAndReportedAtThe95thPercentile() throws Throwable {
    String tenant = "bw-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "bx-" + UUID.randomUUID().toString().substring(0, 8);
    InventoryFeed.registerClient(tenant, "99.9");
    UUID server =
        InventoryFeed.serverWithLinks(
            "hv-" + tenant + ".example.net",
            List.of(
                new NetworkLink(NetworkLink.Kind.INTERNET, "eth0", 300, 1000),
                new NetworkLink(NetworkLink.Kind.PRIVATE, "eth1", 1000, null)));
    UUID guest = InventoryFeed.guest(server, tenant);
    UUID shared = InventoryFeed.serverHosting(tenant);
    InventoryFeed.guest(shared, other);

    Instant slot = NetworkUsage.slotStart(Instant.now()).minus(NetworkUsage.SLOT);
    List<WriteRequest.TimeSeries> samples = new ArrayList<>();
    // eth0 in: 1000 B/s, the exporter restarted before S+165s (30 000 counted since): 900 B/s
    counter(
        samples,
        server,
        null,
        NetworkUsage.RECEIVE,
        "eth0",
        slot,
        new double[] {1_000_000, 1_060_000, 1_120_000, 30_000, 90_000, 150_000});
    counter(
        samples,
        server,
        null,
        NetworkUsage.TRANSMIT,
        "eth0",
        slot,
        new double[] {5_000_000, 5_120_000, 5_240_000, 5_360_000, 5_480_000, 5_600_000});
    double[] eth1 = new double[6];
    double[] vm = new double[6];
    for (int i = 0; i < 6; i++) {
      eth1[i] = 125_000.0 * 60 * i; // 1 Mbit/s
      vm[i] = 12_500.0 * 60 * i; // 100 kbit/s
    }
    counter(samples, server, null, NetworkUsage.RECEIVE, "eth1", slot, eth1);
    counter(samples, server, null, NetworkUsage.TRANSMIT, "eth1", slot, eth1);
    counter(samples, server, "vm-" + tenant, NetworkUsage.RECEIVE, "eth0", slot, vm);
    counter(samples, server, "vm-" + tenant, NetworkUsage.TRANSMIT, "eth0", slot, vm);
    // all in one request: the scheduled recorder sees all of the slot or none of it
    RemoteWriteClient.send(new WriteRequest(samples)).then().statusCode(204);

    assertThat(VertxContextSupport.subscribeAndAwait(() -> usage.record(slot))).isNotNegative();
    VertxContextSupport.subscribeAndAwait(() -> usage.record(slot)); // once: a repeat adds nothing

    String path =
        "/api/v1/network-usage/servers/"
            + server
            + "?from="
            + slot
            + "&to="
            + slot.plus(NetworkUsage.SLOT);
    JsonPath points = get(TestTokens.support(), path);
    assertThat(points.getList("interfaces")).hasSize(3);
    assertThat(points.getString("interfaces[0].interfaceName")).isEqualTo("eth0");
    assertThat(points.getString("interfaces[0].link.kind")).isEqualTo("INTERNET");
    assertThat(points.getInt("interfaces[0].link.burstMbps")).isEqualTo(1000);
    assertThat(points.getList("interfaces[0].points")).hasSize(1);
    assertThat(points.getDouble("interfaces[0].points[0].rxBps")).isEqualTo(7200.0);
    assertThat(points.getDouble("interfaces[0].points[0].txBps")).isEqualTo(16000.0);
    assertThat(points.getString("interfaces[1].interfaceName")).isEqualTo("eth1");
    assertThat(points.getString("interfaces[1].link.kind")).isEqualTo("PRIVATE");
    assertThat(points.getDouble("interfaces[1].points[0].rxBps")).isEqualTo(1_000_000.0);
    assertThat(points.getString("interfaces[2].guestId")).isEqualTo(guest.toString());
    assertThat(points.getString("interfaces[2].link")).isNull();
    assertThat(points.getDouble("interfaces[2].points[0].txBps")).isEqualTo(100_000.0);

    String month = YearMonth.from(slot.atZone(ZoneOffset.UTC)).toString();
    JsonPath host = get(TestTokens.engineer(), "/api/v1/bandwidth/servers/" + server + "/" + month);
    assertThat(host.getDouble("links[0].figures.billedMbps")).isEqualTo(0.016);
    assertThat(host.getInt("links[0].figures.commitMbps")).isEqualTo(300);
    // the host: eth0 + eth1 (the guest's own interface is not a link of the server)
    assertThat(host.getDouble("total.inboundMbps")).isEqualTo(1.007);
    assertThat(host.getDouble("total.outboundMbps")).isEqualTo(1.016);
    assertThat(host.getInt("total.commitMbps")).isEqualTo(1300);
    assertThat(host.getInt("total.samples")).isEqualTo(1);

    // the client: its dedicated server's links and its guest, summed slot by slot
    JsonPath client =
        get(TestTokens.client(tenant), "/api/v1/bandwidth/clients/" + tenant + "/" + month);
    assertThat(client.getList("links")).hasSize(3);
    assertThat(client.getDouble("total.inboundMbps")).isEqualTo(1.107);
    assertThat(client.getDouble("total.billedMbps")).isEqualTo(1.116);
    get(TestTokens.client(tenant), path);

    // five-minute points older than the previous month are folded into hours
    Instant later = slot.plus(70, ChronoUnit.DAYS);
    assertThat(VertxContextSupport.subscribeAndAwait(() -> usage.compact(later))).isPositive();
    assertThat(get(TestTokens.support(), path).getList("interfaces")).isEmpty();
  }

  @Test
  void tenantWallsAndBadInput() {
    String tenant = "bw-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "bx-" + UUID.randomUUID().toString().substring(0, 8);
    InventoryFeed.registerClient(other, "99.9");
    UUID mine = InventoryFeed.serverHosting(tenant);
    UUID shared = InventoryFeed.serverHosting(tenant);
    InventoryFeed.guest(shared, other);
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
    String range = "?from=" + from + "&to=" + from.plus(1, ChronoUnit.HOURS);

    // a client reads its dedicated server, not a shared one, another's client report, or a
    // server that does not exist: 404 alike
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/network-usage/servers/" + mine + range)
        .then()
        .statusCode(200);
    for (String path :
        List.of(
            "/api/v1/network-usage/servers/" + shared + range,
            "/api/v1/bandwidth/servers/" + shared + "/" + now,
            "/api/v1/network-usage/servers/" + mine + range,
            "/api/v1/bandwidth/servers/" + mine + "/" + now,
            "/api/v1/bandwidth/clients/" + tenant + "/" + now)) {
      String token =
          path.contains(shared.toString()) ? TestTokens.client(tenant) : TestTokens.client(other);
      given().auth().oauth2(token).get(path).then().statusCode(404);
    }
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/bandwidth/clients/" + other + "/" + now)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/bandwidth/servers/" + UUID.randomUUID() + "/" + now)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.support())
        .get("/api/v1/bandwidth/clients/no-such-client/" + now)
        .then()
        .statusCode(404);
    // agents write samples, they read no reports
    given()
        .auth()
        .oauth2(TestTokens.agent())
        .get("/api/v1/bandwidth/servers/" + mine + "/" + now)
        .then()
        .statusCode(403);
    given().get("/api/v1/bandwidth/clients/" + other + "/" + now).then().statusCode(401);

    // bad input names the field
    Map<String, String> bad = new HashMap<>();
    bad.put("/api/v1/network-usage/servers/" + mine + "?to=" + from, "from");
    bad.put("/api/v1/network-usage/servers/" + mine + "?from=yesterday&to=" + from, "from");
    bad.put("/api/v1/network-usage/servers/" + mine + "?from=" + from + "&to=" + from, "to");
    bad.put(
        "/api/v1/network-usage/servers/"
            + mine
            + "?from="
            + from
            + "&to="
            + from.plus(32, ChronoUnit.DAYS),
        "to");
    bad.put("/api/v1/bandwidth/servers/" + mine + "/2026-13", "month");
    bad.put("/api/v1/bandwidth/servers/" + mine + "/" + now.plusMonths(1), "month");
    bad.put("/api/v1/bandwidth/servers/" + mine + "/" + now.minusMonths(2), "month");
    bad.put("/api/v1/bandwidth/clients/" + other + "/last-month", "month");
    bad.forEach(
        (path, field) ->
            given()
                .auth()
                .oauth2(TestTokens.support())
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field)));
  }
}
