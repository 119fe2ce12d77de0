package io.vigie.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the services answer, and how the console calls them. */
@ConfigMapping(prefix = "vigie.console")
public interface ConsoleConfig {

  URI inventoryUrl();

  URI monitoringUrl();

  URI ticketUrl();

  URI backupUrl();

  URI dnsUrl();

  /** How long one call to a service may take before the page says the service did not answer. */
  @WithDefault("5s")
  Duration callTimeout();

  /** How often the wall asks the services again for what it shows (server side, per viewer). */
  @WithDefault("3s")
  Duration wallRefresh();

  default URI baseUrl(VigieService service) {
    return switch (service) {
      case INVENTORY -> inventoryUrl();
      case MONITORING -> monitoringUrl();
      case TICKET -> ticketUrl();
      case BACKUP -> backupUrl();
      case DNS -> dnsUrl();
    };
  }
}
