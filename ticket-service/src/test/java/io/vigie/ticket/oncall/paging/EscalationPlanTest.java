package io.vigie.ticket.oncall.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.oncall.paging.EscalationPlan.Position;
import io.vigie.ticket.oncall.paging.PolicyChoice.Attachment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPlanTest {

  @Test
  void threeStepsRepeatedOnceThenExhausted() {
    EscalationPlan plan =
        new EscalationPlan(
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15)), 1);
    assertThat(plan.after(new Position(0, 0))).isEqualTo(new Position(0, 1));
    assertThat(plan.after(new Position(0, 2))).isEqualTo(new Position(1, 0));
    assertThat(plan.after(new Position(1, 2))).isNull();
    assertThat(plan.delay(new Position(1, 1))).isEqualTo(Duration.ofMinutes(10));
    assertThat(new EscalationPlan(List.of(Duration.ofMinutes(1)), 0).after(new Position(0, 0)))
        .isNull();
  }

  @Test
  void theMostSpecificAttachmentWins() {
    List<Attachment<String>> all =
        List.of(
            new Attachment<>("default", null, null),
            new Attachment<>("p1", null, "P1"),
            new Attachment<>("lumiere", "lumiere", null),
            new Attachment<>("lumiere-p1", "lumiere", "P1"));
    assertThat(PolicyChoice.choose(all, "lumiere", "P1")).contains("lumiere-p1");
    assertThat(PolicyChoice.choose(all, "lumiere", "P3")).contains("lumiere");
    assertThat(PolicyChoice.choose(all, "saint-roch", "P1")).contains("p1");
    assertThat(PolicyChoice.choose(all, "saint-roch", "P2")).contains("default");
    assertThat(PolicyChoice.choose(all, null, "P2")).contains("default");
    assertThat(PolicyChoice.choose(List.of(new Attachment<>("x", "a", null)), "b", "P1")).isEmpty();
  }
}
