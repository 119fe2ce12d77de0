package io.vigie.ticket.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One kept version of a report, as it was written; {@code publishedAt} once published. */
@Entity
@Table(name = "incident_report_version")
@IdClass(IncidentReportVersion.Key.class)
public class IncidentReportVersion extends PanacheEntityBase {

  @Id
  @Column(name = "report_id")
  public UUID reportId;

  @Id public long version;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false)
  public String author;

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

  @Column(name = "published_at")
  public Instant publishedAt;

  static IncidentReportVersion of(IncidentReport r) {
    IncidentReportVersion v = new IncidentReportVersion();
    v.reportId = r.id;
    v.version = r.version;
    v.at = r.updatedAt;
    v.author = r.updatedBy;
    v.facts = r.facts;
    v.cause = r.cause;
    v.solution = r.solution;
    v.followUps = r.followUps.clone();
    return v;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    public UUID reportId;
    public long version;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(reportId, k.reportId) && version == k.version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(reportId, version);
    }
  }
}
