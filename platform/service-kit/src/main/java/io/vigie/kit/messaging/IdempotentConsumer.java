package io.vigie.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vigie.kit.sql.SqlErrors;
import io.vigie.kit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
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

  private final Tracer tracer;
  private final RetryConfig retry;
  private final MeterRegistry registry;
  private final InFlightEvents inFlight = new InFlightEvents(InstantSource.system());
  private final Set<String> measuredTopics = ConcurrentHashMap.newKeySet();

  /** How a failing event is retried: {@code vigie.messaging.retry.*}. */
  @io.smallrye.config.ConfigMapping(prefix = "vigie.messaging.retry")
  public interface RetryConfig {
    /** Attempts after the first for a failure other than an unavailable database. */
    @io.smallrye.config.WithDefault("8")
    int attempts();

    @io.smallrye.config.WithDefault("PT0.2S")
    Duration initialBackOff();

    @io.smallrye.config.WithDefault("PT5S")
    Duration maxBackOff();
  }

  /** Without the OpenTelemetry bean (quarkus.otel.enabled=false at build time) spans are no-ops. */
  public IdempotentConsumer(
      Instance<OpenTelemetry> openTelemetry, RetryConfig retry, MeterRegistry registry) {
    this.retry = retry;
    this.registry = registry;
    this.tracer =
        (openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop())
            .getTracer("io.vigie.kit.messaging");
  }

  /**
   * Reads the CloudEvent of {@code message}, runs {@code handler} on it and acknowledges only once
   * it succeeded; a failure nacks, which hands the message to the channel's dead-letter topic so
   * one bad record never blocks its partition. The handler runs in a span continuing the trace of
   * the record's {@code traceparent} header (the change that published it), so what the handler
   * writes to its own outbox carries the same trace on. While the handler runs the event counts as
   * in hand ({@link InFlightEvents}): the age of a topic's oldest one is the gauge {@code
   * vigie_messaging_oldest_in_flight_seconds}.
   */
  public Uni<Void> acknowledgeAfter(
      Message<String> message, Function<IncomingEvent, Uni<Void>> handler) {
    String topic = topic(message);
    measure(topic);
    InFlightEvents.Handling handling = inFlight.started(topic);
    Span span = consumerSpan(message, topic);
    Scope scope = span.makeCurrent();
    return Uni.createFrom()
        .deferred(() -> handler.apply(IncomingEvent.from(message)))
        .onItemOrFailure()
        .transformToUni(
            (done, failure) -> {
              if (failure == null) {
                return Uni.createFrom().completionStage(message::ack);
              }
              span.setStatus(StatusCode.ERROR, failure.getMessage());
              LOG.warnf("Event sent to the dead-letter topic: %s", failure.getMessage());
              return Uni.createFrom().completionStage(() -> message.nack(failure));
            })
        .eventually(
            () -> {
              inFlight.finished(handling);
              scope.close();
              span.end();
            });
  }

  private static String topic(Message<String> message) {
    return message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> m.getTopic())
        .orElse("unknown");
  }

  /** One gauge per topic this service consumes, registered with its first event. */
  private void measure(String topic) {
    if (measuredTopics.add(topic)) {
      registry.gauge(
          "vigie.messaging.oldest.in.flight.seconds",
          Tags.of("topic", topic),
          inFlight,
          events -> events.oldestAgeSeconds(topic));
    }
  }

  private Span consumerSpan(Message<String> message, String topic) {
    Optional<Headers> headers =
        message.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getHeaders());
    Context parent =
        headers
            .map(h -> h.lastHeader(TraceParent.HEADER))
            .filter(h -> h.value() != null)
            .flatMap(h -> TraceParent.parse(new String(h.value(), StandardCharsets.UTF_8)))
            .map(remote -> Context.root().with(Span.wrap(remote)))
            .orElseGet(Context::current);
    SpanBuilder builder =
        tracer
            .spanBuilder(topic + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", topic)
            .setAttribute("messaging.operation.type", "process");
    headers
        .map(h -> h.lastHeader("ce_type"))
        .filter(h -> h.value() != null)
        .ifPresent(
            h ->
                builder.setAttribute(
                    "cloudevents.event_type", new String(h.value(), StandardCharsets.UTF_8)));
    return builder.startSpan();
  }

  /**
   * Runs {@code effect} once per event id, in one transaction with the record of the id. While the
   * database is unavailable ({@link SqlErrors#isUnavailable}: a failover, a restart) the event
   * waits, retried with back-off until it answers, however long that takes: the partition waits
   * with it rather than send events that did nothing wrong to the dead-letter topic. Any other
   * failure is retried {@code vigie.messaging.retry.attempts} times, then fails the message; a
   * {@link PoisonMessageException} fails it at once.
   */
  public Uni<Void> process(String consumer, IncomingEvent event, Supplier<Uni<Void>> effect) {
    return Panache.withTransaction(
            () ->
                firstDelivery(consumer, event)
                    .chain(first -> first ? effect.get() : skipDuplicate(consumer, event)))
        .onFailure(SqlErrors::isUnavailable)
        .invoke(
            failure ->
                LOG.warnf(
                    "%s waits for the database to apply event %s: %s",
                    consumer, event.id(), failure.getMessage()))
        .onFailure(SqlErrors::isUnavailable)
        .retry()
        .withBackOff(retry.initialBackOff(), retry.maxBackOff())
        .indefinitely()
        .onFailure(failure -> !(failure instanceof PoisonMessageException))
        .retry()
        .withBackOff(retry.initialBackOff(), retry.maxBackOff())
        .atMost(retry.attempts());
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
