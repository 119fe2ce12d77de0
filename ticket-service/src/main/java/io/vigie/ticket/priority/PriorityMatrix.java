package io.vigie.ticket.priority;

import io.vigie.events.inventory.PriorityTarget.Priority;
import java.util.EnumMap;
import java.util.Map;

/**
 * Impact x urgency gives a ticket's priority, as in GLPI's ITIL model. Every cell must be filled;
 * an admin may change any of them ({@link #with}), which yields a new matrix.
 *
 * <pre>
 *               urgency HIGH  MEDIUM  LOW
 *   impact HIGH         P1    P2      P3
 *          MEDIUM       P2    P3      P4
 *          LOW          P3    P4      P4
 * </pre>
 */
public final class PriorityMatrix {

  private final Map<Impact, Map<Urgency, Priority>> cells;

  private PriorityMatrix(Map<Impact, Map<Urgency, Priority>> cells) {
    for (Impact impact : Impact.values()) {
      Map<Urgency, Priority> row = cells.get(impact);
      for (Urgency urgency : Urgency.values()) {
        if (row == null || row.get(urgency) == null) {
          throw new IllegalArgumentException(
              "priority matrix has no priority for impact " + impact + " and urgency " + urgency);
        }
      }
    }
    this.cells = cells;
  }

  /** The matrix above. */
  public static PriorityMatrix defaults() {
    return of(
        Map.of(
            Impact.HIGH,
            Map.of(
                Urgency.HIGH, Priority.P1, Urgency.MEDIUM, Priority.P2, Urgency.LOW, Priority.P3),
            Impact.MEDIUM,
            Map.of(
                Urgency.HIGH, Priority.P2, Urgency.MEDIUM, Priority.P3, Urgency.LOW, Priority.P4),
            Impact.LOW,
            Map.of(
                Urgency.HIGH, Priority.P3, Urgency.MEDIUM, Priority.P4, Urgency.LOW, Priority.P4)));
  }

  /**
   * A matrix from its cells.
   *
   * @throws IllegalArgumentException when a cell is missing
   */
  public static PriorityMatrix of(Map<Impact, Map<Urgency, Priority>> cells) {
    Map<Impact, Map<Urgency, Priority>> copy = new EnumMap<>(Impact.class);
    cells.forEach((impact, row) -> copy.put(impact, new EnumMap<>(row)));
    return new PriorityMatrix(copy);
  }

  public Priority priorityOf(Impact impact, Urgency urgency) {
    return cells.get(impact).get(urgency);
  }

  /** This matrix with one cell changed. */
  public PriorityMatrix with(Impact impact, Urgency urgency, Priority priority) {
    Map<Impact, Map<Urgency, Priority>> copy = new EnumMap<>(Impact.class);
    cells.forEach((i, row) -> copy.put(i, new EnumMap<>(row)));
    copy.get(impact).put(urgency, priority);
    return new PriorityMatrix(copy);
  }

  /** The cells, for storing and showing. */
  public Map<Impact, Map<Urgency, Priority>> cells() {
    Map<Impact, Map<Urgency, Priority>> copy = new EnumMap<>(Impact.class);
    cells.forEach((i, row) -> copy.put(i, Map.copyOf(row)));
    return Map.copyOf(copy);
  }
}
