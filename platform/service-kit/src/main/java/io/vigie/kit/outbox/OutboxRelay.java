package io.vigie.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vigie.kit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as binary-mode CloudEvents (with the change's W3C {@code
 * traceparent} when it was traced) and marks them published once the broker has acknowledged them.
 *
 * <p>Woken by PostgreSQL NOTIFY (sent by a trigger, so only on commit) with a poll as fallback. One
 * relay at a time publishes (a transaction-scoped advisory lock), so several replicas never publish
 * the same row twice and each aggregate's events keep their order. A batch that fails half way
 * marks only the acknowledged prefix: the rest is retried, in order, after a back-off.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  static final String CHANNEL = "vigie_outbox";

  /** Arbitrary but fixed: each service has its own database, so one key per database suffices. */
  private static final long RELAY_LOCK = 0x5649474945L;

  private static final String SELECT_PENDING =
      """
      select id, topic, event_type, source, aggregate_id, tenant, payload, occurred_at, traceparent
        from outbox_event
       where published_at is null
       order by seq
       limit $1
         for update skip locked""";

  private final OutboxConfig config;
  private final Pool pool;
  private final Vertx vertx;
  private final String bootstrapServers;
  private final PgConnectOptions listenOptions;
  private final Counter published;
  private final Counter failures;
  private final Timer lag;
  private final AtomicLong pending = new AtomicLong();

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wakeAgain = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile Producer<String, byte[]> producer;
  private PgSubscriber subscriber;
  private long pollTimer = -1;

  public OutboxRelay(
      OutboxConfig config,
      Pool pool,
      Vertx vertx,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
          String bootstrapServers,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
      @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres")
          String databaseUser,
      @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
          String databasePassword) {
    this.config = config;
    this.pool = pool;
    this.vertx = vertx;
    this.bootstrapServers = bootstrapServers;
    this.listenOptions =
        PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""))
            .setUser(databaseUser)
            .setPassword(databasePassword);
    this.published = registry.counter("vigie.outbox.published");
    this.failures = registry.counter("vigie.outbox.publish.failures");
    this.lag =
        Timer.builder("vigie.outbox.publish.lag")
            .description("From the change's commit to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    registry.gauge("vigie.outbox.pending", pending);
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info("Outbox relay disabled (vigie.outbox.enabled=false)");
      return;
    }
    producer =
        new KafkaProducer<>(
            producerProperties(), new StringSerializer(), new ByteArraySerializer());
    subscriber = PgSubscriber.subscriber(vertx, listenOptions).reconnectPolicy(retries -> 1_000L);
    subscriber.channel(CHANNEL).handler(payload -> wake());
    subscriber
        .connect()
        .subscribe()
        .with(
            ok -> wake(),
            e -> LOG.warnf("Outbox LISTEN not connected, polling only: %s", e.getMessage()));
    pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
  }

  void stop(@Observes ShutdownEvent event) {
    stopped = true;
    if (pollTimer >= 0) {
      vertx.cancelTimer(pollTimer);
    }
    if (subscriber != null) {
      subscriber.closeAndForget();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** Asks for a drain; coalesces with one already running. */
  public void wake() {
    if (stopped || producer == null) {
      return;
    }
    wakeAgain.set(true);
    if (running.compareAndSet(false, true)) {
      drain();
    }
  }

  private void drain() {
    wakeAgain.set(false);
    publishBatch()
        .subscribe()
        .with(
            count -> {
              if (count >= config.batchSize() || wakeAgain.get()) {
                drain();
                return;
              }
              running.set(false);
              // a wake that arrived between the check and the reset must not be lost
              if (wakeAgain.get() && running.compareAndSet(false, true)) {
                drain();
              }
            },
            failure -> {
              failures.increment();
              LOG.warnf(
                  "Outbox publication failed, retrying in %s: %s",
                  config.retryBackoff(), failure.getMessage());
              vertx.setTimer(
                  config.retryBackoff().toMillis(),
                  id -> {
                    if (!stopped) {
                      drain();
                    } else {
                      running.set(false);
                    }
                  });
            });
  }

  /**
   * Publishes one batch; returns how many rows it marked published, 0 when another relay holds the
   * lock. Safe to call from anywhere, any number of times at once.
   */
  public Uni<Integer> publishBatch() {
    return pool.withTransaction(
        connection ->
            connection
                .query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .execute()
                .chain(
                    locked ->
                        locked.iterator().next().getBoolean(0)
                            ? publishLocked(connection)
                            : Uni.createFrom().item(0)));
  }

  private Uni<Integer> publishLocked(SqlConnection connection) {
    return connection
        .preparedQuery(SELECT_PENDING)
        .execute(Tuple.of(config.batchSize()))
        .chain(
            rows -> {
              List<Row> batch = new ArrayList<>();
              rows.forEach(batch::add);
              if (batch.isEmpty()) {
                pending.set(0);
                return Uni.createFrom().item(0);
              }
              return send(batch)
                  .chain(
                      acknowledged ->
                          markPublished(connection, acknowledged).replaceWith(acknowledged.size()));
            });
  }

  /**
   * Sends every row and waits for all acknowledgements; returns the ids of the longest prefix the
   * broker acknowledged. Runs on a worker thread because {@code send} blocks while the broker is
   * unreachable.
   */
  private Uni<List<UUID>> send(List<Row> batch) {
    return Uni.createFrom()
        .item(
            () -> {
              List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
              for (Row row : batch) {
                acks.add(sendOne(row));
              }
              List<UUID> acknowledged = new ArrayList<>();
              long deadline = System.nanoTime() + config.sendTimeout().toNanos() + 1_000_000_000L;
              Throwable firstFailure = null;
              for (int i = 0; i < batch.size(); i++) {
                try {
                  acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                  if (firstFailure == null) {
                    acknowledged.add(batch.get(i).getUUID("id"));
                    recordLag(batch.get(i));
                  }
                } catch (Exception e) {
                  if (firstFailure == null) {
                    firstFailure = e;
                  }
                }
              }
              if (acknowledged.isEmpty() && firstFailure != null) {
                throw new IllegalStateException(
                    "Broker did not acknowledge: " + rootMessage(firstFailure), firstFailure);
              }
              return acknowledged;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private CompletableFuture<Void> sendOne(Row row) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              row.getString("topic"),
              row.getString("aggregate_id"),
              row.getString("payload").getBytes(StandardCharsets.UTF_8));
      ceHeaders(row)
          .forEach(
              (name, value) ->
                  record
                      .headers()
                      .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              ack.complete(null);
            } else {
              ack.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      ack.completeExceptionally(e);
    }
    return ack;
  }

  /** CloudEvents 1.0 Kafka binary mode: attributes as {@code ce_*} headers, data as the value. */
  static Map<String, String> ceHeaders(Row row) {
    OffsetDateTime occurred = row.getOffsetDateTime("occurred_at");
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", row.getUUID("id").toString());
    headers.put("ce_source", row.getString("source"));
    headers.put("ce_type", row.getString("event_type"));
    headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(occurred.toInstant()));
    headers.put("ce_subject", row.getString("aggregate_id"));
    headers.put("content-type", "application/json");
    String tenant = row.getString("tenant");
    if (tenant != null) {
      headers.put("ce_tenant", tenant);
    }
    // the change's trace goes on in the consumers (CloudEvents distributed tracing, W3C header)
    String traceparent = row.getString("traceparent");
    if (traceparent != null) {
      headers.put(TraceParent.HEADER, traceparent);
    }
    return headers;
  }

  private Uni<Void> markPublished(SqlConnection connection, List<UUID> ids) {
    published.increment(ids.size());
    return connection
        .preparedQuery("update outbox_event set published_at = now() where id = any($1)")
        .execute(Tuple.of(ids.toArray(new UUID[0])))
        .replaceWithVoid();
  }

  private void recordLag(Row row) {
    Instant occurred = row.getOffsetDateTime("occurred_at").toInstant();
    lag.record(Duration.between(occurred, Instant.now()));
  }

  /** Keeps the change log bounded; also refreshes the pending gauge. */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purgePublished() {
    return pool.preparedQuery("delete from outbox_event where published_at < $1")
        .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
        .replaceWithVoid();
  }

  @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> measurePending() {
    return pool.query("select count(*) from outbox_event where published_at is null")
        .execute()
        .invoke(rows -> pending.set(rows.iterator().next().getLong(0)))
        .replaceWithVoid();
  }

  private Properties producerProperties() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    int sendTimeout = (int) Math.max(7_000, config.sendTimeout().toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(sendTimeout));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(sendTimeout));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "vigie-outbox-relay");
    return props;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
