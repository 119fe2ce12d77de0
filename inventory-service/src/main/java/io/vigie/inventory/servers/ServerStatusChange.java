package io.vigie.inventory.servers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.ServerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a server's lifecycle history: who moved it, when, from what to what, and why. */
@Entity
@Table(name = "server_status_change")
public class ServerStatusChange extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "server_id", nullable = false)
  public UUID serverId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public ServerStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false)
  public ServerStatus to;

  public String reason;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;
}
