package io.vigie.ticket.report;

import io.vigie.kit.problem.ProblemException;
import io.vigie.ticket.report.ReportViews.ReportView;
import io.vigie.ticket.report.ReportViews.Status;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A report's ETag: its version, suffixed {@code -published} once that version is published, since
 * publication changes the representation (status, publication time) without a new version of the
 * text. {@code "2"} is version 2 as a draft, {@code "2-published"} the same version once the client
 * reads it. If-Match on a write compares against the current one (428 without, 412 when stale);
 * If-None-Match on a read answers 304 when the representation is unchanged.
 */
final class ReportTags {

  private static final String PUBLISHED = "-published";

  private ReportTags() {}

  static String of(long version, boolean published) {
    return version + (published ? PUBLISHED : "");
  }

  static String of(ReportView view) {
    return of(view.version(), view.status() == Status.PUBLISHED);
  }

  /** The tag of the staff's representation of the report as it is now. */
  static String current(IncidentReport r) {
    return of(r.version, r.publishedVersion != null && r.publishedVersion == r.version);
  }

  /** 200 with the body and its tag. */
  static <T> RestResponse<T> ok(T body, String tag) {
    return RestResponse.ResponseBuilder.ok(body).tag(new EntityTag(tag)).build();
  }

  /** 200 with the report and its tag, or 304 when If-None-Match names that tag already. */
  static RestResponse<ReportView> okUnlessNotModified(ReportView view, String ifNoneMatch) {
    String tag = of(view);
    if (matches(ifNoneMatch, tag)) {
      return RestResponse.ResponseBuilder.<ReportView>create(RestResponse.Status.NOT_MODIFIED)
          .tag(new EntityTag(tag))
          .build();
    }
    return ok(view, tag);
  }

  /** If-Match on a write: missing answers 428, another tag 412. {@code *} matches any. */
  static void requireMatch(String ifMatch, IncidentReport r) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.versionRequired();
    }
    if (!matches(ifMatch, current(r))) {
      throw ProblemException.staleVersion(r.version);
    }
  }

  /** Whether a list of entity tags (or {@code *}) names {@code tag}; weak tags compare too. */
  static boolean matches(String header, String tag) {
    if (header == null || header.isBlank()) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String t = candidate.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.replace("\"", "").equals(tag)) {
        return true;
      }
    }
    return false;
  }
}
