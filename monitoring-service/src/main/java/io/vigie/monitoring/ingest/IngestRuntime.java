package io.vigie.monitoring.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigie.monitoring.metrics.MetricHead;
import io.vigie.monitoring.metrics.RemoteWriteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wires the samples topic into the replica: creates the topic when missing, gives the receiver its
 * {@link SampleLog} (a producer with acks=all and idempotence), and runs the {@link SampleStream}
 * consumer on a thread of its own (with its append threads) from startup to shutdown; unreadable
 * records go to the dead-letter topic ({@link SampleDeadLetters}), created at start beside the
 * samples topic.
 */
@ApplicationScoped
public class IngestRuntime {

  private static final Logger LOG = Logger.getLogger(IngestRuntime.class);

  private final IngestConfig config;
  private final Duration replayWindow;
  private final MetricHead head;
  private final ShardOwnership ownership;
  private final MeterRegistry registry;
  private final String bootstrapServers;
  private volatile SampleStream stream;
  private volatile Thread thread;
  private volatile SampleDeadLetters deadLetters;

  public IngestRuntime(
      IngestConfig config,
      RemoteWriteConfig remoteWrite,
      MetricHead head,
      ShardOwnership ownership,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
          String bootstrapServers) {
    this.config = config;
    this.replayWindow = remoteWrite.retention();
    this.head = head;
    this.ownership = ownership;
    this.registry = registry;
    this.bootstrapServers = bootstrapServers;
    Gauge.builder(
            "vigie.monitoring.ingest.lag",
            this,
            runtime -> {
              SampleStream current = runtime.stream;
              return current == null ? 0 : current.lag();
            })
        .description(
            "Records of this replica's samples partitions on the broker and not yet in its head")
        .strongReference(true)
        .register(registry);
  }

  /** Producer settings for the samples topic. */
  public static Map<String, Object> producerConfig(String bootstrapServers, IngestConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
    long linger = config.linger().toMillis();
    long ack = Math.max(1000, config.ackTimeout().toMillis());
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ack);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (ack - linger));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ack);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "monitoring-service.samples-writer");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  /** Consumer settings for the samples topic: offsets are never committed, owners replay. */
  public static Map<String, Object> consumerConfig(String bootstrapServers, IngestConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    int session = (int) config.sessionTimeout().toMillis();
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, session / 4));
    props.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        List.of(CooperativeStickyAssignor.class.getName()));
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "monitoring-service.samples-reader");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }

  /** Creates the samples topic and its dead-letter topic unless they exist; true once they do. */
  public static boolean ensureTopic(String bootstrapServers, IngestConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(props)) {
      Optional<Short> replication =
          config.replicationFactor().isPresent()
              ? Optional.of((short) config.replicationFactor().getAsInt())
              : Optional.empty();
      return create(
              admin, new NewTopic(config.topic(), Optional.of(config.partitions()), replication))
          & create(admin, new NewTopic(config.deadLetterTopic(), Optional.of(1), replication));
    }
  }

  private static boolean create(Admin admin, NewTopic topic) {
    try {
      admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
      LOG.infof("Created the topic %s (%d partitions)", topic.name(), topic.numPartitions());
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return true;
      }
      LOG.warnf("Could not create the topic %s: %s", topic.name(), e.getCause());
      return false;
    } catch (Exception e) {
      LOG.warnf("Could not create the topic %s: %s", topic.name(), e.toString());
      return false;
    }
  }

  @Produces
  @Singleton
  SampleLog sampleLog() {
    return new SampleLog(
        new KafkaProducer<>(producerConfig(bootstrapServers, config)),
        config.topic(),
        InstantSource.system(),
        (int) config.maxRecordBytes().asLongValue(),
        registry);
  }

  void closeSampleLog(@Disposes SampleLog log) {
    log.close();
  }

  void start(@Observes StartupEvent event) {
    ensureTopic(bootstrapServers, config);
    if (!config.consume()) {
      LOG.info("Samples: this replica writes them but does not consume (ingest.consume=false)");
      return;
    }
    Map<String, Object> consumerConfig = consumerConfig(bootstrapServers, config);
    SampleForwarder forwarder =
        config
            .forward()
            .url()
            .map(
                url ->
                    new SampleForwarder(
                        url,
                        config.forward().bearerToken(),
                        config.forward().timeout(),
                        config.forward().maxInFlight(),
                        config.forward().attempts(),
                        registry))
            .orElse(null);
    if (forwarder != null) {
      LOG.infof("Samples: forwarded to %s", config.forward().url().get());
    }
    Map<String, Object> deadLetterConfig = producerConfig(bootstrapServers, config);
    deadLetterConfig.put(
        ProducerConfig.CLIENT_ID_CONFIG, "monitoring-service.samples-dead-letters");
    deadLetterConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    SampleDeadLetters letters =
        new SampleDeadLetters(
            config.deadLetterTopic(), () -> new KafkaProducer<>(deadLetterConfig), registry);
    deadLetters = letters;
    int appendThreads = config.appendThreads().orElse(Runtime.getRuntime().availableProcessors());
    SampleStream created =
        new SampleStream(
            () -> new KafkaConsumer<>(consumerConfig),
            config.topic(),
            replayWindow,
            InstantSource.system(),
            head,
            ownership,
            forwarder == null ? null : forwarder::forward,
            letters,
            appendThreads);
    LOG.infof("Samples: consumed with %d append threads", Math.max(1, appendThreads));
    stream = created;
    Thread runner = new Thread(created, "samples-consumer");
    runner.setDaemon(true);
    thread = runner;
    runner.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    SampleStream current = stream;
    if (current != null) {
      current.stop();
      Thread runner = thread;
      if (runner != null) {
        runner.join(10_000);
      }
    }
    SampleDeadLetters letters = deadLetters;
    if (letters != null) {
      letters.close();
    }
  }

  /** The consumer side, or null when this replica does not consume. */
  public SampleStream stream() {
    return stream;
  }
}
