package io.vigie.ticket.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The post-incident report of one incident: its current version, and which one was published. */
@Entity
@Table(name = "incident_report")
public class IncidentReport extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "ticket_id", nullable = false)
  public UUID ticketId;

  /** The client; null for an internal parent incident's report, which is never published. */
  public String tenant;

  @Column(nullable = false)
  public String reference;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public IncidentFacts facts;

  @Column(nullable = false)
  public String cause;

  @Column(nullable = false)
  public String solution;

  /** A PostgreSQL array: Hibernate Reactive binds no top-level JSON array. */
  @Column(name = "follow_ups", nullable = false)
  public String[] followUps = new String[0];

  @Column(name = "drafted_at", nullable = false)
  public Instant draftedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  /** The version the client reads; null until the engineer publishes one. */
  @Column(name = "published_version")
  public Long publishedVersion;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(nullable = false)
  public long version;
}
