package io.vigie.monitoring.consumption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RealPrometheus;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.usage.DatabaseSizeRollup;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Database sizes measured for real: the Prometheus postgres exporter (Debian's {@code
 * prometheus-postgres-exporter}) watches the tests' embedded PostgreSQL, a real Prometheus scrapes
 * it and remote-writes to the service; the hourly rollup holds the size {@code pg_database_size()}
 * gives, and the client's consumption report shows its DATABASE hosted service with it. A MySQL
 * database no exporter reports is listed without figures.
 */
@QuarkusTest
class DatabaseSizeTest {

  @TestHTTPResource("/")
  URL service;

  @Inject DatabaseSizeRollup rollup;
  @Inject MetricHead head;

  private boolean inHead(UUID server, String datname) {
    for (Series s : head.select(DatabaseSizeRollup.METRIC)) {
      if (server.toString().equals(s.labels().get("server_id"))
          && datname.equals(s.labels().get("datname"))
          && s.latest() != null) {
        return true;
      }
    }
    return false;
  }

  private static Double rolledUp(UUID server, String datname, Instant hour) throws Throwable {
    List<Object> rows =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(
                    () ->
                        Panache.getSession()
                            .chain(
                                s ->
                                    s.createNativeQuery(
                                            "select last_size_bytes from database_size_hour where"
                                                + " target_id = ?1 and datname = ?2 and"
                                                + " hour_start = ?3",
                                            Object.class)
                                        .setParameter(1, server)
                                        .setParameter(2, datname)
                                        .setParameter(3, hour)
                                        .getResultList())));
    return rows.isEmpty() ? null : ((Number) rows.get(0)).doubleValue();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theRealExportersSizeIsHeldAndReportedForTheClientsDatabase() throws Throwable {
    String tenant = "db-" + UUID.randomUUID().toString().substring(0, 8);
    InventoryFeed.registerClient(tenant, "99.9");
    UUID server = InventoryFeed.serverHosting(tenant);
    String datname = "orders_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
    int pgPort = PostgresResource.server().getPort();
    String jdbc = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
    try (Connection db =
            java.sql.DriverManager.getConnection(jdbc + "postgres", "postgres", "postgres");
        Statement st = db.createStatement()) {
      st.execute("create database " + datname);
    }
    try (Connection db =
            java.sql.DriverManager.getConnection(jdbc + datname, "postgres", "postgres");
        Statement st = db.createStatement()) {
      // a few MB of rows, so the database is not the size of an empty one
      st.execute(
          "create table orders as select g as id, md5(g::text) as ref from generate_series(1,"
              + " 60000) g");
      st.execute("checkpoint");
    }

    String exporterTarget = "127.0.0.1:" + freePort();
    Path logs = Files.createDirectories(Path.of("target", "postgres-exporter"));
    ProcessBuilder command =
        new ProcessBuilder(
                RealPrometheus.binary(
                    "prometheus-postgres-exporter", "prometheus-postgres-exporter"),
                "--web.listen-address=" + exporterTarget,
                "--disable-settings-metrics")
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("exporter-" + datname + ".log").toFile());
    command
        .environment()
        .put(
            "DATA_SOURCE_NAME",
            "postgresql://postgres:postgres@127.0.0.1:" + pgPort + "/postgres?sslmode=disable");
    Process exporter = command.start();
    try (RealPrometheus prometheus =
        RealPrometheus.remoteWritingTo(service)
            .scrapeLabel("server_id", server.toString())
            .scrapeInterval(Duration.ofSeconds(1))
            // node_exporter's own series only: this server's must not feed other tests' rules
            .nodeExporterArgs("--collector.disable-defaults")
            .scrapeTarget("postgres", exporterTarget)
            .start()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> exporter.isAlive() && inHead(server, datname));
      Instant at = Instant.now();
      Instant hour = at.truncatedTo(ChronoUnit.HOURS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                try {
                  VertxContextSupport.subscribeAndAwait(() -> rollup.sample(at));
                  return rolledUp(server, datname, hour) != null;
                } catch (Throwable e) {
                  throw new IllegalStateException(e);
                }
              });
      long actual;
      try (Connection db =
              java.sql.DriverManager.getConnection(jdbc + "postgres", "postgres", "postgres");
          Statement st = db.createStatement();
          ResultSet r = st.executeQuery("select pg_database_size('" + datname + "')")) {
        r.next();
        actual = r.getLong(1);
      }
      assertThat(actual).isGreaterThan(3_000_000L);
      assertThat(rolledUp(server, datname, hour))
          .as(prometheus.logs())
          .isCloseTo((double) actual, Percentage.withPercentage(2));

      // the client's DATABASE hosted service named by its URL; a MySQL one no exporter reports
      UUID orders = UUID.randomUUID();
      UUID mysql = UUID.randomUUID();
      for (HostedServiceSnapshot s :
          List.of(
              new HostedServiceSnapshot(
                  orders,
                  UUID.randomUUID(),
                  tenant,
                  "Base commandes",
                  HostedServiceKind.DATABASE,
                  "postgresql://db1:5432/" + datname,
                  null,
                  "postgresql",
                  List.of(server),
                  List.of(),
                  1),
              new HostedServiceSnapshot(
                  mysql,
                  UUID.randomUUID(),
                  tenant,
                  "Catalogue",
                  HostedServiceKind.DATABASE,
                  null,
                  null,
                  "mysql",
                  List.of(server),
                  List.of(),
                  1))) {
        InventoryFeed.publish(s.id().toString(), new HostedServiceCreated(s));
      }
      String month = YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
      String path = "/api/v1/consumption/clients/" + tenant + "/" + month;
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  given()
                          .auth()
                          .oauth2(TestTokens.client(tenant))
                          .get(path)
                          .then()
                          .extract()
                          .jsonPath()
                          .getList("databases")
                          .size()
                      == 2);
      JsonPath report =
          given()
              .auth()
              .oauth2(TestTokens.client(tenant))
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(report.getList("databases.name")).containsExactly("Base commandes", "Catalogue");
      assertThat(report.getString("databases[0].datname")).isEqualTo(datname);
      assertThat(report.getString("databases[0].measuredOnId")).isEqualTo(server.toString());
      assertThat((double) report.getLong("databases[0].endBytes"))
          .isCloseTo((double) actual, Percentage.withPercentage(2));
      assertThat(report.getLong("databases[0].growthBytes")).isZero();
      assertThat(report.getInt("databases[0].hoursMeasured")).isEqualTo(1);
      assertThat(report.getString("databases[1].datname")).isEqualTo("Catalogue");
      assertThat(report.getString("databases[1].endBytes")).isNull();
      assertThat(report.getList("notMeasured").toString()).doesNotContain("not collected");
      assertThat(
              given()
                  .auth()
                  .oauth2(TestTokens.client(tenant))
                  .get(path + "/markdown")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString())
          .contains("## Databases (size where measured)")
          .contains("| Catalogue | Catalogue | not measured | – | – | 0 |");
    } finally {
      RealPrometheus.kill(exporter);
    }
  }

  @Test
  void aHostedServiceIsTheDatabaseItsUrlNames() {
    assertThat(DatabaseSizes.datname("postgresql://db1.example.net:5432/orders", "Base commandes"))
        .isEqualTo("orders");
    assertThat(DatabaseSizes.datname("postgres://db1/orders?sslmode=require", "x"))
        .isEqualTo("orders");
    assertThat(DatabaseSizes.datname("mysql://db1:3306/", "catalogue")).isEqualTo("catalogue");
    assertThat(DatabaseSizes.datname(null, "Base commandes")).isEqualTo("Base commandes");
    assertThat(DatabaseSizes.datname("not a url", "shop")).isEqualTo("shop");
  }
}
