package io.vigie.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event written in the same transaction as the change it describes, waiting for the relay to
 * publish it. Published rows stay for a while as the service's change log.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

  /** The CloudEvents id: consumers deduplicate on it. */
  @Id public UUID id;

  @Column(nullable = false)
  public String topic;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String source;

  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  public String tenant;

  /** Who made the change: the token's subject or a system name. */
  public String actor;

  @Column(nullable = false)
  public String payload;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  /** The W3C traceparent of the span that made the change, sent as the record's header. */
  public String traceparent;

  @Column(name = "published_at", insertable = false, updatable = false)
  public Instant publishedAt;
}
