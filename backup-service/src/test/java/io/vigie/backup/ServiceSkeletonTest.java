package io.vigie.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testkit.VigieTestResources;
import org.junit.jupiter.api.Test;

/** The service starts on a real PostgreSQL and Kafka, migrates its schema and reports ready. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ServiceSkeletonTest {

  @Test
  void readyWithItsDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @Test
  void apiNeedsABearerToken() {
    given().get("/api/v1/anything").then().statusCode(401);
  }
}
