package io.vigie.kit.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
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

  /**
   * Reads the CloudEvent of {@code message}, runs {@code handler} on it and acknowledges only once
   * it succeeded; a failure nacks, which hands the message to the channel's dead-letter topic so
   * one bad record never blocks its partition.
   */
  public Uni<Void> acknowledgeAfter(
      Message<String> message, Function<IncomingEvent, Uni<Void>> handler) {
    return Uni.createFrom()
        .deferred(() -> handler.apply(IncomingEvent.from(message)))
        .onItemOrFailure()
        .transformToUni(
            (done, failure) -> {
              if (failure == null) {
                return Uni.createFrom().completionStage(message::ack);
              }
              LOG.warnf("Event sent to the dead-letter topic: %s", failure.getMessage());
              return Uni.createFrom().completionStage(() -> message.nack(failure));
            });
  }

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
