package io.vigie.ticket.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.ticket.report.OperationsLog.LoggedReport;
import io.vigie.ticket.report.OperationsLog.LoggedTicket;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operations log as documents: everything escaped, times in the log's zone, empty sections. */
class OperationsLogDocumentTest {

  static final String HOSTILE = "<script>alert('x')</script> & <img src=x onerror=\"y\">";

  static OperationsLog log() {
    LoggedTicket incident =
        new LoggedTicket(
            "INC-2034-000001",
            TicketType.INCIDENT,
            "Shop down " + HOSTILE,
            Priority.P1,
            TicketStatus.RESOLVED,
            Instant.parse("2034-11-05T09:00:00Z"),
            Instant.parse("2034-11-05T10:00:00Z"),
            null);
    return OperationsLogs.assemble(
        "lumiere",
        "Lumière | SAS",
        YearMonth.of(2034, 11),
        ZoneId.of("Europe/Paris"),
        List.of(incident),
        Map.of(
            "INC-2034-000001",
            new LoggedReport(
                2,
                Instant.parse("2034-11-06T09:00:00Z"),
                "Pool exhausted\n" + HOSTILE,
                "Pool raised to 200",
                List.of("Alert at 80 %"))),
        List.of(),
        List.of());
  }

  @Test
  void markdownEscapesEveryTextAndKeepsTheTableWhole() {
    String md = OperationsLogDocument.markdown(log());
    assertThat(md)
        .startsWith("# Operations log 2034-11: Lumière \\| SAS\n")
        .doesNotContain("<script>", "<img")
        .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;img src=x onerror=\"y\"&gt;")
        .contains("| INC-2034-000001 | Shop down &lt;script&gt;")
        .contains("2034-11-05 10:00:00 CET")
        .contains("**Cause:** Pool exhausted  \n&lt;script&gt;")
        .contains("**Follow-ups:** Alert at 80 %")
        .contains("## Planned interventions done\n\nNone.")
        .contains("## Documentation updated\n\nNone.");
  }

  @Test
  void htmlEscapesEveryTextAndRunsNoScript() {
    String html = OperationsLogDocument.html(log());
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("<script>", "<img", "onerror=\"")
        .contains("<title>Operations log 2034-11: Lumière | SAS</title>")
        .contains("<td>Shop down &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("<p><b>Cause:</b> Pool exhausted<br>\n&lt;script&gt;")
        .contains("<td>v2</td>")
        .contains("<h2>Changes</h2>\n<p>None.</p>");
  }
}
