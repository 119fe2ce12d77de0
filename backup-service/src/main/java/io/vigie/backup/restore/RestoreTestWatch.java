package io.vigie.backup.restore;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The due time of a policy's restore test last published as overdue. */
@Entity
@Table(name = "restore_test_watch")
public class RestoreTestWatch extends PanacheEntityBase {

  @Id
  @Column(name = "policy_id")
  public UUID policyId;

  @Column(name = "overdue_due_at", nullable = false)
  public Instant overdueDueAt;
}
