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

  /** The first enabled CHECK rule (by name) matching the check, if any. */
  public Optional<CompiledRule> matching(String checkName) {
    return rules.stream().filter(r -> r.checkPattern().matcher(checkName).matches()).findFirst();
  }

  /** Reloads the rules; every evaluation interval, or at once (a test applying a new rule). */
  @Scheduled(
      every = "${vigie.monitoring.rules.evaluation-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public Uni<Void> refresh() {
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
