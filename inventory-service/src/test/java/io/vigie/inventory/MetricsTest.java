package io.vigie.inventory;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

  @Test
  void businessAndOutboxMetersAreExposed() {
    Fixtures.createServer(Fixtures.createDatacenter(), "WEB");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                RestAssured.given()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("vigie_inventory_servers{status=\"planned\"}"))
                    .body(containsString("vigie_outbox_published_total"))
                    .body(containsString("vigie_outbox_publish_lag_seconds")));
  }
}
