package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.monitoring.CheckResults;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.checks.CheckStatus;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP checks run by the service against real HTTP(S) servers started here: failures fire an alert
 * on Kafka and recovery resolves it; latency, body and certificate thresholds.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class HttpCheckTest {

  @Inject ProbeRuntime probes;

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<UUID> checks = new ArrayList<>();
  private final Map<String, UUID> byName = new HashMap<>();

  @AfterEach
  void cleanUp() {
    checks.forEach(ActiveChecks::delete);
    servers.forEach(s -> s.stop(0));
  }

  /**
   * A site: {@code /} answers the current status, {@code /slow} in 300 ms, {@code /maintenance}.
   */
  private HttpServer site(HttpServer server, AtomicInteger status) {
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/slow")) {
            sleep(300);
            answer(exchange, 200, "<h1>Welcome</h1>");
          } else if (path.equals("/maintenance")) {
            answer(exchange, 200, "<h1>Back soon</h1>");
          } else {
            answer(
                exchange,
                status.get(),
                status.get() == 200 ? "<h1>Welcome to the shop</h1>" : "oops");
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    servers.add(server);
    return server;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * An hourly check, so its slot does not come during the test: the test runs it ({@link
   * #verdict}).
   */
  private UUID check(UUID server, String name, Map<String, Object> settings) {
    UUID id = ActiveChecks.created(ActiveChecks.check(name, "HTTP", server, 3600, 1, settings));
    checks.add(id);
    byName.put(name, id);
    return id;
  }

  /** Runs check {@code name} until its state has that status and output; returns the state. */
  private Map<String, Object> verdict(UUID server, String name, String status, String text) {
    return ActiveChecks.runUntilState(probes, server, byName.get(name), name, status, text);
  }

  @Test
  void aFailingSiteFiresAnAlertAndItsRecoveryResolvesIt() throws IOException {
    AtomicInteger status = new AtomicInteger(500);
    HttpServer web = site(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), status);
    UUID server = InventoryFeed.activeServer("shop");
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/";
    UUID site = InventoryFeed.website(server, tenant, url);
    // hourly, so its slot does not come during the test: the test runs it (three failures alert)
    Map<String, Object> body =
        ActiveChecks.check(
            "shop home page",
            "HTTP",
            server,
            3600,
            2,
            Map.of("url", url, "bodyContains", "Welcome"));
    body.put("hostedServiceId", site.toString());
    UUID check = ActiveChecks.created(body);
    checks.add(check);
    for (int run = 0; run < 3; run++) {
      assertThat(ActiveChecks.runNow(probes, check).status()).isEqualTo(CheckStatus.CRITICAL);
    }

    List<ConsumerRecord<String, String>> fired =
        CheckResults.alertEvents(MonitoringEvents.ALERT_FIRED, server, 1, Duration.ofSeconds(40));
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).value())
        .contains("shop home page CRITICAL")
        .contains("HTTP/1.1 500 Internal Server Error")
        .contains(site.toString())
        .contains(tenant);
    Map<String, Object> state = ActiveChecks.state(server, "shop home page");
    assertThat(state.get("output").toString()).startsWith("HTTP CRITICAL: HTTP/1.1 500");
    assertThat((Integer) state.get("consecutiveFailures")).isGreaterThanOrEqualTo(3);

    status.set(200);
    assertThat(ActiveChecks.runNow(probes, check).status()).isEqualTo(CheckStatus.OK);
    List<ConsumerRecord<String, String>> resolved = CheckResults.alertsResolved(server, 1);
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).key()).isEqualTo(fired.get(0).key());
    assertThat(ActiveChecks.state(server, "shop home page").get("output").toString())
        .matches("HTTP OK: HTTP/1\\.1 200 OK - 28 bytes in \\d+\\.\\d{3} second response time");
  }

  @Test
  void slowAnswersWarnAndAMissingStringIsCritical() throws IOException {
    HttpServer web =
        site(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), new AtomicInteger(200));
    String base = "http://127.0.0.1:" + web.getAddress().getPort();
    UUID server = InventoryFeed.activeServer("perf");
    check(server, "slow page", Map.of("url", base + "/slow", "maxLatencyMillis", 100));
    check(
        server,
        "maintenance page",
        Map.of("url", base + "/maintenance", "bodyContains", "Welcome"));
    check(server, "home matches", Map.of("url", base + "/", "bodyMatches", "Wel+come to the \\w+"));
    check(
        server,
        "head",
        Map.of("url", base + "/", "method", "HEAD", "expectedStatus", List.of(200)));

    assertThat(verdict(server, "slow page", "WARNING", "").get("output").toString())
        .contains("response time over 100 ms");
    assertThat(
            verdict(server, "maintenance page", "CRITICAL", "not found").get("output").toString())
        .contains("string 'Welcome' not found on '" + base + "/maintenance'");
    verdict(server, "home matches", "OK", "");
    verdict(server, "head", "OK", "");
  }

  @Test
  void certificateDaysLeftAreReadFromTheServersCertificate() throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "probe-tls", UUID.randomUUID().toString()));
    HttpsServer soon = https(keystore(dir, "soon", "web.example.test", null, 5));
    HttpsServer expired = https(keystore(dir, "expired", "old.example.test", "-30d", 10));
    UUID server = InventoryFeed.activeServer("tls");
    check(
        server,
        "certificate soon",
        Map.of(
            "url",
            "https://127.0.0.1:" + soon.getAddress().getPort() + "/",
            "certificateMinDays",
            30));
    check(
        server,
        "certificate expired",
        Map.of(
            "url",
            "https://127.0.0.1:" + expired.getAddress().getPort() + "/",
            "certificateMinDays",
            30));
    check(
        server,
        "certificate fine",
        Map.of(
            "url",
            "https://127.0.0.1:" + soon.getAddress().getPort() + "/",
            "certificateMinDays",
            2));

    assertThat(verdict(server, "certificate soon", "WARNING", "").get("output").toString())
        .contains("certificate 'CN=web.example.test' expires in 4 day(s)");
    assertThat(
            verdict(server, "certificate expired", "CRITICAL", "expired on")
                .get("output")
                .toString())
        .startsWith(
            "HTTP CRITICAL: HTTP/1.1 200 OK - certificate 'CN=old.example.test' expired on");
    verdict(server, "certificate fine", "OK", "");
  }

  /** A self-signed certificate made by the JDK's keytool, in a PKCS12 keystore. */
  private static Path keystore(Path dir, String alias, String cn, String startDate, int days)
      throws Exception {
    Path file = dir.resolve(alias + ".p12");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + cn,
                "-validity",
                String.valueOf(days),
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"));
    if (startDate != null) {
      command.add("-startdate");
      command.add(startDate);
    }
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();
    return file;
  }

  private HttpsServer https(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    site(server, new AtomicInteger(200));
    return server;
  }
}
