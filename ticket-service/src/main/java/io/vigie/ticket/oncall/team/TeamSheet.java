package io.vigie.ticket.oncall.team;

import io.vigie.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A team as an admin writes it, and its check: a name of 1 to 200 characters and 1 to 50 members,
 * each a person already on file, none twice. Plain Java.
 */
public record TeamSheet(String name, List<String> members) {

  public List<FieldError> check(Set<String> people) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new FieldError("name", "1 to 200 characters"));
    }
    if (members == null || members.isEmpty() || members.size() > 50) {
      errors.add(new FieldError("members", "1 to 50 people"));
      return errors;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      String m = members.get(i);
      if (m == null || !people.contains(m)) {
        errors.add(new FieldError("members[" + i + "]", "not a person who can be paged"));
      } else if (!seen.add(m)) {
        errors.add(new FieldError("members[" + i + "]", "named twice"));
      }
    }
    return errors;
  }
}
