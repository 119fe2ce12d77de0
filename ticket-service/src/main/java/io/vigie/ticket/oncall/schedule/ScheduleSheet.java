package io.vigie.ticket.oncall.schedule;

import io.vigie.kit.problem.Problem.FieldError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A schedule as an admin writes it, and its check: a known time zone, at least one layer, each with
 * participants (people who can be paged), DAILY or WEEKLY, a hand-off time and a first hand-off
 * date, active hours given both or neither. Every refusal names its field. Plain Java.
 */
public record ScheduleSheet(String name, String timeZone, List<ScheduleLayer> layers) {

  /** The refusals; {@code people} are the subjects known as on-call people. */
  public List<FieldError> check(Set<String> people) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new FieldError("name", "1 to 200 characters"));
    }
    try {
      if (timeZone == null) {
        throw new DateTimeException("none");
      }
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      errors.add(new FieldError("timeZone", "a time zone such as Europe/Paris"));
    }
    if (layers == null || layers.isEmpty()) {
      errors.add(new FieldError("layers", "at least one layer is needed"));
      return errors;
    }
    for (int i = 0; i < layers.size(); i++) {
      ScheduleLayer l = layers.get(i);
      String at = "layers[" + i + "]";
      if (l == null) {
        errors.add(new FieldError(at, "must not be null"));
        continue;
      }
      if (l.name() == null || l.name().isBlank() || l.name().length() > 100) {
        errors.add(new FieldError(at + ".name", "1 to 100 characters"));
      }
      if (l.participants() == null || l.participants().isEmpty()) {
        errors.add(new FieldError(at + ".participants", "at least one person"));
      } else {
        for (int p = 0; p < l.participants().size(); p++) {
          if (!people.contains(l.participants().get(p))) {
            errors.add(
                new FieldError(at + ".participants[" + p + "]", "not a person who can be paged"));
          }
        }
      }
      if (!"DAILY".equals(l.shift()) && !"WEEKLY".equals(l.shift())) {
        errors.add(new FieldError(at + ".shift", "DAILY or WEEKLY"));
      }
      if (time(l.handoffTime()) == null) {
        errors.add(new FieldError(at + ".handoffTime", "a local time such as 09:00"));
      }
      if (date(l.firstHandoff()) == null) {
        errors.add(new FieldError(at + ".firstHandoff", "a date such as 2026-11-30"));
      }
      boolean from = l.activeFrom() != null;
      boolean until = l.activeUntil() != null;
      if (from && time(l.activeFrom()) == null) {
        errors.add(new FieldError(at + ".activeFrom", "a local time such as 19:00"));
      }
      if (until && time(l.activeUntil()) == null) {
        errors.add(new FieldError(at + ".activeUntil", "a local time such as 08:00"));
      }
      if (from != until) {
        errors.add(
            new FieldError(at + (from ? ".activeUntil" : ".activeFrom"), "give both or neither"));
      } else if (from
          && time(l.activeFrom()) != null
          && time(l.activeFrom()).equals(time(l.activeUntil()))) {
        errors.add(new FieldError(at + ".activeUntil", "differs from activeFrom"));
      }
    }
    return errors;
  }

  /** The layers as the roster uses them; call after an empty {@link #check}. */
  public static List<Layer> layers(String timeZone, List<ScheduleLayer> layers) {
    ZoneId zone = ZoneId.of(timeZone);
    List<Layer> built = new ArrayList<>();
    for (ScheduleLayer l : layers) {
      Rotation rotation =
          new Rotation(
              l.participants(),
              "WEEKLY".equals(l.shift()) ? 7 : 1,
              time(l.handoffTime()),
              zone,
              date(l.firstHandoff()));
      built.add(new Layer(l.name(), rotation, time(l.activeFrom()), time(l.activeUntil())));
    }
    return built;
  }

  static LocalTime time(String text) {
    try {
      return text == null ? null : LocalTime.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
