package io.vigie.ticket.priority;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The current priority policy (one row) as stored; {@link PriorityPolicy} is its meaning. */
@Entity
@Table(name = "priority_policy")
public class PriorityPolicyRow extends PanacheEntityBase {

  static final short ID = 1;

  @Id public short id;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, Map<String, String>> matrix;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, Integer> escalation;

  @Column(nullable = false)
  public long version;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  @Column(nullable = false)
  public String reason;
}
