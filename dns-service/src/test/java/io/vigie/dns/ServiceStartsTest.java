package io.vigie.dns;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.dns.servers.DnsServersResource;
import io.vigie.testkit.VigieTestResources;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(DnsServersResource.class)
class ServiceStartsTest {

  @Test
  void readyWithItsDatabaseMigrated() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void apiPathsNeedABearerToken() {
    given().when().get("/api/v1/zones").then().statusCode(401).header("WWW-Authenticate", "Bearer");
  }

  @Test
  void openApiDescribesTheService() {
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("Vigie DNS API"));
  }
}
