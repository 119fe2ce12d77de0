package io.vigie.ticket.oncall.paging;

import io.vigie.kit.problem.Problem.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An escalation policy as an admin writes it, and its check: at least one step, each with targets
 * that exist (a schedule id, a person's subject, a team id) and a delay from PT1M to PT24H; repeat
 * 0 to 10; an optional client ({@code tenant}) and priority (P1-P4); neither makes it the default.
 * Plain Java.
 */
public record PolicySheet(
    String name, String tenant, String priority, List<PolicyStep> steps, Integer repeat) {

  static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");

  public List<FieldError> check(Set<String> people, Set<UUID> schedules, Set<UUID> teams) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new FieldError("name", "1 to 200 characters"));
    }
    if (tenant != null && (tenant.isBlank() || tenant.length() > 100)) {
      errors.add(new FieldError("tenant", "a client code, or left out"));
    }
    if (priority != null && !PRIORITIES.contains(priority)) {
      errors.add(new FieldError("priority", "P1, P2, P3 or P4, or left out"));
    }
    if (repeat == null || repeat < 0 || repeat > 10) {
      errors.add(new FieldError("repeat", "0 to 10"));
    }
    if (steps == null || steps.isEmpty()) {
      errors.add(new FieldError("steps", "at least one step"));
      return errors;
    }
    for (int i = 0; i < steps.size(); i++) {
      PolicyStep s = steps.get(i);
      String at = "steps[" + i + "]";
      if (s == null) {
        errors.add(new FieldError(at, "must not be null"));
        continue;
      }
      Duration delay = duration(s.delay());
      if (delay == null
          || delay.compareTo(Duration.ofMinutes(1)) < 0
          || delay.compareTo(Duration.ofHours(24)) > 0) {
        errors.add(new FieldError(at + ".delay", "a duration from PT1M to PT24H"));
      }
      if (s.targets() == null || s.targets().isEmpty()) {
        errors.add(new FieldError(at + ".targets", "at least one target"));
        continue;
      }
      for (int t = 0; t < s.targets().size(); t++) {
        PolicyStep.StepTarget target = s.targets().get(t);
        String field = at + ".targets[" + t + "]";
        if (target == null || target.kind() == null) {
          errors.add(new FieldError(field + ".kind", "SCHEDULE, PERSON or TEAM"));
        } else if (target.kind() == PolicyStep.StepTarget.Kind.PERSON
            && !people.contains(target.id())) {
          errors.add(new FieldError(field + ".id", "not a person who can be paged"));
        } else if (target.kind() == PolicyStep.StepTarget.Kind.SCHEDULE
            && !schedules.contains(uuid(target.id()))) {
          errors.add(new FieldError(field + ".id", "not a schedule"));
        } else if (target.kind() == PolicyStep.StepTarget.Kind.TEAM
            && !teams.contains(uuid(target.id()))) {
          errors.add(new FieldError(field + ".id", "not a team"));
        }
      }
    }
    return errors;
  }

  static Duration duration(String text) {
    try {
      return text == null ? null : Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
