package io.vigie.devstack;

import java.util.List;
import java.util.NoSuchElementException;

/** The services {@code ./vigie up} runs. Adding a service is one line here. */
final class Services {

  static final List<ServiceSpec> ALL =
      List.of(
          new ServiceSpec("inventory-service", 8081, "inventory"),
          new ServiceSpec("monitoring-service", 8082, "monitoring"),
          new ServiceSpec("ticket-service", 8083, "ticket"),
          new ServiceSpec("backup-service", 8084, "backup"),
          new ServiceSpec("dns-service", 8085, "dns"),
          // the wall and the client's window: calls the others with the signed-in person's token
          new ServiceSpec("console", 8080, null));

  static ServiceSpec named(String name) {
    return ALL.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no service " + name));
  }

  private Services() {}
}
