package io.vigie.monitoring.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many maintenance windows run right now, refreshed every minute from the database so every
 * replica reports the same figure: an operator sees at a glance that alerts are being held back.
 */
@ApplicationScoped
public class MaintenanceMeters {

  private final AtomicLong running = new AtomicLong();

  public MaintenanceMeters(MeterRegistry registry) {
    Gauge.builder("vigie.monitoring.maintenance.windows.running", running, AtomicLong::get)
        .description("Maintenance windows with an occurrence running now")
        .register(registry);
  }

  @Scheduled(
      every = "60s",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    Instant now = Instant.now();
    return Panache.withSession(
            () ->
                MaintenanceWindow.<MaintenanceWindow>list(
                    "startsAt <= ?1 and (recursUntil is null or recursUntil > ?1)"
                        + " and (cancelledAt is null or cancelledAt > ?1)",
                    now))
        .invoke(
            windows ->
                running.set(windows.stream().filter(w -> w.occurrences().contains(now)).count()))
        .replaceWithVoid();
  }
}
