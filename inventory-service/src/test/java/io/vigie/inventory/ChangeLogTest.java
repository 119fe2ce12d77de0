package io.vigie.inventory;

import static io.vigie.inventory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.testkit.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeLogTest {

  @Test
  void everyChangeIsInTheLogWithWhoMadeIt() {
    String server = Fixtures.createServer(Fixtures.createDatacenter(), "WEB");
    Fixtures.transition(server, "ACTIVE").statusCode(200);
    as(TestTokens.support())
        .queryParam("aggregateId", server)
        .get("/api/v1/changes")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body(
            "items.type",
            equalTo(
                List.of(InventoryEvents.SERVER_STATUS_CHANGED, InventoryEvents.SERVER_REGISTERED)))
        .body("items.actor", everyItem(equalTo("engineer")))
        .body("items[0].data.to", equalTo("ACTIVE"));
  }

  @Test
  void aClientReadsOnlyItsOwnTenantsChanges() {
    String mine = Fixtures.unique("log");
    String theirs = Fixtures.unique("log");
    String myClient = Fixtures.createClient(mine);
    String theirClient = Fixtures.createClient(theirs);
    as(TestTokens.client(mine))
        .queryParam("aggregateId", myClient)
        .get("/api/v1/changes")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].tenant", equalTo(mine));
    as(TestTokens.client(mine))
        .queryParam("aggregateId", theirClient)
        .get("/api/v1/changes")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(TestTokens.client(mine))
        .get("/api/v1/changes")
        .then()
        .statusCode(200)
        .body("items.tenant", everyItem(equalTo(mine)));
    RestAssured.given().get("/api/v1/changes").then().statusCode(401);
  }
}
