package io.vigie.kit.web;

import io.vigie.kit.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Optimistic concurrency over HTTP: the ETag is the entity's version; an update must send it back
 * in If-Match and gets 412 when someone changed the resource in between.
 */
public final class ETags {

  private ETags() {}

  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** 200 with the body and its version as {@code ETag}: what a read or an update answers. */
  public static <T> RestResponse<T> ok(T body, long version) {
    return RestResponse.ResponseBuilder.ok(body).tag(of(version)).build();
  }

  /**
   * Checks an If-Match header against the current version: missing answers 428, stale 412. {@code
   * *} matches any existing version.
   */
  public static void requireMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.versionRequired();
    }
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      tag = tag.replace("\"", "");
      if (tag.equals(Long.toString(currentVersion))) {
        return;
      }
    }
    throw ProblemException.staleVersion(currentVersion);
  }
}
