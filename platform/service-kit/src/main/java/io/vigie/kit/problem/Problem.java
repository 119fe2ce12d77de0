package io.vigie.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} lists every offending field of a rejected
 * request, so a client can fix them all in one go.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://vigie.io/problems/";

  /** One rejected field, as a JSON path into the request ({@code hardware.cpu.cores}). */
  public record FieldError(String field, String message) {}
}
