package io.vigie.ticket.intervention;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The moves of a planned intervention, as plain rules. Staff propose it; each affected client
 * answers (accept, decline with a reason, or propose another slot) and may change its answer while
 * the intervention is still proposed; once every consent is accepted it is scheduled (at once when
 * it concerns no client). Staff may move the window of a proposed intervention, which asks every
 * client again. A scheduled intervention starts once its window has opened and ends whenever the
 * work is done; a proposed or scheduled one may be cancelled. Started, ended and cancelled are
 * final as far as consent goes; ended and cancelled are final altogether.
 */
public final class InterventionLifecycle {

  private InterventionLifecycle() {}

  /** What someone wants to do to an intervention. */
  public enum Move {
    ANSWER,
    RESCHEDULE,
    START,
    END,
    CANCEL
  }

  /** Why a move is refused, or empty when it is allowed at {@code now}. */
  public static Optional<String> refusal(
      InterventionStatus status, Move move, Instant startsAt, Instant now) {
    return switch (move) {
      case ANSWER ->
          status == InterventionStatus.PROPOSED
              ? Optional.empty()
              : Optional.of(
                  "Consent is asked only while the intervention is proposed; it is " + status);
      case RESCHEDULE ->
          status == InterventionStatus.PROPOSED
              ? Optional.empty()
              : Optional.of(
                  "Only a proposed intervention is moved; it is "
                      + status
                      + " (cancel it and propose another)");
      case START -> {
        if (status != InterventionStatus.SCHEDULED) {
          yield Optional.of("Only a scheduled intervention starts; it is " + status);
        }
        yield now.isBefore(startsAt)
            ? Optional.of("The window agreed with the clients opens at " + startsAt)
            : Optional.empty();
      }
      case END ->
          status == InterventionStatus.STARTED
              ? Optional.empty()
              : Optional.of("Only a started intervention ends; it is " + status);
      case CANCEL ->
          status == InterventionStatus.PROPOSED || status == InterventionStatus.SCHEDULED
              ? Optional.empty()
              : Optional.of(
                  "Only a proposed or scheduled intervention is cancelled; it is " + status);
    };
  }

  /** The status after the clients' answers: scheduled once every one is accepted. */
  public static InterventionStatus afterAnswers(Collection<ConsentAnswer> answers) {
    return answers.stream().allMatch(a -> a == ConsentAnswer.ACCEPTED)
        ? InterventionStatus.SCHEDULED
        : InterventionStatus.PROPOSED;
  }

  /** Checks a window: it ends after it starts. Returns the offending field, or empty. */
  public static Optional<String> badWindow(Instant startsAt, Instant endsAt) {
    return endsAt.isAfter(startsAt) ? Optional.empty() : Optional.of("endsAt");
  }
}
