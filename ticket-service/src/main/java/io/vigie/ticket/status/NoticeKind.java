package io.vigie.ticket.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a status notice is about: an incident (a ticket) or a planned intervention. */
@Schema(name = "StatusNoticeKind")
public enum NoticeKind {
  INCIDENT,
  MAINTENANCE
}
