package io.vigie.backup.drp;

import io.vigie.events.backup.DrpDirection;
import io.vigie.events.backup.DrpStepKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steps a run carries out in each direction, from the plan's failover steps.
 *
 * <p>Failover runs the plan's steps as written, DNS switches pointing at the recovery addresses.
 * The return to production is not the failover played backwards, which would point DNS back at
 * production before its data is back: it keeps the rule that data moves before traffic. Its steps
 * are the plan's, regrouped by phase (maintenance mode first, then files and database copied back,
 * then checks and the client's confirmation, then the DNS switches back to the production
 * addresses), keeping the plan's order inside each phase.
 */
public final class DrpScript {

  private DrpScript() {}

  /** The run sheet's steps, all pending, numbered from 1. */
  public static List<SheetStep> steps(List<PlanStep> plan, DrpDirection direction) {
    List<PlanStep> ordered = new ArrayList<>(plan);
    if (direction == DrpDirection.RETURN_TO_PRODUCTION) {
      // List.sort is stable: the plan's order holds inside a phase
      ordered.sort(Comparator.comparingInt(s -> phase(s.kind())));
    }
    List<SheetStep> steps = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      PlanStep s = ordered.get(i);
      List<String> addresses =
          s.kind() != DrpStepKind.DNS_SWITCH
              ? List.of()
              : direction == DrpDirection.FAILOVER
                  ? s.failoverAddresses()
                  : s.productionAddresses();
      steps.add(
          new SheetStep(
              i + 1,
              s.kind(),
              s.name(),
              s.estimated(),
              addresses,
              StepStatus.PENDING,
              0,
              null,
              null,
              null,
              null,
              null));
    }
    return steps;
  }

  static int phase(DrpStepKind kind) {
    return switch (kind) {
      case MAINTENANCE_MODE -> 0;
      case RESTORE_FILES, IMPORT_DATABASE -> 1;
      case CHECK, CONFIRM_BY_TICKET -> 2;
      case DNS_SWITCH -> 3;
    };
  }
}
