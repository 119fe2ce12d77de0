package io.vigie.ticket.intervention;

import static io.vigie.ticket.intervention.InterventionStatus.CANCELLED;
import static io.vigie.ticket.intervention.InterventionStatus.ENDED;
import static io.vigie.ticket.intervention.InterventionStatus.PROPOSED;
import static io.vigie.ticket.intervention.InterventionStatus.SCHEDULED;
import static io.vigie.ticket.intervention.InterventionStatus.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.intervention.InterventionLifecycle.Move;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterventionLifecycleTest {

  static final Instant OPENS = Instant.parse("2026-12-02T22:00:00Z");
  static final Instant BEFORE = OPENS.minusSeconds(1);

  /** Every allowed (status, move); every other pair is refused. */
  static final Map<InterventionStatus, Set<Move>> ALLOWED =
      Map.of(
          PROPOSED, EnumSet.of(Move.ANSWER, Move.RESCHEDULE, Move.CANCEL),
          SCHEDULED, EnumSet.of(Move.START, Move.CANCEL),
          STARTED, EnumSet.of(Move.END),
          ENDED, EnumSet.noneOf(Move.class),
          CANCELLED, EnumSet.noneOf(Move.class));

  @Test
  void exactlyTheListedMovesAreAllowedOnceTheWindowIsOpen() {
    for (InterventionStatus status : InterventionStatus.values()) {
      for (Move move : Move.values()) {
        assertThat(InterventionLifecycle.refusal(status, move, OPENS, OPENS).isEmpty())
            .as("%s from %s", move, status)
            .isEqualTo(ALLOWED.get(status).contains(move));
      }
    }
  }

  @Test
  void aScheduledInterventionDoesNotStartBeforeItsWindowOpens() {
    assertThat(InterventionLifecycle.refusal(SCHEDULED, Move.START, OPENS, BEFORE))
        .hasValueSatisfying(why -> assertThat(why).contains("opens at 2026-12-02T22:00:00Z"));
    assertThat(InterventionLifecycle.refusal(SCHEDULED, Move.START, OPENS, OPENS)).isEmpty();
    // ending or cancelling early is always possible
    assertThat(InterventionLifecycle.refusal(SCHEDULED, Move.CANCEL, OPENS, BEFORE)).isEmpty();
  }

  @Test
  void itIsScheduledOnlyWhenEveryConsentIsAccepted() {
    assertThat(InterventionLifecycle.afterAnswers(List.of(ConsentAnswer.ACCEPTED)))
        .isEqualTo(SCHEDULED);
    assertThat(
            InterventionLifecycle.afterAnswers(
                List.of(ConsentAnswer.ACCEPTED, ConsentAnswer.PENDING)))
        .isEqualTo(PROPOSED);
    assertThat(
            InterventionLifecycle.afterAnswers(
                List.of(ConsentAnswer.ACCEPTED, ConsentAnswer.DECLINED)))
        .isEqualTo(PROPOSED);
    assertThat(InterventionLifecycle.afterAnswers(List.of(ConsentAnswer.OTHER_SLOT_PROPOSED)))
        .isEqualTo(PROPOSED);
    // nobody to ask
    assertThat(InterventionLifecycle.afterAnswers(List.of())).isEqualTo(SCHEDULED);
  }

  @Test
  void aWindowMustEndAfterItStarts() {
    assertThat(InterventionLifecycle.badWindow(OPENS, OPENS)).contains("endsAt");
    assertThat(InterventionLifecycle.badWindow(OPENS, BEFORE)).contains("endsAt");
    assertThat(InterventionLifecycle.badWindow(BEFORE, OPENS)).isEmpty();
  }
}
