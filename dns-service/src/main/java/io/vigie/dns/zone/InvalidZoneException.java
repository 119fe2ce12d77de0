package io.vigie.dns.zone;

import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import java.util.List;
import java.util.stream.Collectors;

/** A zone, a zone file or a record set the rules refuse: every offending field at once. */
public class InvalidZoneException extends ProblemException {

  public InvalidZoneException(List<Problem.FieldError> errors) {
    super(
        400,
        "validation",
        "Invalid request",
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
        errors);
  }

  public static InvalidZoneException of(String field, String message) {
    return new InvalidZoneException(List.of(new Problem.FieldError(field, message)));
  }
}
