package io.vigie.events.ticket;

import io.vigie.events.DomainEvent;
import java.util.Map;

/** Topic and type names of the events ticket-service publishes. */
public final class TicketEvents {

  public static final String TOPIC = "ticket.events";
  public static final String SOURCE = "/vigie/ticket-service";

  private static final String PREFIX = "io.vigie.ticket.";

  public static final String TICKET_OPENED = PREFIX + "ticket-opened.v1";
  public static final String TICKET_STATUS_CHANGED = PREFIX + "ticket-status-changed.v1";
  public static final String TICKET_PRIORITY_CHANGED = PREFIX + "ticket-priority-changed.v1";
  public static final String TICKET_ESCALATED = PREFIX + "ticket-escalated.v1";
  public static final String TICKET_RESOLVED = PREFIX + "ticket-resolved.v1";
  public static final String TICKET_CLOSED = PREFIX + "ticket-closed.v1";
  public static final String CLOCK_WARNING_REACHED = PREFIX + "clock-warning-reached.v1";
  public static final String CLOCK_BREACHED = PREFIX + "clock-breached.v1";
  public static final String RESPONDER_NEEDED = PREFIX + "responder-needed.v1";
  public static final String REPORT_PUBLISHED = PREFIX + "report-published.v1";
  public static final String INTERVENTION_SCHEDULED = PREFIX + "intervention-scheduled.v1";
  public static final String INTERVENTION_STARTED = PREFIX + "intervention-started.v1";
  public static final String INTERVENTION_ENDED = PREFIX + "intervention-ended.v1";
  public static final String INTERVENTION_CANCELLED = PREFIX + "intervention-cancelled.v1";
  public static final String ARTICLE_PUBLISHED = PREFIX + "article-published.v1";
  public static final String ARTICLE_UPDATED = PREFIX + "article-updated.v1";
  public static final String PAGE_SENT = PREFIX + "page-sent.v1";
  public static final String PAGE_ESCALATED = PREFIX + "page-escalated.v1";
  public static final String PAGE_ACKNOWLEDGED = PREFIX + "page-acknowledged.v1";

  public static final Map<String, Class<? extends DomainEvent>> TYPES =
      Map.ofEntries(
          Map.entry(TICKET_OPENED, TicketOpened.class),
          Map.entry(TICKET_STATUS_CHANGED, TicketStatusChanged.class),
          Map.entry(TICKET_PRIORITY_CHANGED, TicketPriorityChanged.class),
          Map.entry(TICKET_ESCALATED, TicketEscalated.class),
          Map.entry(TICKET_RESOLVED, TicketResolved.class),
          Map.entry(TICKET_CLOSED, TicketClosed.class),
          Map.entry(CLOCK_WARNING_REACHED, ClockWarningReached.class),
          Map.entry(CLOCK_BREACHED, ClockBreached.class),
          Map.entry(RESPONDER_NEEDED, ResponderNeeded.class),
          Map.entry(REPORT_PUBLISHED, ReportPublished.class),
          Map.entry(INTERVENTION_SCHEDULED, InterventionScheduled.class),
          Map.entry(INTERVENTION_STARTED, InterventionStarted.class),
          Map.entry(INTERVENTION_ENDED, InterventionEnded.class),
          Map.entry(INTERVENTION_CANCELLED, InterventionCancelled.class),
          Map.entry(ARTICLE_PUBLISHED, ArticlePublished.class),
          Map.entry(ARTICLE_UPDATED, ArticleUpdated.class),
          Map.entry(PAGE_SENT, PageSent.class),
          Map.entry(PAGE_ESCALATED, PageEscalated.class),
          Map.entry(PAGE_ACKNOWLEDGED, PageAcknowledged.class));

  private TicketEvents() {}

  /**
   * Common defaults for every ticket event: keyed by the ticket id, so one ticket's events stay in
   * order, and carrying the ticket's tenant (null for an internal parent incident).
   */
  interface TicketEvent extends DomainEvent {

    TicketRef ticket();

    @Override
    default String topic() {
      return TOPIC;
    }

    @Override
    default String aggregateId() {
      return ticket() == null ? null : ticket().id().toString();
    }

    @Override
    default String tenant() {
      return ticket() == null ? null : ticket().tenant();
    }
  }

  /**
   * Common defaults for the planned-intervention events: keyed by the intervention id, so one
   * intervention's events stay in order. An intervention may concern several clients, listed in
   * {@code tenants()}; the envelope's tenant is empty (hoster-wide).
   */
  interface InterventionEvent extends DomainEvent {

    InterventionRef intervention();

    @Override
    default String topic() {
      return TOPIC;
    }

    @Override
    default String aggregateId() {
      return intervention() == null ? null : intervention().id().toString();
    }

    @Override
    default String tenant() {
      return null;
    }
  }

  /**
   * Common defaults for the knowledge base's events: keyed by the article id; the envelope names a
   * client only for an article that client reads (visibility CLIENT).
   */
  interface ArticleEvent extends DomainEvent {

    java.util.UUID articleId();

    String clientTenant();

    @Override
    default String topic() {
      return TOPIC;
    }

    @Override
    default String aggregateId() {
      return articleId() == null ? null : articleId().toString();
    }

    @Override
    default String tenant() {
      return clientTenant();
    }
  }
}
