package io.vigie.monitoring.rules;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Which rule raised an alert and the runbook it names, as {@code AlertFired} carries them: a metric
 * rule by the alert's source ({@code rule:<name>}), a check alert by the first enabled CHECK rule
 * (by name) matching its check, the one that set its threshold; an Alertmanager alert by its {@code
 * alertname} and {@code runbook_url} annotation (Prometheus' convention), kept only when it is a
 * runbook reference a rule could name. Read when the alert is published, so a runbook added to the
 * rule while the alert was pending is on the page. Runs in the caller's session.
 */
@ApplicationScoped
public class RuleRunbooks {

  /** The rule's name and runbook, either null. */
  public record RuleRunbook(String rule, String runbook) {
    static final RuleRunbook NONE = new RuleRunbook(null, null);
  }

  public Uni<RuleRunbook> of(String source, Map<String, String> annotations) {
    if (source == null) {
      return Uni.createFrom().item(RuleRunbook.NONE);
    }
    if (source.startsWith("rule:")) {
      String name = source.substring("rule:".length());
      return AlertRule.<AlertRule>find("name", name)
          .firstResult()
          .map(
              stored -> {
                try {
                  return new RuleRunbook(
                      name,
                      stored == null
                          ? null
                          : Runbook.orNull(RuleService.parse(stored.definition).runbook()));
                } catch (IllegalStateException e) {
                  return new RuleRunbook(name, null); // a stored rule that no longer parses
                }
              });
    }
    if (source.startsWith("check:")) {
      String check = source.substring("check:".length());
      return AlertRule.<AlertRule>list(
              "kind = ?1 and enabled = true order by name", RuleDefinition.Kind.CHECK)
          .map(
              rules -> {
                for (AlertRule stored : rules) {
                  CompiledRule rule;
                  try {
                    rule = CompiledRule.compile(stored.id, RuleService.parse(stored.definition));
                  } catch (RuntimeException e) {
                    continue; // a stored rule that no longer compiles names nothing
                  }
                  if (rule.checkPattern().matcher(check).matches()) {
                    return new RuleRunbook(
                        stored.name, Runbook.orNull(rule.definition().runbook()));
                  }
                }
                return RuleRunbook.NONE;
              });
    }
    if (source.startsWith("alertmanager:")) {
      String runbook = annotations == null ? null : annotations.get("runbook_url");
      return Uni.createFrom()
          .item(
              new RuleRunbook(source.substring("alertmanager:".length()), Runbook.orNull(runbook)));
    }
    return Uni.createFrom().item(RuleRunbook.NONE);
  }
}
