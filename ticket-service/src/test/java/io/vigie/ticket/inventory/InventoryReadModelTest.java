package io.vigie.ticket.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ClientUpdated;
import io.vigie.events.inventory.ContractChanged;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import io.vigie.ticket.MovableTime;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract a ticket's clocks count against comes from inventory.events, newest version wins.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class InventoryReadModelTest {

  @Inject MovableTime time;

  @AfterEach
  void realTime() {
    time.release();
  }

  private static String gtiDeadlineOfANewP1(String tenant) {
    return given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .contentType(ContentType.JSON)
        .body(Map.of("type", "INCIDENT", "title", "Site down", "impact", "HIGH", "urgency", "HIGH"))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("interventionClock.deadline");
  }

  @Test
  void aContractChangeAppliesToNewTicketsAndAnOlderSnapshotChangesNothing() {
    String tenant = InventoryFeed.tenant("contract");
    UUID id = InventoryFeed.client(tenant, InventoryFeed.officeHours());
    // Saturday 5 Dec 2026, 11:00 Paris: business hours resume Monday 09:00 CET, GTI 1 h
    time.set(Instant.parse("2026-12-05T10:00:00Z"));
    org.assertj.core.api.Assertions.assertThat(gtiDeadlineOfANewP1(tenant))
        .isEqualTo("2026-12-07T09:00:00Z");

    InventoryFeed.publish(
        new ContractChanged(
            new ClientSnapshot(
                id, tenant, tenant + " SAS", "ops@example", InventoryFeed.aroundTheClock(), 3)));
    InventoryFeed.awaitClientVersion(id, 3);
    org.assertj.core.api.Assertions.assertThat(gtiDeadlineOfANewP1(tenant))
        .isEqualTo("2026-12-05T11:00:00Z");

    // version 2 arrives late (a redelivery): the 24/7 contract of version 3 stays
    InventoryFeed.publishAndAwait(
        new ClientUpdated(
            new ClientSnapshot(
                id, tenant, tenant + " SAS", "ops@example", InventoryFeed.officeHours(), 2)));
    InventoryFeed.awaitClientVersion(id, 3);
    org.assertj.core.api.Assertions.assertThat(gtiDeadlineOfANewP1(tenant))
        .isEqualTo("2026-12-05T11:00:00Z");
    given()
        .auth()
        .oauth2(TestTokens.client(tenant))
        .get("/api/v1/tickets")
        .then()
        .body("items.size()", equalTo(3));
  }
}
