package io.vigie.backup.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A {@code /log} ping: output kept beside the runs, changing no state. */
@Entity
@Table(name = "backup_ping_log")
public class PingLog extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "copy_id", nullable = false)
  public UUID copyId;

  @Column(name = "run_id")
  public UUID runId;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(nullable = false)
  public String body;

  @Column(name = "body_truncated", nullable = false)
  public boolean bodyTruncated;
}
