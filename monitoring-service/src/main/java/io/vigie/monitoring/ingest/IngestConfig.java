package io.vigie.monitoring.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Samples through Kafka: the remote_write receiver writes them to a topic partitioned by target,
 * and each replica fills its metric head from the partitions it is assigned.
 */
@ConfigMapping(prefix = "vigie.monitoring.ingest")
public interface IngestConfig {

  /** The samples topic. */
  @WithDefault("monitoring.samples")
  String topic();

  /** Partitions the topic is created with (the most replicas that share the samples). */
  @WithDefault("12")
  int partitions();

  /** Replication factor the topic is created with; unset: the broker's default. */
  OptionalInt replicationFactor();

  /** The consumer group the replicas share the partitions in. */
  @WithDefault("monitoring-service.samples")
  String groupId();

  /**
   * How long a remote_write request waits for the broker's acknowledgement (acks=all) of its
   * samples; past it, or on a broker error, the request is answered 503.
   */
  @WithDefault("5s")
  Duration ackTimeout();

  /** The Retry-After of a 503 (whole seconds). */
  @WithDefault("5s")
  Duration unavailableRetryAfter();

  /** How long the producer lingers to batch records of concurrent requests. */
  @WithDefault("2ms")
  Duration linger();

  /** Producer compression: lz4, zstd, snappy, gzip or none. */
  @WithDefault("lz4")
  String compression();

  /** Largest encoded batch per record; a host's series beyond it are split into several. */
  @WithDefault("512K")
  io.quarkus.runtime.configuration.MemorySize maxRecordBytes();

  /**
   * How long the group waits for a silent replica before its partitions go to the others (the
   * consumer's session timeout; the broker allows 6s to 5m by default).
   */
  @WithDefault("10s")
  Duration sessionTimeout();

  /** This replica's name in the partition claims; default: the active checks' replica id. */
  Optional<String> replicaId();

  /**
   * Threads appending a poll's batches to the head, one partition at a time each (the consumer's
   * own included); unset: the processors available.
   */
  OptionalInt appendThreads();

  /**
   * Where records of the samples topic that cannot be read go, with the reason (created at start
   * when missing, one partition).
   */
  @WithDefault("monitoring-service.samples.dlq")
  String deadLetterTopic();

  /** Whether this replica consumes samples (false: it only receives and writes them). */
  @WithDefault("true")
  boolean consume();

  /** Forwarding to a long-term store. */
  Forward forward();

  /**
   * The same samples, forwarded by the replica owning their partition to a remote_write endpoint
   * (VictoriaMetrics, Prometheus with its receiver, Mimir...), so graphs and PromQL live in a real
   * TSDB. Off unless {@code url} is set.
   */
  interface Forward {

    /** The endpoint, e.g. {@code http://victoria-metrics:8428/api/v1/write}. */
    Optional<java.net.URI> url();

    /** A bearer token for it (from a Secret, through the environment). */
    Optional<String> bearerToken();

    /** How long one forwarded request may take. */
    @WithDefault("10s")
    Duration timeout();

    /** Forwarded requests in flight at once; beyond, samples are dropped and counted. */
    @WithDefault("4")
    int maxInFlight();

    /** Attempts per request (5xx, 429, connection errors), with a doubling pause from 500 ms. */
    @WithDefault("3")
    int attempts();
  }
}
