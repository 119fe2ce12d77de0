package io.vigie.dns.zone;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.dns.DnsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Drift on a schedule: every zone's providers are read back once per {@code
 * vigie.dns.drift.interval} (after its creation, then after its last check), one zone after the
 * other, oldest check first; a new difference is published once as {@code DriftFound} and marks the
 * provider DRIFTED, for a person to reconcile ({@code POST .../apply}).
 */
@ApplicationScoped
public class DriftSchedule {

  private static final Logger LOG = Logger.getLogger(DriftSchedule.class);

  private final ZoneSync sync;
  private final Clock clock;
  private final DnsConfig.Drift config;

  public DriftSchedule(ZoneSync sync, Clock clock, DnsConfig config) {
    this.sync = sync;
    this.clock = clock;
    this.config = config.drift();
  }

  /** The zones due now, oldest check first. */
  Uni<List<UUID>> due() {
    Instant before = clock.instant().minus(config.interval());
    return Panache.withSession(
        () ->
            Zone.<Zone>find(
                    "deletedAt is null and coalesce(driftCheckedAt, createdAt) < ?1"
                        + " order by coalesce(driftCheckedAt, createdAt), id",
                    before)
                .page(0, config.batch())
                .list()
                .map(zones -> zones.stream().map(z -> z.id).toList()));
  }

  @Scheduled(
      every = "${vigie.dns.drift.tick:30s}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> checkDue() {
    return due()
        .onItem()
        .transformToMulti(ids -> Multi.createFrom().iterable(ids))
        .onItem()
        .transformToUniAndConcatenate(
            id ->
                sync.scheduledDrift(id)
                    .onFailure()
                    .recoverWithUni(
                        e -> {
                          LOG.warnf("Drift check of zone %s failed: %s", id, e.getMessage());
                          return Uni.createFrom().voidItem();
                        }))
        .collect()
        .asList()
        .replaceWithVoid();
  }
}
