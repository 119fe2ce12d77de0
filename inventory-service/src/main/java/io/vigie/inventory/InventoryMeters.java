package io.vigie.inventory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vigie.events.inventory.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business meters: servers per lifecycle status, guests and clients, refreshed every 30 s from the
 * database so every replica reports the same figures.
 */
@ApplicationScoped
public class InventoryMeters {

  private final Pool pool;
  private final Map<ServerStatus, AtomicLong> servers = new EnumMap<>(ServerStatus.class);
  private final AtomicLong guests = new AtomicLong();
  private final AtomicLong clients = new AtomicLong();

  public InventoryMeters(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    for (ServerStatus status : ServerStatus.values()) {
      AtomicLong count = new AtomicLong();
      servers.put(status, count);
      Gauge.builder("vigie.inventory.servers", count, AtomicLong::get)
          .description("Physical servers by lifecycle status")
          .tag("status", status.name().toLowerCase())
          .register(registry);
    }
    Gauge.builder("vigie.inventory.guests", guests, AtomicLong::get)
        .description("VMs and containers")
        .register(registry);
    Gauge.builder("vigie.inventory.clients", clients, AtomicLong::get)
        .description("Clients (tenants)")
        .register(registry);
  }

  @Scheduled(
      every = "30s",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return pool.query(
            "select status, count(*) from server group by status"
                + " union all select 'GUESTS', count(*) from virtual_machine"
                + " union all select 'CLIENTS', count(*) from client")
        .execute()
        .invoke(
            rows -> {
              servers.values().forEach(count -> count.set(0));
              for (Row row : rows) {
                String name = row.getString(0);
                long value = row.getLong(1);
                switch (name) {
                  case "GUESTS" -> guests.set(value);
                  case "CLIENTS" -> clients.set(value);
                  default -> servers.get(ServerStatus.valueOf(name)).set(value);
                }
              }
            })
        .replaceWithVoid();
  }
}
