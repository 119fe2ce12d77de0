package io.vigie.ticket.oncall.paging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.ticket.oncall.ContactMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notification of a page to one person through one contact method, and what became of it. */
@Entity
@Table(name = "oncall_notification")
public class PageNotification extends PanacheEntityBase {

  /** PENDING until sent; FAILED once retries are exhausted; CANCELLED by an acknowledgement. */
  @Schema(name = "NotificationStatus")
  public enum Status {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
  }

  @Id public UUID id;

  @Column(name = "page_id", nullable = false)
  public UUID pageId;

  @Column(nullable = false)
  public int round;

  @Column(nullable = false)
  public int step;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String contact;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ContactMethod.Kind kind;

  @Column(name = "due_at", nullable = false)
  public Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "sent_at")
  public Instant sentAt;

  public String detail;

  @Column(name = "link_hash")
  public String linkHash;

  /** When the email's link was used to acknowledge. */
  @Column(name = "link_used_at")
  public Instant linkUsedAt;

  /** When the email's link was used to resolve the ticket. */
  @Column(name = "resolve_used_at")
  public Instant resolveUsedAt;

  /** After this instant the email's link neither acknowledges nor resolves. */
  @Column(name = "link_expires_at")
  public Instant linkExpiresAt;
}
