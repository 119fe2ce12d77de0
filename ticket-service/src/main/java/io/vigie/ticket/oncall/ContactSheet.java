package io.vigie.ticket.oncall;

import io.vigie.kit.problem.Problem.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's contact methods and notification rules, checked as a whole: names unique, an email
 * address that looks like one, an http(s) webhook with a secret of at least 24 characters, rules
 * naming an existing method with a delay between 0 and 1 hour, at least one rule. Every refusal
 * names its field ({@code contactMethods[1].address}, {@code notificationRules[0].contact}). Plain
 * Java.
 */
public final class ContactSheet {

  static final Duration LONGEST_DELAY = Duration.ofHours(1);
  static final int SHORTEST_SECRET = 24;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

  private ContactSheet() {}

  /**
   * The refusals for these methods and rules; empty when they may be stored. {@code keptSecrets}
   * are the secrets already stored by method name: a webhook sent again without its secret keeps
   * the stored one.
   */
  public static List<FieldError> check(
      List<ContactMethod> methods, List<NotificationRule> rules, Set<String> keptSecrets) {
    List<FieldError> errors = new ArrayList<>();
    if (methods == null || methods.isEmpty()) {
      errors.add(new FieldError("contactMethods", "at least one contact method is needed"));
      methods = List.of();
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < methods.size(); i++) {
      ContactMethod m = methods.get(i);
      String at = "contactMethods[" + i + "]";
      if (m == null) {
        errors.add(new FieldError(at, "must not be null"));
        continue;
      }
      if (m.name() == null || !NAME.matcher(m.name()).matches()) {
        errors.add(
            new FieldError(at + ".name", "lower-case letters, digits and dashes, 1-40 characters"));
      } else if (!names.add(m.name())) {
        errors.add(new FieldError(at + ".name", "another contact method has this name"));
      }
      if (m.kind() == null) {
        errors.add(new FieldError(at + ".kind", "EMAIL or WEBHOOK"));
        continue;
      }
      String address = m.address() == null ? "" : m.address().strip();
      switch (m.kind()) {
        case EMAIL -> {
          if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            errors.add(new FieldError(at + ".address", "not an email address"));
          }
          if (m.secret() != null) {
            errors.add(new FieldError(at + ".secret", "only a webhook has a secret"));
          }
        }
        case WEBHOOK -> {
          if (!isWebAddress(address)) {
            errors.add(new FieldError(at + ".address", "an absolute http or https URL"));
          }
          if (m.secret() == null) {
            if (m.name() == null || !keptSecrets.contains(m.name())) {
              errors.add(new FieldError(at + ".secret", "a webhook needs a signing secret"));
            }
          } else if (m.secret().length() < SHORTEST_SECRET || m.secret().length() > 200) {
            errors.add(
                new FieldError(
                    at + ".secret", "between " + SHORTEST_SECRET + " and 200 characters"));
          }
        }
      }
    }
    if (rules == null || rules.isEmpty()) {
      errors.add(new FieldError("notificationRules", "at least one notification rule is needed"));
      rules = List.of();
    }
    for (int i = 0; i < rules.size(); i++) {
      NotificationRule r = rules.get(i);
      String at = "notificationRules[" + i + "]";
      if (r == null) {
        errors.add(new FieldError(at, "must not be null"));
        continue;
      }
      if (r.contact() == null || !names.contains(r.contact())) {
        errors.add(new FieldError(at + ".contact", "names none of the contact methods"));
      }
      if (r.after() == null || r.after().isNegative() || r.after().compareTo(LONGEST_DELAY) > 0) {
        errors.add(new FieldError(at + ".after", "a duration between PT0S and PT1H"));
      }
    }
    return errors;
  }

  private static boolean isWebAddress(String address) {
    try {
      URI uri = new URI(address);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && address.length() <= 2_000;
    } catch (Exception e) {
      return false;
    }
  }
}
