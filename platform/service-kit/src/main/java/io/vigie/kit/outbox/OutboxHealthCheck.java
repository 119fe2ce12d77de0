package io.vigie.kit.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether events reach Kafka: DOWN when the oldest unpublished event waits longer than a minute
 * (broker unreachable). A wellness check, not readiness: the service keeps accepting changes during
 * a broker outage and the outbox delivers them afterwards, so the pod must stay in service.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

  static final Duration TOLERATED_DELAY = Duration.ofMinutes(1);

  private final Pool pool;

  public OutboxHealthCheck(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return pool.query(
            "select count(*), min(occurred_at) from outbox_event where published_at is null")
        .execute()
        .map(
            rows -> {
              Row row = rows.iterator().next();
              long pending = row.getLong(0);
              OffsetDateTime oldest = row.getOffsetDateTime(1);
              long delaySeconds =
                  oldest == null ? 0 : Duration.between(oldest, OffsetDateTime.now()).toSeconds();
              return HealthCheckResponse.named("Kafka event publication (outbox)")
                  .status(delaySeconds <= TOLERATED_DELAY.toSeconds())
                  .withData("pending", pending)
                  .withData("oldestPendingSeconds", delaySeconds)
                  .build();
            });
  }
}
