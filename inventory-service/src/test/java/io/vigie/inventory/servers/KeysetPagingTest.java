package io.vigie.inventory.servers;

import static io.vigie.inventory.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigie.inventory.Fixtures;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Walking a list page by page while other rows are being added skips and repeats nothing. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class KeysetPagingTest {

  @Test
  void aListWalkedDuringInsertsSeesEveryEarlierRowExactlyOnce() {
    String dc = Fixtures.createDatacenter();
    String prefix = Fixtures.unique("walk");
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      before.add(create(dc, prefix + "-" + String.format("%03d", i * 10)));
    }

    // a writer keeps adding servers whose hostnames fall between and around the existing ones
    AtomicBoolean walking = new AtomicBoolean(true);
    CompletableFuture<Integer> writer =
        CompletableFuture.supplyAsync(
            () -> {
              int added = 0;
              for (int i = 0; walking.get() && i < 300; i++) {
                create(dc, prefix + "-" + String.format("%03d", (i * 7) % 300) + "-late" + i);
                added++;
              }
              return added;
            });

    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      var request = as(TestTokens.support()).queryParam("hostname", prefix).queryParam("size", 4);
      if (after != null) {
        request.queryParam("after", after);
      }
      JsonPath page = request.get("/api/v1/servers").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.id"));
      after = page.getString("next");
      pages++;
    } while (after != null && pages < 200);
    walking.set(false);
    int added = writer.join();

    assertThat(added).as("inserts ran during the walk").isPositive();
    assertThat(new HashSet<>(seen)).as("no row repeated").hasSize(seen.size());
    assertThat(seen).as("no earlier row skipped").containsAll(before);
    Set<String> all = new HashSet<>(seen);
    assertThat(all.size()).isBetween(before.size(), before.size() + added);
  }

  @Test
  void theRoleFilterPagesInHostNameOrderAndFollowsRoleChanges() {
    String dc = Fixtures.createDatacenter();
    String prefix = Fixtures.unique("roles");
    String web1 = create(dc, prefix + "-a", "WEB");
    create(dc, prefix + "-b", "DATABASE");
    String web2 = create(dc, prefix + "-c", "WEB");
    String web3 = create(dc, prefix + "-d", "WEB", "LOAD_BALANCER");

    JsonPath first = webPage(prefix, null);
    assertThat(first.getList("items.id")).containsExactly(web1, web2);
    assertThat(webPage(prefix, first.getString("next")).getList("items.id")).containsExactly(web3);

    String etag =
        as(TestTokens.engineer())
            .get("/api/v1/servers/" + web2)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    as(TestTokens.engineer())
        .header("If-Match", etag)
        .body(Fixtures.server(prefix + "-c.example.net", dc, List.of("DATABASE")))
        .put("/api/v1/servers/" + web2)
        .then()
        .statusCode(200);
    assertThat(webPage(prefix, null).getList("items.id")).containsExactly(web1, web3);
  }

  private static JsonPath webPage(String prefix, String after) {
    var request =
        as(TestTokens.support())
            .queryParam("hostname", prefix)
            .queryParam("role", "WEB")
            .queryParam("size", 2);
    if (after != null) {
      request.queryParam("after", after);
    }
    return request.get("/api/v1/servers").then().statusCode(200).extract().jsonPath();
  }

  private static String create(String dc, String hostname, String... roles) {
    return as(TestTokens.engineer())
        .body(
            Fixtures.server(
                hostname + ".example.net", dc, roles.length == 0 ? List.of("WEB") : List.of(roles)))
        .post("/api/v1/servers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
