package io.vigie.monitoring.rules;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The enabled CHECK rules, kept in memory (refreshed every rule-evaluation interval) so a check
 * result never waits on a query to know how many failures make an alert.
 */
@ApplicationScoped
public class CheckRules {

  private volatile List<CompiledRule> rules = List.of();

  /** Consecutive failures the first matching rule asks for (by rule name order), if any. */
  public Optional<Integer> failuresToAlert(String checkName) {
    return rules.stream()
        .filter(r -> r.checkPattern().matcher(checkName).matches())
        .map(r -> r.definition().consecutiveFailures())
        .findFirst();
  }

  @Scheduled(
      every = "${vigie.monitoring.rules.evaluation-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return Panache.withSession(
        () ->
            AlertRule.<AlertRule>list(
                    "kind = ?1 and enabled = true order by name", RuleDefinition.Kind.CHECK)
                .invoke(
                    found ->
                        rules =
                            found.stream()
                                .map(
                                    r ->
                                        CompiledRule.compile(r.id, RuleService.parse(r.definition)))
                                .toList())
                .replaceWithVoid());
  }
}
