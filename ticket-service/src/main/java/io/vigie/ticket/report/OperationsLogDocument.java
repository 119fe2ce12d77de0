package io.vigie.ticket.report;

import static io.vigie.ticket.report.ReportDocument.at;

import io.vigie.ticket.report.OperationsLog.LoggedArticle;
import io.vigie.ticket.report.OperationsLog.LoggedIncident;
import io.vigie.ticket.report.OperationsLog.LoggedReport;
import io.vigie.ticket.report.OperationsLog.LoggedTicket;
import io.vigie.ticket.report.ServiceMonth.InterventionDone;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A monthly operations log as Markdown or a standalone HTML page: every piece of text escaped (a
 * ticket title or a report's cause is the client's or an engineer's words, never markup), instants
 * in the log's time zone.
 */
public final class OperationsLogDocument {

  private OperationsLogDocument() {}

  /** A titled table; {@code notes} follow it (an incident's report). */
  private record Section(
      String heading, List<String> columns, List<List<String>> rows, List<Note> notes) {}

  /** A paragraph under a table: a label and free text. */
  private record Note(String heading, List<String[]> lines) {}

  public static String markdown(OperationsLog log) {
    StringBuilder md = new StringBuilder();
    md.append("# ")
        .append(ReportDocument.md(title(log)))
        .append("\n\n")
        .append(ReportDocument.md(period(log)))
        .append("\n\n");
    for (Section s : sections(log)) {
      md.append("## ").append(ReportDocument.md(s.heading())).append("\n\n");
      if (s.rows().isEmpty()) {
        md.append("None.\n\n");
        continue;
      }
      md.append("| ").append(String.join(" | ", s.columns())).append(" |\n");
      md.append("|").append(" --- |".repeat(s.columns().size())).append('\n');
      for (List<String> row : s.rows()) {
        md.append("| ")
            .append(String.join(" | ", row.stream().map(OperationsLogDocument::cell).toList()))
            .append(" |\n");
      }
      md.append('\n');
      for (Note n : s.notes()) {
        md.append("### ").append(ReportDocument.md(n.heading())).append("\n\n");
        for (String[] line : n.lines()) {
          md.append("**")
              .append(ReportDocument.md(line[0]))
              .append(":** ")
              .append(block(line[1]))
              .append("\n\n");
        }
      }
    }
    return md.toString();
  }

  public static String html(OperationsLog log) {
    String title = title(log);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(ReportDocument.html(title))
        .append("</title>\n</head>\n<body>\n<h1>")
        .append(ReportDocument.html(title))
        .append("</h1>\n<p>")
        .append(ReportDocument.html(period(log)))
        .append("</p>\n");
    for (Section s : sections(log)) {
      h.append("<h2>").append(ReportDocument.html(s.heading())).append("</h2>\n");
      if (s.rows().isEmpty()) {
        h.append("<p>None.</p>\n");
        continue;
      }
      h.append("<table>\n<tr>");
      s.columns().forEach(c -> h.append("<th>").append(ReportDocument.html(c)).append("</th>"));
      h.append("</tr>\n");
      for (List<String> row : s.rows()) {
        h.append("<tr>");
        row.forEach(c -> h.append("<td>").append(ReportDocument.html(c)).append("</td>"));
        h.append("</tr>\n");
      }
      h.append("</table>\n");
      for (Note n : s.notes()) {
        h.append("<h3>").append(ReportDocument.html(n.heading())).append("</h3>\n");
        for (String[] line : n.lines()) {
          h.append("<p><b>")
              .append(ReportDocument.html(line[0]))
              .append(":</b> ")
              .append(ReportDocument.html(line[1]).replace("\r\n", "\n").replace("\n", "<br>\n"))
              .append("</p>\n");
        }
      }
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static String title(OperationsLog log) {
    return "Operations log " + log.month() + ": " + log.client();
  }

  private static String period(OperationsLog log) {
    ZoneId zone = ZoneId.of(log.timeZone());
    var s = log.summary();
    return "From "
        + at(log.from(), zone)
        + " to "
        + at(log.to(), zone)
        + " (the month in "
        + log.timeZone()
        + "). Planned interventions done: "
        + s.interventions()
        + "; incidents: "
        + s.incidents()
        + "; changes: "
        + s.changes()
        + "; requests and problems: "
        + s.tickets()
        + "; tickets opened: "
        + s.ticketsOpened()
        + ", resolved: "
        + s.ticketsResolved()
        + "; documentation updated: "
        + s.documentation()
        + ".";
  }

  private static List<Section> sections(OperationsLog log) {
    ZoneId zone = ZoneId.of(log.timeZone());
    List<Section> sections = new ArrayList<>();
    List<List<String>> done = new ArrayList<>();
    for (InterventionDone i : log.interventions()) {
      done.add(List.of(i.reference(), i.title(), at(i.startedAt(), zone), at(i.endedAt(), zone)));
    }
    sections.add(
        new Section(
            "Planned interventions done",
            List.of("Intervention", "Title", "Started", "Ended"),
            done,
            List.of()));
    List<List<String>> incidents = new ArrayList<>();
    List<Note> reports = new ArrayList<>();
    for (LoggedIncident i : log.incidents()) {
      incidents.add(
          ticketRow(i.ticket(), zone, i.report() == null ? "none" : "v" + i.report().version()));
      if (i.report() != null) {
        reports.add(report(i.ticket(), i.report(), zone));
      }
    }
    sections.add(
        new Section(
            "Incidents",
            List.of("Incident", "Title", "Priority", "Status", "Opened", "Resolved", "Report"),
            incidents,
            reports));
    sections.add(tickets("Changes", "Change", log.changes(), zone));
    sections.add(tickets("Requests and problems handled", "Ticket", log.tickets(), zone));
    List<List<String>> docs = new ArrayList<>();
    for (LoggedArticle a : log.documentation()) {
      docs.add(List.of(a.title(), a.kind(), Long.toString(a.version()), at(a.updatedAt(), zone)));
    }
    sections.add(
        new Section(
            "Documentation updated",
            List.of("Article", "Kind", "Version", "Updated"),
            docs,
            List.of()));
    return sections;
  }

  private static Section tickets(
      String heading, String column, List<LoggedTicket> tickets, ZoneId zone) {
    List<List<String>> rows = new ArrayList<>();
    for (LoggedTicket t : tickets) {
      List<String> row = new ArrayList<>(ticketRow(t, zone, null));
      row.remove(row.size() - 1);
      rows.add(row);
    }
    return new Section(
        heading,
        List.of(column, "Title", "Priority", "Status", "Opened", "Resolved"),
        rows,
        List.of());
  }

  private static List<String> ticketRow(LoggedTicket t, ZoneId zone, String report) {
    return List.of(
        t.reference(),
        t.title(),
        t.priority() == null ? "" : t.priority().name(),
        t.status().name(),
        at(t.openedAt(), zone),
        when(t.resolvedAt(), zone),
        report == null ? "" : report);
  }

  private static Note report(LoggedTicket t, LoggedReport r, ZoneId zone) {
    List<String[]> lines = new ArrayList<>();
    lines.add(
        new String[] {
          "Report", "version " + r.version() + ", published " + at(r.publishedAt(), zone)
        });
    lines.add(new String[] {"Cause", r.cause() == null ? "" : r.cause()});
    lines.add(new String[] {"Solution", r.solution() == null ? "" : r.solution()});
    if (!r.followUps().isEmpty()) {
      lines.add(new String[] {"Follow-ups", String.join("\n", r.followUps())});
    }
    return new Note(t.reference() + ": " + t.title(), lines);
  }

  private static String when(Instant at, ZoneId zone) {
    return at == null ? "" : at(at, zone);
  }

  /** A table cell: escaped, on one line. */
  private static String cell(String text) {
    return ReportDocument.md(text == null ? "" : text.replaceAll("\\s*\\R\\s*", " "));
  }

  /** Free text under a table: escaped, its lines kept as hard breaks. */
  private static String block(String text) {
    return String.join("  \n", ReportDocument.md(text).split("\\R"));
  }
}
