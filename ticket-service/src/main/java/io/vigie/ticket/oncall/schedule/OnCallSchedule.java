package io.vigie.ticket.oncall.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A schedule as stored: its layers as one JSON document; {@link Roster} is its meaning. */
@Entity
@Table(name = "oncall_schedule")
public class OnCallSchedule extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Layers layers;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  /** The stored layers document. */
  public record Layers(List<ScheduleLayer> layers) {}
}
