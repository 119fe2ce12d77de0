package io.vigie.ticket.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.Alerts;
import io.vigie.ticket.EventPolicies;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.TicketConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With the RESOLVE policy, an AlertResolved resolves its incidents, pending confirmation. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ResolvePolicyTest {

  @Inject EventPolicies policies;

  @BeforeEach
  void switchPolicy() {
    policies.alertResolved(TicketConfig.AlertResolvedPolicy.RESOLVE);
  }

  @AfterEach
  void resetPolicy() {
    policies.reset();
  }

  @Test
  void theAlertClearingResolvesTheIncidentButNeverClosesIt() {
    String tenant = InventoryFeed.tenant("resolve");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    UUID db = InventoryFeed.server("db");
    String fingerprint = "fp-" + UUID.randomUUID();
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(3));
    AlertFired fired = Alerts.fired(fingerprint, startedAt, db, "db", List.of(tenant), List.of());
    Alerts.publish(fired);
    Alerts.publish(Alerts.resolved(fired, startedAt.plus(Duration.ofMinutes(2))));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.client(tenant))
                    .queryParam("alert", fingerprint)
                    .get("/api/v1/tickets")
                    .then()
                    .body("items.size()", equalTo(1))
                    .body("items[0].status", equalTo("RESOLVED")));
    String id =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .queryParam("alert", fingerprint)
            .get("/api/v1/tickets")
            .then()
            .extract()
            .path("items[0].id");
    List<String> kinds =
        given()
            .auth()
            .oauth2(TestTokens.client(tenant))
            .get("/api/v1/tickets/" + id + "/timeline")
            .then()
            .extract()
            .path("items.kind");
    // alert entries are dated when the alert fired and cleared, both before the event reached us
    assertThat(kinds).containsExactly("ALERT_FIRED", "ALERT_RESOLVED", "OPENED", "STATUS_CHANGED");
    // the client confirms; nothing closed it before
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .contentType("application/json")
        .header("If-Match", "*")
        .body(Map.of("status", "CLOSED"))
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
  }
}
