package io.vigie.backup.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The monthly backup report as Markdown, times in the client's time zone. */
public final class MonthlyReportMarkdown {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private MonthlyReportMarkdown() {}

  public static String render(MonthlyBackupReport r) {
    ZoneId zone = ZoneId.of(r.timeZone());
    StringBuilder md = new StringBuilder();
    md.append("# Backups of ").append(r.clientName()).append(", ").append(r.month()).append("\n\n");
    md.append("Times in ").append(r.timeZone());
    if (r.observedUntil().isBefore(r.to())) {
      md.append("; the month is under way, observed until ").append(when(r.observedUntil(), zone));
    }
    md.append(".\n\n");
    MonthlyBackupReport.Totals t = r.totals();
    md.append("- Policies: ").append(t.policies()).append('\n');
    md.append("- Backups made: ").append(t.backupsMade()).append('\n');
    md.append("- Failures: ").append(t.failures()).append('\n');
    md.append("- Policies within their RPO all month: ")
        .append(t.policiesWithinRpo())
        .append(" of ")
        .append(t.policies())
        .append("\n\n");
    md.append("| Policy | Target | Backups | Failures | RPO | Within RPO | Last restore test |\n");
    md.append("|---|---|---:|---:|---:|---:|---|\n");
    for (MonthlyBackupReport.PolicyMonth p : r.policies()) {
      md.append("| ")
          .append(p.name())
          .append(" | ")
          .append(p.targetName())
          .append(" | ")
          .append(p.backupsMade())
          .append(" | ")
          .append(p.failures())
          .append(" | ")
          .append(duration(p.rpo()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.2f %%", p.rpoCompliancePercent()))
          .append(" | ")
          .append(
              p.restoreTests().lastSucceededAt() == null
                  ? "never"
                  : when(p.restoreTests().lastSucceededAt(), zone))
          .append(" |\n");
    }
    for (MonthlyBackupReport.PolicyMonth p : r.policies()) {
      md.append("\n## ").append(p.name()).append("\n\n");
      md.append("Copies per datacenter:\n\n");
      if (p.copiesPerDatacenter().isEmpty()) {
        md.append("- none\n");
      }
      for (MonthlyBackupReport.SiteCopies c : p.copiesPerDatacenter()) {
        md.append("- ")
            .append(c.datacenterCode())
            .append(": ")
            .append(c.backupsMade())
            .append(" made, newest ")
            .append(c.newestPoint() == null ? "none" : when(c.newestPoint(), zone))
            .append('\n');
      }
      md.append("\nRPO breaches:\n\n");
      if (p.rpoBreaches().isEmpty()) {
        md.append("- none\n");
      }
      for (RpoCompliance.Breach b : p.rpoBreaches()) {
        md.append("- ")
            .append(when(b.from(), zone))
            .append(" to ")
            .append(when(b.to(), zone))
            .append(" (")
            .append(duration(b.duration()))
            .append(")\n");
      }
      MonthlyBackupReport.RestoreTests rt = p.restoreTests();
      md.append("\nRestore tests this month: ")
          .append(rt.testedInMonth())
          .append(", failed: ")
          .append(rt.failedInMonth())
          .append("; last successful: ")
          .append(
              rt.lastSucceededAt() == null
                  ? "never"
                  : when(rt.lastSucceededAt(), zone)
                      + " (snapshot "
                      + rt.lastSucceededSnapshot()
                      + ")")
          .append('\n');
    }
    return md.toString();
  }

  private static String when(Instant t, ZoneId zone) {
    return WHEN.format(t.atZone(zone));
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    StringBuilder s = new StringBuilder();
    if (days > 0) {
      s.append(days).append(" d ");
    }
    if (hours > 0 || (days > 0 && mins > 0)) {
      s.append(hours).append(" h ");
    }
    if (mins > 0 || s.length() == 0) {
      s.append(mins).append(" min ");
    }
    return s.toString().trim();
  }
}
