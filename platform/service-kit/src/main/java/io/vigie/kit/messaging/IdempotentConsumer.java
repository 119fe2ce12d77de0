package io.vigie.kit.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * At-least-once delivery made exactly-once in effect: the event id is recorded in the same
 * transaction as the effect, and an id already recorded is skipped. Transient failures (database
 * down) are retried; a poison message fails at once so the channel sends it to its dead-letter
 * topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

  private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

  public Uni<Void> process(String consumer, IncomingEvent event, Supplier<Uni<Void>> effect) {
    return Panache.withTransaction(
            () ->
                firstDelivery(consumer, event)
                    .chain(first -> first ? effect.get() : skipDuplicate(consumer, event)))
        .onFailure(failure -> !(failure instanceof PoisonMessageException))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .atMost(8);
  }

  private static Uni<Boolean> firstDelivery(String consumer, IncomingEvent event) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into processed_event (consumer, event_id, event_type)"
                            + " values (:consumer, :id, :type) on conflict do nothing")
                    .setParameter("consumer", consumer)
                    .setParameter("id", event.id())
                    .setParameter("type", event.type())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private static Uni<Void> skipDuplicate(String consumer, IncomingEvent event) {
    LOG.debugf("%s already processed event %s, skipping", consumer, event.id());
    return Uni.createFrom().voidItem();
  }
}
