package io.vigie.backup.watch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The due time of a copy last reported overdue. */
@Entity
@Table(name = "copy_watch")
public class CopyWatch extends PanacheEntityBase {

  @Id
  @Column(name = "copy_id")
  public UUID copyId;

  @Column(name = "overdue_due_at", nullable = false)
  public Instant overdueDueAt;
}
