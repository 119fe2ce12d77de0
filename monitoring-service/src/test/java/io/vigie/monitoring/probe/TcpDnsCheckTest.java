package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.Ports;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TCP checks against an open and a closed port, DNS checks against a real dnsmasq (Debian's)
 * answering {@code web.example.test}.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class TcpDnsCheckTest {

  private static Process dnsmasq;
  private static int dnsPort;
  private final List<UUID> checks = new ArrayList<>();
  private final Map<String, UUID> byName = new HashMap<>();

  @Inject ProbeRuntime probes;

  @BeforeAll
  static void startDnsmasq() throws Exception {
    String binary =
        List.of("/usr/sbin/dnsmasq", "/usr/bin/dnsmasq").stream()
            .filter(p -> new File(p).canExecute())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "dnsmasq is not installed: apt-get install -y dnsmasq (.ci/run does)"));
    dnsPort = Ports.free();
    Path log =
        Files.createDirectories(Path.of("target", "dnsmasq"))
            .resolve("dnsmasq-" + dnsPort + ".log");
    dnsmasq =
        new ProcessBuilder(
                binary,
                "--no-daemon",
                "--port=" + dnsPort,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--no-resolv",
                "--no-hosts",
                "--pid-file=",
                "--address=/web.example.test/192.0.2.10",
                "--address=/web.example.test/2001:db8::10",
                "-C",
                "/dev/null")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(log).contains("started") || !dnsmasq.isAlive());
    assertThat(dnsmasq.isAlive()).as(Files.readString(log)).isTrue();
  }

  @AfterAll
  static void stopDnsmasq() throws InterruptedException {
    if (dnsmasq != null) {
      dnsmasq.destroy();
      dnsmasq.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void cleanUp() {
    checks.forEach(ActiveChecks::delete);
  }

  /** An hourly check, so its slot does not come during the test: the test runs it. */
  private void check(UUID server, String name, String kind, Map<String, Object> settings) {
    UUID id = ActiveChecks.created(ActiveChecks.check(name, kind, server, 3600, 1, settings));
    checks.add(id);
    byName.put(name, id);
  }

  /** Runs check {@code name} until its state has that status; returns the state's output. */
  private String awaitStatus(UUID server, String name, String status) {
    return ActiveChecks.runUntilState(probes, server, byName.get(name), name, status, "")
        .get("output")
        .toString();
  }

  @Test
  void anOpenPortIsOkAndAClosedOneCritical() throws Exception {
    try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int closed = Ports.free();
      UUID server = InventoryFeed.activeServer("db");
      check(server, "postgres", "TCP", Map.of("host", "127.0.0.1", "port", open.getLocalPort()));
      check(server, "mysql", "TCP", Map.of("host", "localhost", "port", closed));
      assertThat(awaitStatus(server, "postgres", "OK"))
          .matches(
              "TCP OK - \\d+\\.\\d{3} second response time on 127\\.0\\.0\\.1 port "
                  + open.getLocalPort());
      assertThat(awaitStatus(server, "mysql", "CRITICAL"))
          .startsWith("TCP CRITICAL - connect to localhost port " + closed)
          .contains("refused");
    }
  }

  @Test
  void dnsAnswersAreComparedWithTheExpectedAddresses() {
    UUID server = InventoryFeed.activeServer("ns");
    String resolver = "127.0.0.1:" + dnsPort;
    check(
        server,
        "dns web A",
        "DNS",
        Map.of(
            "name",
            "web.example.test",
            "expectedAddresses",
            List.of("192.0.2.10"),
            "resolver",
            resolver));
    check(
        server,
        "dns web AAAA",
        "DNS",
        Map.of(
            "name",
            "web.example.test",
            "recordType",
            "AAAA",
            "expectedAddresses",
            List.of("2001:DB8::10"),
            "resolver",
            resolver));
    check(
        server,
        "dns web wrong",
        "DNS",
        Map.of(
            "name",
            "web.example.test",
            "expectedAddresses",
            List.of("192.0.2.99"),
            "resolver",
            resolver));
    check(
        server,
        "dns unknown name",
        "DNS",
        Map.of("name", "nowhere.example.test", "resolver", resolver));

    assertThat(awaitStatus(server, "dns web A", "OK"))
        .matches(
            "DNS OK: \\d+\\.\\d{3} seconds response time\\. web\\.example\\.test returns 192\\.0\\.2\\.10");
    assertThat(awaitStatus(server, "dns web AAAA", "OK")).endsWith("returns 2001:db8::10");
    assertThat(awaitStatus(server, "dns web wrong", "CRITICAL"))
        .isEqualTo("DNS CRITICAL - expected '192.0.2.99' but got '192.0.2.10' from " + resolver);
    assertThat(awaitStatus(server, "dns unknown name", "CRITICAL"))
        .startsWith("DNS CRITICAL - 'nowhere.example.test' at " + resolver);
  }
}
