package io.vigie.inventory.clients;

import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.SupportHours;
import io.vigie.kit.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** Consistency rules a contract must meet beyond its field constraints. */
public final class ContractRules {

  private ContractRules() {}

  public static void check(ContractTerms contract) {
    SupportHours hours = contract.supportHours();
    try {
      ZoneId.of(hours.timeZone());
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(
          "contract.supportHours.timeZone", "unknown time zone " + hours.timeZone());
    }
    List<BusinessDay> days = hours.businessDays() == null ? List.of() : hours.businessDays();
    if (hours.coverage() == SupportHours.Coverage.BUSINESS_HOURS && days.isEmpty()) {
      throw ProblemException.invalidField(
          "contract.supportHours.businessDays", "business-hours support needs at least one day");
    }
    for (int i = 0; i < days.size(); i++) {
      if (!days.get(i).closesAt().isAfter(days.get(i).opensAt())) {
        throw ProblemException.invalidField(
            "contract.supportHours.businessDays[" + i + "].closesAt", "must be after opensAt");
      }
    }
    EnumSet<PriorityTarget.Priority> seen = EnumSet.noneOf(PriorityTarget.Priority.class);
    for (int i = 0; i < contract.priorityTargets().size(); i++) {
      PriorityTarget target = contract.priorityTargets().get(i);
      String field = "contract.priorityTargets[" + i + "]";
      if (!seen.add(target.priority())) {
        throw ProblemException.invalidField(
            field + ".priority", "priority " + target.priority() + " appears twice");
      }
      if (!isPositive(target.timeToIntervention())) {
        throw ProblemException.invalidField(
            field + ".timeToIntervention", "must be a positive duration");
      }
      if (target.timeToResolution() != null
          && target.timeToResolution().compareTo(target.timeToIntervention()) < 0) {
        throw ProblemException.invalidField(
            field + ".timeToResolution", "cannot be shorter than the time to intervention");
      }
    }
    if (contract.backup().distinctSites() > contract.backup().copies()) {
      throw ProblemException.invalidField(
          "contract.backup.distinctSites", "cannot exceed the number of copies");
    }
    if (contract.drp() != null) {
      if (!isPositive(contract.drp().rpo())) {
        throw ProblemException.invalidField("contract.drp.rpo", "must be a positive duration");
      }
      if (!isPositive(contract.drp().rto())) {
        throw ProblemException.invalidField("contract.drp.rto", "must be a positive duration");
      }
    }
  }

  private static boolean isPositive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
