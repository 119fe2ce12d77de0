package io.vigie.ticket.oncall.inbound;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The incident an integration opened for a client under a dedup key, and what it last said. */
@Entity
@Table(name = "inbound_incident")
public class InboundIncidentRow extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String tenant;

  @Column(name = "dedup_key", nullable = false)
  public String dedupKey;

  @Column(name = "ticket_id", nullable = false)
  public UUID ticketId;

  @Column(nullable = false)
  public String integration;

  @Column(nullable = false)
  public String summary;

  @Column(nullable = false)
  public String priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InboundIncident.InboundStatus status;

  @Column(nullable = false)
  public int received;

  @Column(name = "first_at", nullable = false)
  public Instant firstAt;

  @Column(name = "last_at", nullable = false)
  public Instant lastAt;
}
