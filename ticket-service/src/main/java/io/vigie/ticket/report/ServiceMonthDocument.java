package io.vigie.ticket.report;

import static io.vigie.ticket.report.ReportDocument.at;
import static io.vigie.ticket.report.ReportDocument.duration;

import io.vigie.ticket.report.ServiceMonth.Breach;
import io.vigie.ticket.report.ServiceMonth.ClockFigures;
import io.vigie.ticket.report.ServiceMonth.Publication;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A monthly service report as Markdown or a standalone HTML page; all text escaped, instants in the
 * client's time zone.
 */
public final class ServiceMonthDocument {

  private ServiceMonthDocument() {}

  /** The document as titled tables: a heading, its column names and rows. */
  private record Table(String heading, List<String> columns, List<List<String>> rows) {}

  public static String markdown(ServiceMonth m) {
    StringBuilder md = new StringBuilder();
    md.append("# Service report ")
        .append(m.month())
        .append(": ")
        .append(ReportDocument.md(m.client()))
        .append("\n\n")
        .append(ReportDocument.md(period(m)))
        .append("\n\n");
    for (Table t : tables(m)) {
      md.append("## ").append(t.heading()).append("\n\n");
      if (t.rows().isEmpty()) {
        md.append("None.\n\n");
        continue;
      }
      md.append("| ").append(String.join(" | ", t.columns())).append(" |\n");
      md.append("|").append(" --- |".repeat(t.columns().size())).append('\n');
      for (List<String> row : t.rows()) {
        md.append("| ")
            .append(String.join(" | ", row.stream().map(ReportDocument::md).toList()))
            .append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  public static String html(ServiceMonth m) {
    String title = "Service report " + m.month() + ": " + m.client();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(ReportDocument.html(title))
        .append("</title>\n</head>\n<body>\n<h1>")
        .append(ReportDocument.html(title))
        .append("</h1>\n<p>")
        .append(ReportDocument.html(period(m)))
        .append("</p>\n");
    for (Table t : tables(m)) {
      h.append("<h2>").append(ReportDocument.html(t.heading())).append("</h2>\n");
      if (t.rows().isEmpty()) {
        h.append("<p>None.</p>\n");
        continue;
      }
      h.append("<table>\n<tr>");
      t.columns().forEach(c -> h.append("<th>").append(ReportDocument.html(c)).append("</th>"));
      h.append("</tr>\n");
      for (List<String> row : t.rows()) {
        h.append("<tr>");
        row.forEach(c -> h.append("<td>").append(ReportDocument.html(c)).append("</td>"));
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static String period(ServiceMonth m) {
    ZoneId zone = ZoneId.of(m.timeZone());
    return "From "
        + at(m.from(), zone)
        + " to "
        + at(m.to(), zone)
        + " (the month in "
        + m.timeZone()
        + "). Tickets opened: "
        + m.ticketsOpened()
        + ".";
  }

  private static List<Table> tables(ServiceMonth m) {
    ZoneId zone = ZoneId.of(m.timeZone());
    List<Table> tables = new ArrayList<>();
    tables.add(counts("Tickets by type", "Type", m.byType()));
    tables.add(counts("Tickets by priority", "Priority", m.byPriority()));
    tables.add(
        new Table(
            "Contract clocks",
            List.of("Clock", "Met", "Breached", "Pending", "Not promised"),
            List.of(
                clock("Time to intervention (GTI)", m.intervention()),
                clock("Time to resolution", m.resolution()))));
    List<List<String>> breaches = new ArrayList<>();
    for (Breach b : m.breaches()) {
      breaches.add(
          List.of(
              b.reference(),
              b.title(),
              b.priority().name(),
              b.clock().name(),
              duration(b.target()),
              b.used() == null ? "still running" : duration(b.used()),
              b.deadline() == null ? "" : at(b.deadline(), zone)));
    }
    tables.add(
        new Table(
            "Breaches",
            List.of("Ticket", "Title", "Priority", "Clock", "Target", "Used", "Ran out at"),
            breaches));
    List<List<String>> published = new ArrayList<>();
    for (Publication p : m.reportsPublished()) {
      published.add(
          List.of(p.reference(), p.title(), Long.toString(p.version()), at(p.publishedAt(), zone)));
    }
    tables.add(
        new Table(
            "Incident reports published",
            List.of("Incident", "Title", "Version", "Published"),
            published));
    List<List<String>> done = new ArrayList<>();
    for (ServiceMonth.InterventionDone i : m.interventionsDone()) {
      done.add(List.of(i.reference(), i.title(), at(i.startedAt(), zone), at(i.endedAt(), zone)));
    }
    tables.add(
        new Table(
            "Planned interventions done",
            List.of("Intervention", "Title", "Started", "Ended"),
            done));
    return tables;
  }

  private static Table counts(String heading, String column, Map<?, Integer> counts) {
    List<List<String>> rows = new ArrayList<>();
    counts.forEach((k, v) -> rows.add(List.of(k.toString(), Integer.toString(v))));
    return new Table(heading, List.of(column, "Tickets"), rows);
  }

  private static List<String> clock(String name, ClockFigures f) {
    return List.of(
        name,
        Integer.toString(f.met()),
        Integer.toString(f.breached()),
        Integer.toString(f.pending()),
        Integer.toString(f.notPromised()));
  }
}
