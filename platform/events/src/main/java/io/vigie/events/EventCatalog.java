package io.vigie.events;

import io.vigie.events.backup.BackupEvents;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.events.ticket.TicketEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every event type Vigie publishes, mapped to the record that carries its data. */
public final class EventCatalog {

  private static final Map<String, Class<? extends DomainEvent>> TYPES = new HashMap<>();

  static {
    TYPES.putAll(InventoryEvents.TYPES);
    TYPES.putAll(MonitoringEvents.TYPES);
    TYPES.putAll(TicketEvents.TYPES);
    TYPES.putAll(DnsEvents.TYPES);
    TYPES.putAll(BackupEvents.TYPES);
  }

  private EventCatalog() {}

  public static Optional<Class<? extends DomainEvent>> dataClass(String eventType) {
    return Optional.ofNullable(TYPES.get(eventType));
  }

  public static Map<String, Class<? extends DomainEvent>> all() {
    return Map.copyOf(TYPES);
  }
}
