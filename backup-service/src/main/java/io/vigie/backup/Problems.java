package io.vigie.backup;

import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.problem.ProblemException;
import java.util.List;
import java.util.stream.Collectors;

/** A 400 that names every refused field at once, so nothing half-checked is written. */
public final class Problems {

  private Problems() {}

  public static ProblemException invalid(List<FieldError> errors) {
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    return new ProblemException(400, "validation", "Invalid request", detail, errors);
  }

  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
  }
}
