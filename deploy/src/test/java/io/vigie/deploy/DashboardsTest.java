package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards in deploy/grafana: valid JSON, every query parses as PromQL (promtool),
 * and every metric it reads is one the services expose (their meters, from the code) or one of the
 * named exporters beside them.
 */
class DashboardsTest {

  private static final Path DASHBOARDS = Repository.root().resolve("deploy/grafana");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");

  private static List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Each dashboard file with each panel query, Grafana's variables replaced for PromQL. */
  private static Map<String, List<String>> queries() throws IOException {
    Map<String, List<String>> queries = new LinkedHashMap<>();
    for (Path file : dashboards()) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      List<String> expressions = new ArrayList<>();
      for (JsonNode panel : dashboard.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          expressions.add(
              target
                  .path("expr")
                  .asText()
                  .replace("$__rate_interval", "5m")
                  .replace("$__interval", "1m")
                  .replace("\"$job\"", "\".+-service\""));
        }
      }
      queries.put(file.getFileName().toString(), expressions);
    }
    return queries;
  }

  @Test
  void anOverviewAndOneDashboardPerService() throws IOException {
    Set<String> uids = new HashSet<>();
    for (Path file : dashboards()) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      assertThat(dashboard.path("title").asText()).as(file.toString()).startsWith("Vigie");
      assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid " + file).isTrue();
      assertThat(file.getFileName().toString()).isEqualTo(dashboard.path("uid").asText() + ".json");
      assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
      for (JsonNode panel : dashboard.path("panels")) {
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
      }
    }
    Set<String> expected = new TreeSet<>(Set.of("vigie-overview"));
    ChartTest.SERVICES.forEach(service -> expected.add("vigie-" + service));
    assertThat(uids).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyQueryParsesAsPromql(@TempDir Path temp) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode rules = yaml.createObjectNode();
    ArrayNode groups = rules.putArray("groups");
    int count = 0;
    for (Map.Entry<String, List<String>> dashboard : queries().entrySet()) {
      ObjectNode group = groups.addObject().put("name", dashboard.getKey());
      ArrayNode records = group.putArray("rules");
      for (String expression : dashboard.getValue()) {
        records.addObject().put("record", "dashboard:query" + count++).put("expr", expression);
      }
    }
    Path file = temp.resolve("dashboard-queries.yaml");
    yaml.writeValue(file.toFile(), rules);

    PrometheusRulesTest.Promtool.Result result =
        PrometheusRulesTest.Promtool.run("check", "rules", file.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + count + " rules found");
  }

  @Test
  void everyQueryReadsMetricsTheServicesReallyExpose() throws IOException {
    for (Map.Entry<String, List<String>> dashboard : queries().entrySet()) {
      String uid = dashboard.getKey().replace(".json", "");
      Set<String> known = new TreeSet<>(MeterNames.EXPORTERS);
      for (String service : ChartTest.SERVICES) {
        if (uid.equals("vigie-overview") || uid.equals("vigie-" + service)) {
          known.addAll(MeterNames.ofService(service));
        }
      }
      for (String expression : dashboard.getValue()) {
        Matcher selector = SELECTOR.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
        List<String> metrics = new ArrayList<>();
        while (selector.find()) {
          metrics.add(selector.group(1));
        }
        assertThat(metrics).as(uid + ": a metric selector in " + expression).isNotEmpty();
        assertThat(known).as(uid + ": " + expression).containsAll(metrics);
      }
    }
  }

  @Test
  void meterNamesAreDerivedFromTheCodeAsMicrometerWritesThem() {
    Set<String> inventory = MeterNames.ofService("inventory-service");
    // the names inventory-service's MetricsTest reads on a real /q/metrics
    assertThat(inventory)
        .contains(
            "vigie_inventory_servers",
            "vigie_outbox_published_total",
            "vigie_outbox_publish_lag_seconds");
    assertThat(MeterNames.ofService("monitoring-service"))
        .contains(
            "vigie_monitoring_remote_write_requests_total",
            "vigie_monitoring_alerts_fired_total",
            "vigie_monitoring_rules_evaluation_seconds_max")
        .doesNotContain("vigie_inventory_servers");
  }

  @Test
  void theRulesReadOnlyMetricsTheServicesOrTheNamedExportersExpose() throws IOException {
    JsonNode rules =
        new ObjectMapper(new YAMLFactory()).readTree(PrometheusRulesTest.RULES.toFile());
    Set<String> known = new TreeSet<>(MeterNames.EXPORTERS);
    ChartTest.SERVICES.forEach(service -> known.addAll(MeterNames.ofService(service)));
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String expression = rule.path("expr").asText().replaceAll("\"[^\"]*\"", "\"\"");
        Matcher selector = SELECTOR.matcher(expression);
        List<String> metrics = new ArrayList<>();
        while (selector.find()) {
          metrics.add(selector.group(1));
        }
        assertThat(metrics).as(rule.path("alert").asText()).isNotEmpty();
        assertThat(known).as(rule.path("alert").asText()).containsAll(metrics);
      }
    }
  }
}
