package io.vigie.backup.restore;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** When a policy's restore test is due, when it is not the default: cron in the policy's zone. */
@Entity
@Table(name = "restore_test_schedule")
public class RestoreSchedule extends PanacheEntityBase {

  @Id
  @Column(name = "policy_id")
  public UUID policyId;

  @Column(nullable = false)
  public String schedule;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
