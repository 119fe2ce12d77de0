package io.vigie.inventory.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.TestTokens;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus (Debian's package; .ci/run installs it) discovers the inventory's servers
 * through the HTTP service-discovery endpoint, authenticated as an agent.
 */
@QuarkusTest
class PrometheusDiscoveryTest {

  @TestHTTPResource("/")
  URL service;

  private Process prometheus;

  @AfterEach
  void stopPrometheus() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor();
    }
  }

  @Test
  void prometheusDiscoversTheActiveServersWithTheirLabels() throws Exception {
    String dc = Fixtures.createDatacenter();
    String dcCode =
        Fixtures.as(TestTokens.support())
            .get("/api/v1/datacenters/" + dc)
            .then()
            .extract()
            .path("code");
    String web = Fixtures.createServer(dc, "WEB");
    String balancer = Fixtures.createServer(dc, "LOAD_BALANCER");
    String planned = Fixtures.createServer(dc, "DATABASE");
    Fixtures.transition(web, "ACTIVE").statusCode(200);
    Fixtures.transition(balancer, "ACTIVE").statusCode(200);
    Fixtures.transition(balancer, "MAINTENANCE").statusCode(200);

    int port = freePort();
    prometheus = startPrometheus(port);
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();

    Map<String, JsonNode> discovered = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              discovered.clear();
              HttpResponse<String> answer =
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/api/v1/targets"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (answer.statusCode() != 200) {
                return false;
              }
              for (JsonNode target :
                  json.readTree(answer.body()).path("data").path("activeTargets")) {
                JsonNode labels = target.path("discoveredLabels");
                discovered.put(labels.path("server_id").asText(), labels);
              }
              return discovered.containsKey(web) && discovered.containsKey(balancer);
            });

    assertThat(discovered.get(web).path("datacenter").asText()).isEqualTo(dcCode);
    assertThat(discovered.get(web).path("role").asText()).isEqualTo("web");
    assertThat(discovered.get(web).path("status").asText()).isEqualTo("active");
    assertThat(discovered.get(web).path("__address__").asText()).endsWith(":9100");
    assertThat(discovered.get(balancer).path("role").asText()).isEqualTo("load-balancer");
    assertThat(discovered.get(balancer).path("status").asText()).isEqualTo("maintenance");
    assertThat(discovered).doesNotContainKey(planned);
  }

  private Process startPrometheus(int port) throws IOException {
    String binary = findPrometheus();
    Path dir = Files.createTempDirectory(Path.of("target"), "prometheus-");
    String sd =
        service.toString().replaceAll("/$", "")
            + "/api/v1/integrations/prometheus/targets?port=9100";
    Files.writeString(
        dir.resolve("prometheus.yml"),
        """
        global:
          scrape_interval: 1h
        scrape_configs:
          - job_name: vigie-inventory
            http_sd_configs:
              - url: "%s"
                refresh_interval: 2s
                authorization:
                  # Debian's Prometheus 2.42 sends no scheme for http_sd unless it is spelt out
                  type: Bearer
                  credentials: "%s"
        """
            .formatted(sd, TestTokens.agent()));
    return new ProcessBuilder(
            binary,
            "--config.file=" + dir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
  }

  private static String findPrometheus() {
    for (String candidate : new String[] {"/usr/bin/prometheus", "/usr/local/bin/prometheus"}) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "This test runs a real Prometheus: apt-get install --no-install-recommends prometheus");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
