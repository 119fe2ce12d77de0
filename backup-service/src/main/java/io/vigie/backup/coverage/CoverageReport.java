package io.vigie.backup.coverage;

import io.vigie.events.backup.CoverageGapKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The coverage report: per client, what the contract promises and what nothing covers. */
public record CoverageReport(Instant generatedAt, List<ClientCoverage> clients) {

  /**
   * One client's coverage.
   *
   * @param drpRpo the DRP's RPO when the contract has one, else null
   */
  public record ClientCoverage(
      String tenant,
      String name,
      int copies,
      int distinctSites,
      Duration drpRpo,
      List<GapView> gaps) {}

  /**
   * One gap.
   *
   * @param since when the watcher first published it, or null when it is newer than its last pass
   */
  public record GapView(
      CoverageGapKind kind,
      String subjectKind,
      UUID subjectId,
      String subjectName,
      String promised,
      String actual,
      Instant since) {}
}
