package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {

  @Test
  void namesPortsAndDatabasesAreUniqueAndClearOfTheInfrastructure() {
    List<ServiceSpec> all = Services.ALL;
    assertThat(all).extracting(ServiceSpec::name).doesNotHaveDuplicates();
    assertThat(all).extracting(ServiceSpec::database).doesNotHaveDuplicates();
    assertThat(all)
        .extracting(ServiceSpec::port)
        .doesNotHaveDuplicates()
        .doesNotContain(
            Postgres.PORT,
            KafkaBroker.PORT,
            KafkaBroker.CONTROLLER_PORT,
            Keycloak.HTTP_PORT,
            Keycloak.MANAGEMENT_PORT);
  }

  @Test
  void inventoryIsThere() {
    ServiceSpec inventory = Services.named("inventory-service");
    assertThat(inventory.port()).isEqualTo(8081);
    assertThat(inventory.database()).isEqualTo("inventory");
    assertThat(inventory.apiUrl()).hasToString("http://127.0.0.1:8081/api/v1");
    assertThat(inventory.readinessUrl()).hasToString("http://127.0.0.1:8081/q/health/ready");
  }

  @Test
  void theConsoleIsAWebFrontWithoutADatabase() {
    ServiceSpec console = Services.named("console");
    assertThat(console.port()).isEqualTo(8080);
    assertThat(console.database()).isNull();
    assertThat(console.isWebFront()).isTrue();
    assertThat(Services.named("inventory-service").isWebFront()).isFalse();
  }

  @Test
  void databaseNamesMustBePlain() {
    assertThatThrownBy(() -> new ServiceSpec("x-service", 9999, "x; DROP DATABASE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kafkaClusterIdsDecodeToSixteenBytesAndNeverLookLikeAnOption() {
    for (int i = 0; i < 200; i++) {
      String id = KafkaBroker.newClusterId();
      assertThat(id).hasSize(22).doesNotStartWith("-");
      assertThat(java.util.Base64.getUrlDecoder().decode(id)).hasSize(16);
    }
  }
}
