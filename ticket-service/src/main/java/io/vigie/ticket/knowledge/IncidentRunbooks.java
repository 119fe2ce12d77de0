package io.vigie.ticket.knowledge;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.knowledge.ArticleViews.ArticleView;
import io.vigie.ticket.tickets.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The runbook an incident shows: the one its alert's rule names, as the latest firing's {@code
 * AlertFired} carried it ({@code alert_firing}). An http(s) URL is for staff only (a hoster's wiki
 * is no client's business); a {@code kb:<slug or id>} article is shown behind its own wall as well
 * as the ticket's: staff read it whatever its visibility, a client only when it is published and
 * public or the client's own — an internal runbook never reaches a client, not even as a reference.
 */
@ApplicationScoped
public class IncidentRunbooks {

  /**
   * An incident's runbook as the caller may see it; every field null when there is none (or none
   * the caller may read).
   *
   * @param rule the alert rule that raised the incident's alert (staff only)
   * @param runbook the runbook as the rule names it (staff only)
   * @param url the runbook's web address when the rule names a URL (staff only)
   * @param article the knowledge base article when the rule names one the caller may read
   */
  public record IncidentRunbook(String rule, String runbook, String url, ArticleView article) {
    static final IncidentRunbook NONE = new IncidentRunbook(null, null, null, null);
  }

  private final TicketService tickets;
  private final Reads reads;
  private final Pool pool;

  public IncidentRunbooks(TicketService tickets, Reads reads, Pool pool) {
    this.tickets = tickets;
    this.reads = reads;
    this.pool = pool;
  }

  /** The ticket's runbook behind its tenant wall (another's ticket answers 404). */
  public Uni<IncidentRunbook> find(UUID ticketId, Caller caller) {
    return tickets
        .find(ticketId, caller)
        .chain(
            ticket ->
                pool.preparedQuery("select rule, runbook from ticket_alert_rule($1)")
                    .execute(Tuple.of(ticketId)))
        .chain(
            rows -> {
              Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
              String rule = row == null ? null : row.getString("rule");
              String runbook = row == null ? null : row.getString("runbook");
              if (runbook == null) {
                return Uni.createFrom()
                    .item(
                        caller.isStaff()
                            ? new IncidentRunbook(rule, null, null, null)
                            : IncidentRunbook.NONE);
              }
              if (!runbook.startsWith("kb:")) {
                return Uni.createFrom()
                    .item(
                        caller.isStaff()
                            ? new IncidentRunbook(rule, runbook, runbook, null)
                            : IncidentRunbook.NONE);
              }
              SqlQuery query =
                  SqlQuery.select("doc", "article_document")
                      .where("id = runbook_article_id(?)", runbook);
              return reads
                  .one(ArticleService.visibleTo(query, caller, ""), ArticleView.class)
                  .map(
                      article ->
                          caller.isStaff()
                              ? new IncidentRunbook(rule, runbook, null, article)
                              : new IncidentRunbook(null, null, null, article));
            });
  }
}
