package io.vigie.monitoring;

import static io.restassured.RestAssured.given;
import static io.vigie.monitoring.CheckResults.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every list walked page by page with {@code ?size=&after=}: each page in the list's order, the
 * last one without {@code next}, the exact total only with {@code ?total=true}.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ListPagingTest {

  @Test
  void alertsAreWalkedNewestFirst() {
    UUID server = InventoryFeed.activeServer("pages");
    Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
    for (int i = 0; i < 3; i++) {
      Instant at = t0.plusSeconds(600L * i);
      report(server, "check_page_" + i, "CRITICAL", at, at.plusSeconds(30), at.plusSeconds(60));
    }
    Map<String, Object> query = Map.of("serverId", server);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(total(TestTokens.support(), "/api/v1/alerts", query)).isEqualTo(3));

    List<List<Map<String, Object>>> pages = walk(TestTokens.support(), "/api/v1/alerts", query, 2);

    assertThat(pages).hasSize(2);
    assertThat(field(pages, "source"))
        .containsExactly("check:check_page_2", "check:check_page_1", "check:check_page_0");
    assertThat(pages.get(1)).hasSize(1);
    Map<String, Object> newest = pages.get(0).get(0);
    assertThat(
            as(TestTokens.support())
                .get("/api/v1/alerts/" + newest.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("alert"))
        .isEqualTo(newest);
  }

  @Test
  void checkStatesAreWalkedByCheckName() {
    UUID server = InventoryFeed.activeServer("pages");
    Instant at = Instant.parse("2026-11-22T09:00:00Z");
    for (String check : List.of("check_c", "check_a", "check_b")) {
      report(server, check, "OK", at);
    }
    Map<String, Object> query = Map.of("serverId", server);

    assertThat(total(TestTokens.engineer(), "/api/v1/check-results/state", query)).isEqualTo(3);
    List<List<Map<String, Object>>> pages =
        walk(TestTokens.engineer(), "/api/v1/check-results/state", query, 2);

    assertThat(pages).extracting(List::size).containsExactly(2, 1);
    assertThat(field(pages, "check")).containsExactly("check_a", "check_b", "check_c");
    assertThat(field(pages, "lastResultAt")).containsOnly("2026-11-22T09:00:00Z");
  }

  @Test
  void targetsAreWalkedByHostname() {
    String datacenter = "PG-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> hostnames = new ArrayList<>();
    for (String name : List.of("web2", "db1", "web1")) {
      UUID id = UUID.randomUUID();
      String hostname = name + "-" + id + ".example.net";
      InventoryFeed.publish(
          id.toString(),
          new ServerRegistered(
              InventoryFeed.serverSnapshot(id, hostname, datacenter, ServerStatus.ACTIVE, 1)));
      InventoryFeed.awaitTarget(id, "ACTIVE");
      hostnames.add(hostname);
    }
    Map<String, Object> query = Map.of("datacenter", datacenter, "monitored", true);

    assertThat(total(TestTokens.support(), "/api/v1/targets", query)).isEqualTo(3);
    List<List<Map<String, Object>>> pages = walk(TestTokens.support(), "/api/v1/targets", query, 2);

    assertThat(pages).extracting(List::size).containsExactly(2, 1);
    assertThat(field(pages, "hostname"))
        .containsExactly(hostnames.get(1), hostnames.get(2), hostnames.get(0));
    assertThat(field(pages, "monitored")).containsOnly(true);
    // each item as the topology (written by Jackson) shows the server
    for (List<Map<String, Object>> page : pages) {
      for (Map<String, Object> item : page) {
        assertThat(
                as(TestTokens.support())
                    .get("/api/v1/targets/" + item.get("id"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("server"))
            .isEqualTo(item);
      }
    }
  }

  @Test
  void alertRulesAreWalkedByName() {
    long total = total(TestTokens.support(), "/api/v1/alert-rules", Map.of());
    assertThat(total).as("the default rule pack").isGreaterThan(4);

    List<List<Map<String, Object>>> pages =
        walk(TestTokens.support(), "/api/v1/alert-rules", Map.of(), 2);

    List<Object> names = field(pages, "rule.name");
    assertThat(pages.size()).isGreaterThanOrEqualTo(3);
    assertThat(pages.get(0)).hasSize(2);
    assertThat(pages.get(1)).hasSize(2);
    assertThat(new HashSet<>(names)).as("no rule twice").hasSize(names.size());
    assertThat((long) names.size()).isGreaterThanOrEqualTo(total);
    as(TestTokens.support())
        .queryParam("after", "***")
        .get("/api/v1/alert-rules")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("after"));
  }

  @Test
  void theChangeLogIsWalkedNewestFirstWithoutSkippingOrRepeating() {
    // eleven alerts fire at once: eleven more changes, so sequence numbers pass 9 and 10, whose
    // text order is not their order
    UUID server = InventoryFeed.activeServer("changes");
    Instant at = Instant.parse("2026-11-23T08:00:00Z");
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      for (int n = 0; n < 3; n++) {
        results.add(
            CheckResults.result(
                server, null, "check_change_" + i, "CRITICAL", at.plusSeconds(30L * n).toString()));
      }
    }
    CheckResults.report(results);
    CheckResults.alertsFired(server, 11);

    long total = total(TestTokens.support(), "/api/v1/changes", Map.of());
    List<List<Map<String, Object>>> pages =
        walk(TestTokens.support(), "/api/v1/changes", Map.of(), 4);

    List<Object> ids = field(pages, "id");
    assertThat(total).isGreaterThanOrEqualTo(11);
    assertThat(new HashSet<>(ids)).as("no change twice").hasSize(ids.size());
    // changes recorded meanwhile come first, before the walk's cursor: never fewer than counted
    assertThat((long) ids.size()).as("none skipped").isGreaterThanOrEqualTo(total);
  }

  /** The total of a list as {@code ?total=true} counts it; the first page carries it. */
  static long total(String token, String path, Map<String, ?> query) {
    return ((Number)
            as(token)
                .queryParams(query)
                .queryParam("total", true)
                .queryParam("size", 1)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .path("total"))
        .longValue();
  }

  /** Each page of the list, {@code size} items at a time, following {@code next}. */
  static List<List<Map<String, Object>>> walk(
      String token, String path, Map<String, ?> query, int size) {
    List<List<Map<String, Object>>> pages = new ArrayList<>();
    String after = null;
    do {
      RequestSpecification request = as(token).queryParams(query).queryParam("size", size);
      if (after != null) {
        request.queryParam("after", after);
      }
      JsonPath page =
          request
              .get(path)
              .then()
              .statusCode(200)
              .body("$", not(hasKey("total")))
              .extract()
              .jsonPath();
      pages.add(page.getList("items"));
      after = page.getString("next");
    } while (after != null && pages.size() < 200);
    return pages;
  }

  /** One field of every item, page after page ({@code a.b} reads a nested one). */
  @SuppressWarnings("unchecked")
  static List<Object> field(List<List<Map<String, Object>>> pages, String path) {
    List<Object> values = new ArrayList<>();
    for (List<Map<String, Object>> page : pages) {
      for (Map<String, Object> item : page) {
        Object value = item;
        for (String part : path.split("\\.")) {
          value = ((Map<String, Object>) value).get(part);
        }
        values.add(value);
      }
    }
    return values;
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }
}
