package io.vigie.ticket.oncall.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of an escalation policy: notify its targets, then wait {@code delay} (ISO-8601, PT5M)
 * before the next step if nobody acknowledged.
 */
public record PolicyStep(List<StepTarget> targets, String delay) {

  /**
   * Who a step notifies: the on-call of a SCHEDULE (its id), a PERSON (their subject), or every
   * member of a TEAM (its id).
   */
  public record StepTarget(Kind kind, String id) {

    /** What a target names. */
    @Schema(name = "EscalationTargetKind")
    public enum Kind {
      SCHEDULE,
      PERSON,
      TEAM
    }
  }
}
