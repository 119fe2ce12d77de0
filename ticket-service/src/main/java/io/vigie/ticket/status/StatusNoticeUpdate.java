package io.vigie.ticket.status;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.kit.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One public update of a notice, kept and timestamped: the page's wording at that time. */
@Entity
@Table(name = "status_notice_update")
public class StatusNoticeUpdate extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "notice_id", nullable = false)
  public UUID noticeId;

  @Column(nullable = false)
  public Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NoticePhase phase;

  @Column(nullable = false)
  public String message;

  @Column(nullable = false)
  public String author;

  static StatusNoticeUpdate of(
      UUID noticeId, Instant at, NoticePhase phase, String message, String author) {
    StatusNoticeUpdate u = new StatusNoticeUpdate();
    u.id = Uuids.timeOrdered();
    u.noticeId = noticeId;
    u.at = at;
    u.phase = phase;
    u.message = message;
    u.author = author;
    return u;
  }
}
