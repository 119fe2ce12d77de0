package io.vigie.ticket.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the report API reads and writes. */
public final class ReportViews {

  private ReportViews() {}

  /** Where a report stands: being written, or the version shown is the published one. */
  @Schema(name = "Status") // its name since the reports were first documented
  public enum Status {
    DRAFT,
    PUBLISHED
  }

  /** The engineer's part; absent fields stay as they are. */
  public record ReportEdit(
      @Size(max = 20_000) String cause,
      @Size(max = 20_000) String solution,
      @Size(max = 50) List<@NotBlank @Size(max = 2_000) String> followUps) {}

  /**
   * A report. Staff read the current version ({@code status} DRAFT until that version is
   * published); a client reads only the last published version.
   */
  public record ReportView(
      UUID id,
      UUID ticketId,
      String reference,
      String tenant,
      Status status,
      long version,
      Long publishedVersion,
      Instant publishedAt,
      Instant updatedAt,
      String updatedBy,
      IncidentFacts facts,
      String cause,
      String solution,
      List<String> followUps) {

    static ReportView current(IncidentReport r) {
      return new ReportView(
          r.id,
          r.ticketId,
          r.reference,
          r.tenant,
          r.publishedVersion != null && r.publishedVersion == r.version
              ? Status.PUBLISHED
              : Status.DRAFT,
          r.version,
          r.publishedVersion,
          r.publishedAt,
          r.updatedAt,
          r.updatedBy,
          r.facts,
          r.cause,
          r.solution,
          List.of(r.followUps));
    }

    static ReportView of(IncidentReport r, IncidentReportVersion v) {
      return new ReportView(
          r.id,
          r.ticketId,
          r.reference,
          r.tenant,
          v.publishedAt != null ? Status.PUBLISHED : Status.DRAFT,
          v.version,
          r.publishedVersion,
          v.publishedAt,
          v.at,
          v.author,
          v.facts,
          v.cause,
          v.solution,
          List.of(v.followUps));
    }
  }

  /** A published report in a list: its last published version, without its text. */
  public record PublishedReport(
      UUID id,
      UUID ticketId,
      String reference,
      String tenant,
      String title,
      long version,
      Instant publishedAt,
      Instant start,
      Instant recovery,
      Duration duration,
      Boolean interventionMet) {}
}
