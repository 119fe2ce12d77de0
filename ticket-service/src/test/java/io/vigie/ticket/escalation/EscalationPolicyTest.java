package io.vigie.ticket.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.ClockKind;
import io.vigie.events.ticket.SupportLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

  final EscalationPolicy policy = EscalationPolicy.defaults();

  @Test
  void anUnacknowledgedP1MovesToL2AtHalfItsGti() {
    assertThat(policy.escalation(Priority.P1, SupportLevel.L1, false, ClockKind.INTERVENTION, 50))
        .contains(SupportLevel.L2);
    assertThat(policy.escalation(Priority.P1, SupportLevel.L1, false, ClockKind.INTERVENTION, 90))
        .contains(SupportLevel.L2);
  }

  @Test
  void aP2WaitsForThreeQuarters() {
    assertThat(policy.escalation(Priority.P2, SupportLevel.L1, false, ClockKind.INTERVENTION, 50))
        .isEmpty();
    assertThat(policy.escalation(Priority.P2, SupportLevel.L1, false, ClockKind.INTERVENTION, 75))
        .contains(SupportLevel.L2);
  }

  @Test
  void anAcknowledgedOrAlreadyEscalatedTicketStaysWhereItIsOnTheGti() {
    assertThat(policy.escalation(Priority.P1, SupportLevel.L1, true, ClockKind.INTERVENTION, 100))
        .isEmpty();
    assertThat(policy.escalation(Priority.P1, SupportLevel.L2, false, ClockKind.INTERVENTION, 100))
        .isEmpty();
    assertThat(policy.escalation(Priority.P4, SupportLevel.L1, false, ClockKind.INTERVENTION, 100))
        .isEmpty();
  }

  @Test
  void aResolutionBreachMovesOneLevelUpUntilL3() {
    assertThat(policy.escalation(Priority.P3, SupportLevel.L1, true, ClockKind.RESOLUTION, 100))
        .contains(SupportLevel.L2);
    assertThat(policy.escalation(Priority.P3, SupportLevel.L2, true, ClockKind.RESOLUTION, 100))
        .contains(SupportLevel.L3);
    assertThat(policy.escalation(Priority.P3, SupportLevel.L3, true, ClockKind.RESOLUTION, 100))
        .isEmpty();
    assertThat(policy.escalation(Priority.P3, SupportLevel.L1, true, ClockKind.RESOLUTION, 90))
        .isEmpty();
  }

  @Test
  void sharesAreConfigurablePerPriorityWithinOneToAHundred() {
    EscalationPolicy strict = EscalationPolicy.of(Map.of(Priority.P3, 90));
    assertThat(strict.escalation(Priority.P3, SupportLevel.L1, false, ClockKind.INTERVENTION, 90))
        .contains(SupportLevel.L2);
    assertThat(strict.escalation(Priority.P1, SupportLevel.L1, false, ClockKind.INTERVENTION, 90))
        .isEmpty();
    assertThatThrownBy(() -> EscalationPolicy.of(Map.of(Priority.P1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
