package io.vigie.ticket.priority;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.kit.problem.Problem;
import io.vigie.ticket.escalation.EscalationPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an admin sets for priorities: the impact x urgency matrix and, per priority, the share of
 * the GTI at which an unacknowledged L1 ticket moves to L2. Parsed from the raw document an admin
 * sends so that every refusal names its cell ({@code matrix.HIGH.LOW}) or field ({@code
 * escalation.P2}). A share is one of 50, 75, 90 or 100: the clock watch looks at a GTI only at
 * those thresholds, so any other share would act at the next one anyway.
 */
public record PriorityPolicy(PriorityMatrix matrix, EscalationPolicy escalation) {

  public static final Set<Integer> SHARES = Set.of(50, 75, 90, 100);

  /** The policy ticket-service ships with. */
  public static PriorityPolicy defaults() {
    return new PriorityPolicy(PriorityMatrix.defaults(), EscalationPolicy.defaults());
  }

  /** A parse that either holds a policy or the reasons it was refused. */
  public record Parsed(PriorityPolicy policy, List<Problem.FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Reads a policy from its document form.
   *
   * @param matrix impact name to urgency name to priority name
   * @param escalation priority name to its GTI share in percent (null or absent: no escalation)
   */
  public static Parsed parse(
      Map<String, Map<String, String>> matrix, Map<String, Integer> escalation) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Map<Impact, Map<Urgency, Priority>> cells = new EnumMap<>(Impact.class);
    if (matrix == null) {
      errors.add(new Problem.FieldError("matrix", "is required"));
    } else {
      for (String key : matrix.keySet()) {
        if (parse(Impact.class, key) == null) {
          errors.add(
              new Problem.FieldError("matrix." + key, "is not an impact (HIGH, MEDIUM, LOW)"));
        }
      }
      for (Impact impact : Impact.values()) {
        Map<String, String> row = matrix.get(impact.name());
        if (row == null) {
          errors.add(new Problem.FieldError("matrix." + impact, "is required"));
          continue;
        }
        Map<Urgency, Priority> parsedRow = new EnumMap<>(Urgency.class);
        for (String key : row.keySet()) {
          if (parse(Urgency.class, key) == null) {
            errors.add(
                new Problem.FieldError(
                    "matrix." + impact + "." + key, "is not an urgency (HIGH, MEDIUM, LOW)"));
          }
        }
        for (Urgency urgency : Urgency.values()) {
          String cell = "matrix." + impact + "." + urgency;
          String value = row.get(urgency.name());
          Priority priority = parse(Priority.class, value);
          if (value == null) {
            errors.add(new Problem.FieldError(cell, "is required"));
          } else if (priority == null) {
            errors.add(new Problem.FieldError(cell, value + " is not a priority (P1 to P4)"));
          } else {
            parsedRow.put(urgency, priority);
          }
        }
        cells.put(impact, parsedRow);
      }
    }
    Map<Priority, Integer> shares = new EnumMap<>(Priority.class);
    if (escalation == null) {
      errors.add(new Problem.FieldError("escalation", "is required"));
    } else {
      escalation.forEach(
          (key, share) -> {
            Priority priority = parse(Priority.class, key);
            if (priority == null) {
              errors.add(
                  new Problem.FieldError("escalation." + key, "is not a priority (P1 to P4)"));
            } else if (share != null && !SHARES.contains(share)) {
              errors.add(
                  new Problem.FieldError(
                      "escalation." + key,
                      "must be 50, 75, 90 or 100 (% of the GTI), not " + share));
            } else if (share != null) {
              shares.put(priority, share);
            }
          });
    }
    if (!errors.isEmpty()) {
      return new Parsed(null, List.copyOf(errors));
    }
    return new Parsed(
        new PriorityPolicy(PriorityMatrix.of(cells), EscalationPolicy.of(shares)), List.of());
  }

  /** The matrix in its document form, rows and cells in HIGH, MEDIUM, LOW order. */
  public Map<String, Map<String, String>> matrixDocument() {
    Map<String, Map<String, String>> doc = new LinkedHashMap<>();
    for (Impact impact : Impact.values()) {
      Map<String, String> row = new LinkedHashMap<>();
      for (Urgency urgency : Urgency.values()) {
        row.put(urgency.name(), matrix.priorityOf(impact, urgency).name());
      }
      doc.put(impact.name(), row);
    }
    return doc;
  }

  /** The GTI shares in their document form, P1 first. */
  public Map<String, Integer> escalationDocument() {
    Map<String, Integer> doc = new LinkedHashMap<>();
    Map<Priority, Integer> shares = escalation.interventionShares();
    for (Priority priority : Priority.values()) {
      if (shares.containsKey(priority)) {
        doc.put(priority.name(), shares.get(priority));
      }
    }
    return doc;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name) {
    if (name == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
