package io.vigie.ticket.oncall.paging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An escalation policy as stored; {@link EscalationPlan} is the walk through its steps. */
@Entity
@Table(name = "oncall_policy")
public class EscalationPolicyRow extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  public String tenant;

  public String priority;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Steps steps;

  @Column(nullable = false)
  public int repeat;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  /** The stored steps document. */
  public record Steps(List<PolicyStep> steps) {}

  EscalationPlan plan() {
    return new EscalationPlan(
        steps.steps().stream().map(s -> Duration.parse(s.delay())).toList(), repeat);
  }
}
