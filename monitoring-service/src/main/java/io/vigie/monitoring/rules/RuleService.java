package io.vigie.monitoring.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.EventJson;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.web.ETags;
import io.vigie.monitoring.MonitoringConfig;
import io.vigie.monitoring.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Alert rules: validated on the way in, every version kept, the default pack installed once. */
@ApplicationScoped
public class RuleService {

  static final ObjectMapper JSON = EventJson.newMapper();

  /** A rule as the API shows it. */
  public record RuleView(
      UUID id,
      boolean builtin,
      long version,
      Instant updatedAt,
      String updatedBy,
      RuleDefinition rule) {}

  /** One stored version of a rule. */
  public record Revision(
      long version, Instant changedAt, String changedBy, boolean deleted, RuleDefinition rule) {}

  /** Rules by name (unique). */
  static final Keyset BY_NAME = Keyset.ascending("name", "text");

  private final Reads reads;

  public RuleService(Reads reads) {
    this.reads = reads;
  }

  /** A page of rules, rendered by PostgreSQL ({@code alert_rule_document}). */
  public Uni<Listing<RuleView>> list(RuleDefinition.Kind kind, Boolean enabled, PageRequest page) {
    SqlQuery query =
        SqlQuery.select("doc", "alert_rule_document")
            .where("kind = ?", kind)
            .where("enabled = ?", enabled)
            .keyset(BY_NAME);
    return reads.page(query, page);
  }

  @WithSession
  public Uni<AlertRule> find(UUID id) {
    return AlertRule.<AlertRule>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("alert rule", id));
  }

  @WithTransaction
  public Uni<AlertRule> create(RuleDefinition definition, String actor) {
    validate(definition);
    AlertRule rule = new AlertRule();
    rule.id = Uuids.timeOrdered();
    rule.version = 0;
    apply(rule, definition, actor);
    return AlertRule.count("name", definition.name())
        .chain(
            taken -> {
              if (taken > 0) {
                throw ProblemException.conflict(
                    "an alert rule named " + definition.name() + " exists");
              }
              return rule.persist();
            })
        .chain(() -> revision(rule, false))
        .replaceWith(rule);
  }

  @WithTransaction
  public Uni<AlertRule> update(UUID id, String ifMatch, RuleDefinition definition, String actor) {
    validate(definition);
    return find(id)
        .chain(
            rule -> {
              ETags.requireMatch(ifMatch, rule.version);
              return AlertRule.count("name = ?1 and id <> ?2", definition.name(), id)
                  .chain(
                      taken -> {
                        if (taken > 0) {
                          throw ProblemException.conflict(
                              "an alert rule named " + definition.name() + " exists");
                        }
                        apply(rule, definition, actor);
                        return revision(rule, false).replaceWith(rule);
                      });
            });
  }

  @WithTransaction
  public Uni<Void> delete(UUID id, String ifMatch, String actor) {
    return find(id)
        .chain(
            rule -> {
              ETags.requireMatch(ifMatch, rule.version);
              if (rule.builtin) {
                throw ProblemException.conflict(
                    "rule " + rule.name + " is part of the default pack: disable it instead");
              }
              rule.version++;
              rule.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              rule.updatedBy = actor;
              return revision(rule, true).chain(rule::delete);
            });
  }

  @WithSession
  public Uni<List<Revision>> revisions(UUID id) {
    return Uni.createFrom()
        .voidItem()
        .chain(
            ignored ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createNativeQuery(
                                    "select version, changed_at, changed_by, deleted, definition"
                                        + " from alert_rule_revision where rule_id = ?1 order by version",
                                    Object[].class)
                                .setParameter(1, id)
                                .getResultList())
                    .map(
                        rows ->
                            rows.stream()
                                .map(
                                    r ->
                                        new Revision(
                                            ((Number) r[0]).longValue(),
                                            SqlTime.instant(r[1]),
                                            (String) r[2],
                                            (Boolean) r[3],
                                            parse((String) r[4])))
                                .toList()))
        .invoke(
            found -> {
              if (found.isEmpty()) {
                throw ProblemException.notFound("alert rule", id);
              }
            });
  }

  void onStart(@Observes StartupEvent event, MonitoringConfig config) throws Throwable {
    if (!config.rules().installDefaults()) {
      return;
    }
    int installed = VertxContextSupport.subscribeAndAwait(this::installDefaults);
    if (installed > 0) {
      Log.infof("Installed %d rules of the default rule pack", installed);
    }
  }

  /** Installs the default rule pack's rules whose names are not taken; safe on every replica. */
  public Uni<Integer> installDefaults() {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        Multi.createFrom()
                            .iterable(DefaultRulePack.rules())
                            .onItem()
                            .transformToUniAndConcatenate(
                                d ->
                                    session
                                        .createNativeQuery(
                                            "insert into alert_rule (id, name, kind, enabled, builtin,"
                                                + " definition, version, updated_at, updated_by)"
                                                + " values (?1, ?2, ?3, true, true, ?4, 0, now(),"
                                                + " 'default-rule-pack') on conflict (name) do nothing")
                                        .setParameter(1, Uuids.timeOrdered())
                                        .setParameter(2, d.name())
                                        .setParameter(3, d.kind().name())
                                        .setParameter(4, write(d))
                                        .executeUpdate())
                            .collect()
                            .asList()
                            .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())));
  }

  static RuleView view(AlertRule rule) {
    return new RuleView(
        rule.id,
        rule.builtin,
        rule.version,
        rule.updatedAt,
        rule.updatedBy,
        parse(rule.definition));
  }

  static RuleDefinition parse(String json) {
    try {
      return JSON.readValue(json, RuleDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rule does not parse", e);
    }
  }

  private static void validate(RuleDefinition definition) {
    try {
      CompiledRule.compile(null, definition);
    } catch (CompiledRule.InvalidRule e) {
      throw ProblemException.invalidField(e.field(), e.getMessage());
    }
  }

  private static void apply(AlertRule rule, RuleDefinition definition, String actor) {
    rule.name = definition.name();
    rule.kind = definition.kind();
    rule.enabled = definition.enabledOrDefault();
    rule.definition = write(definition);
    rule.version++;
    rule.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    rule.updatedBy = actor;
  }

  private static Uni<Void> revision(AlertRule rule, boolean deleted) {
    return Panache.flush() // the rule row first: the revision is written in SQL
        .chain(Panache::getSession)
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into alert_rule_revision (rule_id, version, definition, changed_at,"
                            + " changed_by, deleted) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, rule.id)
                    .setParameter(2, rule.version)
                    .setParameter(3, rule.definition)
                    .setParameter(4, rule.updatedAt)
                    .setParameter(5, rule.updatedBy)
                    .setParameter(6, deleted)
                    .executeUpdate())
        .replaceWithVoid();
  }

  private static String write(RuleDefinition definition) {
    try {
      return JSON.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
