package io.vigie.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testkit.VigieTestResources;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ServiceHealthTest {

  @Test
  void theServiceIsUpWithItsDatabaseMigrated() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @Test
  void itsApiIsDescribed() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("Vigie ticket API"));
  }
}
