package io.vigie.ticket.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.events.inventory.PriorityTarget.Priority;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityMatrixTest {

  @Test
  void theDefaultMatrixIsItilsThreeByThree() {
    PriorityMatrix matrix = PriorityMatrix.defaults();
    assertThat(matrix.priorityOf(Impact.HIGH, Urgency.HIGH)).isEqualTo(Priority.P1);
    assertThat(matrix.priorityOf(Impact.HIGH, Urgency.MEDIUM)).isEqualTo(Priority.P2);
    assertThat(matrix.priorityOf(Impact.HIGH, Urgency.LOW)).isEqualTo(Priority.P3);
    assertThat(matrix.priorityOf(Impact.MEDIUM, Urgency.HIGH)).isEqualTo(Priority.P2);
    assertThat(matrix.priorityOf(Impact.MEDIUM, Urgency.MEDIUM)).isEqualTo(Priority.P3);
    assertThat(matrix.priorityOf(Impact.MEDIUM, Urgency.LOW)).isEqualTo(Priority.P4);
    assertThat(matrix.priorityOf(Impact.LOW, Urgency.HIGH)).isEqualTo(Priority.P3);
    assertThat(matrix.priorityOf(Impact.LOW, Urgency.MEDIUM)).isEqualTo(Priority.P4);
    assertThat(matrix.priorityOf(Impact.LOW, Urgency.LOW)).isEqualTo(Priority.P4);
  }

  @Test
  void anAdminChangesOneCellAndTheRestStays() {
    PriorityMatrix defaults = PriorityMatrix.defaults();
    PriorityMatrix changed = defaults.with(Impact.MEDIUM, Urgency.HIGH, Priority.P1);
    assertThat(changed.priorityOf(Impact.MEDIUM, Urgency.HIGH)).isEqualTo(Priority.P1);
    assertThat(changed.priorityOf(Impact.LOW, Urgency.LOW)).isEqualTo(Priority.P4);
    assertThat(defaults.priorityOf(Impact.MEDIUM, Urgency.HIGH)).isEqualTo(Priority.P2);
    assertThat(PriorityMatrix.of(changed.cells()).priorityOf(Impact.MEDIUM, Urgency.HIGH))
        .isEqualTo(Priority.P1);
  }

  @Test
  void aMatrixWithAHoleIsRefused() {
    assertThatThrownBy(
            () -> PriorityMatrix.of(Map.of(Impact.HIGH, Map.of(Urgency.HIGH, Priority.P1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("impact HIGH and urgency MEDIUM");
    assertThatThrownBy(() -> PriorityMatrix.defaults().with(Impact.LOW, Urgency.LOW, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
