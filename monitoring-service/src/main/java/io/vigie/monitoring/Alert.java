package io.vigie.monitoring;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One alert, open while {@code resolvedAt} is null; kept afterwards as history. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String fingerprint;

  @Column(name = "server_id", nullable = false)
  public UUID serverId;

  /** What raised it, e.g. {@code check:check_http}. */
  @Column(nullable = false)
  public String source;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public String summary;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;
}
