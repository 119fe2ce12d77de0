package io.vigie.ticket.oncall.team;

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

/** A named group of people who can be paged; a step targeting it notifies every member. */
@Entity
@Table(name = "oncall_team")
public class OnCallTeam extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Members members;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  /** The stored members document: people's subjects, in the order the admin gave them. */
  public record Members(List<String> subjects) {}
}
