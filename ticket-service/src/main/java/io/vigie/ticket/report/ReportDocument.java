package io.vigie.ticket.report;

import io.vigie.ticket.report.IncidentFacts.AlertPeriod;
import io.vigie.ticket.report.ReportViews.ReportView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A report as a document a person reads: Markdown, or a standalone HTML page. Every piece of text
 * (the engineer's and the timeline's) is escaped, so no one writes markup into the client's page;
 * instants are shown in the client's time zone (its contract's support hours), named.
 */
public final class ReportDocument {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  private ReportDocument() {}

  public static String markdown(ReportView r, ZoneId zone) {
    IncidentFacts f = r.facts();
    StringBuilder md = new StringBuilder();
    md.append("# Incident report ")
        .append(md(r.reference()))
        .append(": ")
        .append(md(f.title()))
        .append("\n\n");
    md.append("_Version ")
        .append(r.version())
        .append(", ")
        .append(statusLine(r, zone))
        .append("_\n\n");
    md.append("## Impact\n\n");
    for (String[] row : facts(f, zone)) {
      md.append("- **").append(row[0]).append("**: ").append(md(row[1])).append('\n');
    }
    md.append("\n## Cause\n\n").append(paragraph(md(r.cause()))).append("\n\n");
    md.append("## Solution\n\n").append(paragraph(md(r.solution()))).append("\n\n");
    md.append("## Follow-up actions\n\n");
    if (r.followUps().isEmpty()) {
      md.append("None.\n");
    }
    for (String action : r.followUps()) {
      md.append("- ").append(md(action)).append('\n');
    }
    md.append("\n## Timeline\n\n");
    for (IncidentFacts.Line line : f.timeline()) {
      md.append("- ")
          .append(at(line.at(), zone))
          .append(" — ")
          .append(md(line.text()))
          .append('\n');
    }
    return md.toString();
  }

  public static String html(ReportView r, ZoneId zone) {
    IncidentFacts f = r.facts();
    StringBuilder h = new StringBuilder();
    String title = "Incident report " + r.reference() + ": " + f.title();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(html(title))
        .append("</title>\n</head>\n<body>\n<h1>")
        .append(html(title))
        .append("</h1>\n<p><em>Version ")
        .append(r.version())
        .append(", ")
        .append(html(statusLine(r, zone)))
        .append("</em></p>\n<h2>Impact</h2>\n<dl>\n");
    for (String[] row : facts(f, zone)) {
      h.append("<dt>")
          .append(html(row[0]))
          .append("</dt><dd>")
          .append(html(row[1]))
          .append("</dd>\n");
    }
    h.append("</dl>\n<h2>Cause</h2>\n<p>")
        .append(htmlParagraph(r.cause()))
        .append("</p>\n<h2>Solution</h2>\n<p>")
        .append(htmlParagraph(r.solution()))
        .append("</p>\n<h2>Follow-up actions</h2>\n");
    if (r.followUps().isEmpty()) {
      h.append("<p>None.</p>\n");
    } else {
      h.append("<ul>\n");
      for (String action : r.followUps()) {
        h.append("<li>").append(html(action)).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("<h2>Timeline</h2>\n<ul>\n");
    for (IncidentFacts.Line line : f.timeline()) {
      h.append("<li><time datetime=\"")
          .append(line.at())
          .append("\">")
          .append(at(line.at(), zone))
          .append("</time> — ")
          .append(html(line.text()))
          .append("</li>\n");
    }
    h.append("</ul>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The facts as label and value, in the order a reader expects them. */
  static List<String[]> facts(IncidentFacts f, ZoneId zone) {
    return List.of(
        new String[] {"Clients affected", list(f.clients())},
        new String[] {"Hosted services affected", list(f.hostedServices())},
        new String[] {"Servers", list(f.servers())},
        new String[] {"Start", at(f.start(), zone)},
        new String[] {"Detection", at(f.detection(), zone)},
        new String[] {"First intervention", at(f.firstIntervention(), zone)},
        new String[] {"Recovery", at(f.recovery(), zone)},
        new String[] {"Duration", duration(f.duration())},
        new String[] {"Alert periods", periods(f.alertPeriods(), zone)},
        new String[] {"Time to intervention (GTI)", gti(f)});
  }

  private static String statusLine(ReportView r, ZoneId zone) {
    return r.status() == ReportViews.Status.PUBLISHED && r.publishedAt() != null
        ? "published " + at(r.publishedAt(), zone)
        : "draft";
  }

  private static String gti(IncidentFacts f) {
    if (f.interventionTarget() == null) {
      return "none in the contract";
    }
    String target = duration(f.interventionTarget());
    if (f.interventionMet() == null) {
      return target + ", not measured";
    }
    return target + (f.interventionMet() ? ", met" : ", missed");
  }

  private static String periods(List<AlertPeriod> periods, ZoneId zone) {
    if (periods.isEmpty()) {
      return "none";
    }
    return String.join(
        "; ",
        periods.stream()
            .map(
                p ->
                    at(p.start(), zone)
                        + " to "
                        + (p.end() == null ? "still firing" : at(p.end(), zone))
                        + (p.end() == null
                            ? ""
                            : " (" + duration(Duration.between(p.start(), p.end())) + ")"))
            .toList());
  }

  private static String list(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** {@code 2026-11-21 23:00:00 CET}; UTC named as such. */
  static String at(Instant instant, ZoneId zone) {
    ZoneId shown = zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    return instant == null ? "none" : AT.format(instant.atZone(shown));
  }

  /** {@code 1 h 07 min}, {@code 45 min 10 s}, {@code 2 d 3 h 00 min}. */
  static String duration(Duration d) {
    if (d == null) {
      return "unknown";
    }
    long days = d.toDays();
    int hours = d.toHoursPart();
    int minutes = d.toMinutesPart();
    int seconds = d.toSecondsPart();
    if (days > 0) {
      return String.format("%d d %d h %02d min", days, hours, minutes);
    }
    if (hours > 0) {
      return String.format("%d h %02d min", hours, minutes);
    }
    return seconds == 0
        ? String.format("%d min", minutes)
        : String.format("%d min %d s", minutes, seconds);
  }

  /** HTML text: the five characters that could open markup or an attribute are escaped. */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String htmlParagraph(String text) {
    return text == null || text.isBlank()
        ? "Not written yet."
        : html(text).replace("\r\n", "\n").replace("\n", "<br>\n");
  }

  /**
   * Markdown text: HTML is escaped (a Markdown renderer passes it through), and the characters that
   * would start emphasis, links, code or headings are backslash-escaped, so it reads as written.
   */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '!' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String paragraph(String text) {
    return text.isBlank() ? "Not written yet." : text;
  }
}
