package io.vigie.events.monitoring;

import io.vigie.events.DomainEvent;
import java.util.Map;

/** Topic and type names of the events monitoring-service publishes. */
public final class MonitoringEvents {

  public static final String TOPIC = "monitoring.events";
  public static final String SOURCE = "/vigie/monitoring-service";

  public static final String HOST_USAGE_ROLLED_UP = "io.vigie.monitoring.host-usage-rolled-up.v1";
  public static final String ALERT_FIRED = "io.vigie.monitoring.alert-fired.v1";
  public static final String ALERT_RESOLVED = "io.vigie.monitoring.alert-resolved.v1";

  public static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.of(
          HOST_USAGE_ROLLED_UP, HostUsageRolledUp.class,
          ALERT_FIRED, AlertFired.class,
          ALERT_RESOLVED, AlertResolved.class);

  private MonitoringEvents() {}
}
