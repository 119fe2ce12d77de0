package io.vigie.ticket.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a published notice stands, as the page says it: an incident is investigated, identified,
 * monitored, resolved (statuspage.io's words); a planned intervention is scheduled, in progress,
 * completed.
 */
@Schema(name = "StatusNoticePhase")
public enum NoticePhase {
  INVESTIGATING(NoticeKind.INCIDENT, false),
  IDENTIFIED(NoticeKind.INCIDENT, false),
  MONITORING(NoticeKind.INCIDENT, false),
  RESOLVED(NoticeKind.INCIDENT, true),
  SCHEDULED(NoticeKind.MAINTENANCE, false),
  IN_PROGRESS(NoticeKind.MAINTENANCE, false),
  COMPLETED(NoticeKind.MAINTENANCE, true);

  private final NoticeKind kind;
  private final boolean closing;

  NoticePhase(NoticeKind kind, boolean closing) {
    this.kind = kind;
    this.closing = closing;
  }

  /** Whether a notice of {@code kind} may be in this phase. */
  public boolean fits(NoticeKind kind) {
    return this.kind == kind;
  }

  /** RESOLVED and COMPLETED: the notice moves to the page's history. */
  public boolean closes() {
    return closing;
  }

  /** The phase a notice starts in when its first update names none. */
  public static NoticePhase first(NoticeKind kind) {
    return kind == NoticeKind.INCIDENT ? INVESTIGATING : SCHEDULED;
  }
}
