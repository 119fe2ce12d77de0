package io.vigie.kit.problem;

import java.util.List;

/**
 * A request the service refuses for a reason the caller can act on. Subclasses name the usual
 * cases; the message becomes the problem's {@code detail}, so it must never hold internals.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String slug;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ProblemException(
      int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public Problem toProblem(String instance) {
    return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, errors);
  }

  public int status() {
    return status;
  }

  /** 404: unknown id, or an id that belongs to another tenant (no existence leak). */
  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        404, "not-found", "Not found", what + " " + id + " not found", List.of());
  }

  /** 400 on one field whose value the domain refuses. */
  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  /** 409: the request clashes with the current state (duplicate name, illegal transition). */
  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "conflict", "Conflict", detail, List.of());
  }

  /** 412: the If-Match version is not the current one; re-read and retry. */
  public static ProblemException staleVersion(long current) {
    return new ProblemException(
        412,
        "stale-version",
        "Stale version",
        "The resource was changed since you read it; current version is " + current,
        List.of());
  }

  /** 428: updates must say which version they change. */
  public static ProblemException versionRequired() {
    return new ProblemException(
        428,
        "version-required",
        "If-Match required",
        "Send the ETag you read in an If-Match header to update this resource",
        List.of());
  }

  /** 403: authenticated, but this role may not do this. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
  }
}
