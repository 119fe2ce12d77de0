package io.vigie.ticket.report;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A client's monthly operations log (the "cahier d'exploitation"): what the hoster did on its
 * platform in the month, from ticket-service's own records — the planned interventions done, the
 * incidents with their published reports, the changes, the requests and problems handled, and the
 * client's documentation updated. It is the client's document: staff and the client read the same
 * thing, and nothing in it is internal (no parent incident, internal note, draft report or internal
 * article).
 *
 * @param from the month's first instant in {@code timeZone}
 * @param to the next month's first instant
 * @param incidents the client's incidents opened, resolved or closed in the month
 * @param changes the client's CHANGE tickets opened, resolved or closed in the month
 * @param tickets the client's requests and problems opened, resolved or closed in the month
 * @param documentation the client's own published articles (visibility CLIENT) updated in the month
 */
public record OperationsLog(
    String tenant,
    String client,
    YearMonth month,
    String timeZone,
    Instant from,
    Instant to,
    OperationsLogSummary summary,
    List<InterventionDone> interventions,
    List<LoggedIncident> incidents,
    List<LoggedTicket> changes,
    List<LoggedTicket> tickets,
    List<LoggedArticle> documentation) {

  /**
   * The month in figures.
   *
   * @param ticketsOpened the client's tickets of every type opened in the month
   * @param ticketsResolved the client's tickets of every type resolved in the month (still resolved
   *     or closed since)
   */
  @Schema(name = "OperationsLogSummary")
  public record OperationsLogSummary(
      int interventions,
      int incidents,
      int changes,
      int tickets,
      int ticketsOpened,
      int ticketsResolved,
      int documentation) {}

  /** A ticket as the log shows it. */
  @Schema(name = "LoggedTicket")
  public record LoggedTicket(
      String reference,
      TicketType type,
      String title,
      Priority priority,
      TicketStatus status,
      Instant openedAt,
      Instant resolvedAt,
      Instant closedAt) {}

  /**
   * An incident and its post-incident report, as published to the client by the end of the month
   * (null when none was).
   */
  @Schema(name = "LoggedIncident")
  public record LoggedIncident(LoggedTicket ticket, LoggedReport report) {}

  /** The report version the client could read at the end of the month. */
  @Schema(name = "LoggedReport")
  public record LoggedReport(
      long version, Instant publishedAt, String cause, String solution, List<String> followUps) {}

  /** One of the client's articles, updated in the month. */
  @Schema(name = "LoggedArticle")
  public record LoggedArticle(
      UUID id, String kind, String title, long version, Instant publishedAt, Instant updatedAt) {}
}
