package io.vigie.backup.coverage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.backup.CoverageGapKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A gap as last published by {@link CoverageWatcher}: open until it is covered. */
@Entity
@Table(name = "coverage_gap")
public class CoverageGap extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CoverageGapKind kind;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Column(name = "subject_kind", nullable = false)
  public String subjectKind;

  @Column(name = "subject_name", nullable = false)
  public String subjectName;

  @Column(nullable = false)
  public String promised;

  @Column(nullable = false)
  public String actual;

  @Column(name = "found_at", nullable = false)
  public Instant foundAt;
}
