package io.vigie.ticket.oncall.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An override of a schedule as stored; {@link Cover} is its meaning. */
@Entity
@Table(name = "oncall_override")
public class ScheduleOverride extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "schedule_id", nullable = false)
  public UUID scheduleId;

  @Column(nullable = false)
  public String covering;

  public String covered;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  public Instant endsAt;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  Cover cover() {
    return new Cover(covering, covered, startsAt, endsAt);
  }
}
