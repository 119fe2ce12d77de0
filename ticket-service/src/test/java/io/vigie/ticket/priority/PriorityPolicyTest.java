package io.vigie.ticket.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.kit.problem.Problem.FieldError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityPolicyTest {

  static Map<String, Map<String, String>> defaultMatrix() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put("HIGH", new HashMap<>(Map.of("HIGH", "P1", "MEDIUM", "P2", "LOW", "P3")));
    m.put("MEDIUM", new HashMap<>(Map.of("HIGH", "P2", "MEDIUM", "P3", "LOW", "P4")));
    m.put("LOW", new HashMap<>(Map.of("HIGH", "P3", "MEDIUM", "P4", "LOW", "P4")));
    return m;
  }

  @Test
  void theDocumentOfTheDefaultsReadsBackAsTheDefaults() {
    PriorityPolicy defaults = PriorityPolicy.defaults();
    PriorityPolicy.Parsed parsed =
        PriorityPolicy.parse(defaults.matrixDocument(), defaults.escalationDocument());
    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.policy().matrixDocument()).isEqualTo(defaultMatrix());
    assertThat(parsed.policy().escalationDocument())
        .containsExactly(Map.entry("P1", 50), Map.entry("P2", 75));
  }

  @Test
  void aChangedCellAndShareAreWhatTheTicketsGet() {
    Map<String, Map<String, String>> matrix = defaultMatrix();
    matrix.get("MEDIUM").put("HIGH", "P1");
    Map<String, Integer> escalation = new HashMap<>(Map.of("P1", 50, "P3", 90));
    escalation.put("P2", null);
    PriorityPolicy policy = PriorityPolicy.parse(matrix, escalation).policy();

    assertThat(policy.matrix().priorityOf(Impact.MEDIUM, Urgency.HIGH)).isEqualTo(Priority.P1);
    assertThat(policy.matrix().priorityOf(Impact.HIGH, Urgency.LOW)).isEqualTo(Priority.P3);
    assertThat(
            policy
                .escalation()
                .escalation(Priority.P3, SupportLevel.L1, false, ClockKind.INTERVENTION, 90))
        .contains(SupportLevel.L2);
    assertThat(
            policy
                .escalation()
                .escalation(Priority.P2, SupportLevel.L1, false, ClockKind.INTERVENTION, 100))
        .isEmpty();
  }

  @Test
  void everyRefusalNamesItsCellOrField() {
    Map<String, Map<String, String>> matrix = defaultMatrix();
    matrix.get("LOW").remove("LOW");
    matrix.get("HIGH").put("MEDIUM", "P5");
    matrix.get("MEDIUM").put("SOMEDAY", "P4");
    matrix.put("HUGE", Map.of());
    PriorityPolicy.Parsed parsed =
        PriorityPolicy.parse(matrix, Map.of("P2", 60, "P9", 50, "P1", 50));

    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "matrix.HUGE",
            "matrix.HIGH.MEDIUM",
            "matrix.MEDIUM.SOMEDAY",
            "matrix.LOW.LOW",
            "escalation.P2",
            "escalation.P9");

    Map<String, Map<String, String>> noRow = defaultMatrix();
    noRow.remove("MEDIUM");
    assertThat(PriorityPolicy.parse(noRow, Map.of()).errors())
        .extracting(FieldError::field)
        .containsExactly("matrix.MEDIUM");
    assertThat(PriorityPolicy.parse(null, null).errors())
        .extracting(FieldError::field)
        .containsExactly("matrix", "escalation");
  }
}
