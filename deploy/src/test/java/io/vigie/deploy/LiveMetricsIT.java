package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.testkit.PackagedService;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metric names the dashboards and rules are checked against, compared with the /q/metrics of
 * the five services running as shipped (packaged jars on a real PostgreSQL and Kafka): the
 * framework meters are really there, and every {@code vigie_*} name a service exposes is one the
 * names derived from the code know, so the derivation misses no meter.
 */
class LiveMetricsIT {

  private static final Map<String, String> API =
      Map.of(
          "inventory-service", "/api/v1/servers",
          "monitoring-service", "/api/v1/alerts",
          "ticket-service", "/api/v1/tickets",
          "backup-service", "/api/v1/repositories",
          "dns-service", "/api/v1/zones");

  private static final VigieTestResources INFRASTRUCTURE = new VigieTestResources();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, Set<String>> SCRAPED = new LinkedHashMap<>();

  /**
   * One service at a time (the build machines are shared): started on its own database, asked one
   * API request, scraped, stopped.
   */
  @BeforeAll
  static void scrapeEveryService() throws Exception {
    Map<String, String> shared = INFRASTRUCTURE.start();
    int pg = PostgresResource.server().getPort();
    try {
      for (String service : API.keySet()) {
        String database = service.replace("-service", "");
        try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
            Statement s = c.createStatement()) {
          s.execute("create database " + database);
        }
        Map<String, String> config = new HashMap<>(shared);
        config.put(
            "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg + "/" + database);
        config.put(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pg + "/" + database);
        try (PackagedService running = PackagedService.start(service, config)) {
          running.awaitReady(Duration.ofMinutes(4));
          SCRAPED.put(service, scrape(service, running));
        }
      }
    } finally {
      INFRASTRUCTURE.stop();
    }
  }

  /** The names on a running service's /q/metrics, after one API request. */
  private static Set<String> scrape(String service, PackagedService running) throws Exception {
    HttpResponse<String> api =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(running.url(API.get(service))))
                .header("Authorization", "Bearer " + TestTokens.support())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).as(service + " " + API.get(service)).isEqualTo(200);
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(running.url("/q/metrics"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    Set<String> names = new TreeSet<>();
    for (String line : metrics.body().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  @Test
  void everyServiceExposesTheFrameworkMetersTheDashboardsRead() throws Exception {
    assertThat(SCRAPED.keySet()).containsExactlyInAnyOrderElementsOf(API.keySet());
    for (String service : API.keySet()) {
      assertThat(SCRAPED.get(service)).as(service).containsAll(MeterNames.FRAMEWORK);
    }
  }

  @Test
  void everyVigieMeterAServiceExposesIsOneTheCodeDerivationKnows() throws Exception {
    for (String service : API.keySet()) {
      Set<String> live = SCRAPED.get(service);
      Set<String> derived = MeterNames.ofService(service);
      assertThat(live).as(service + ": the kit's outbox meters").contains("vigie_outbox_pending");
      assertThat(live.stream().filter(name -> name.startsWith("vigie_")))
          .as(service + ": live vigie_* names")
          .isNotEmpty()
          .allSatisfy(name -> assertThat(derived).as(service).contains(name));
    }
  }
}
