package io.vigie.monitoring.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.EventJson;
import io.vigie.kit.problem.ProblemException;
import io.vigie.monitoring.alerting.CheckAlerts;
import io.vigie.monitoring.targets.TargetServer;
import io.vigie.monitoring.targets.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Records check results: each result once (a retried batch changes nothing), the latest state per
 * server and check with its consecutive failures. A batch is taken whole or refused whole.
 */
@ApplicationScoped
public class CheckResultService {

  private final CheckAlerts alerts;

  public CheckResultService(CheckAlerts alerts) {
    this.alerts = alerts;
  }

  /** Clocks drift; a result from further in the future than this is refused. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = EventJson.newMapper();

  /** How many results were new and how many had been recorded already. */
  @Schema(name = "CheckResultReceipt", description = "What a batch of check results did")
  public record Receipt(int accepted, int duplicates) {}

  @WithTransaction
  public Uni<Receipt> record(CheckResultBatch batch) {
    List<CheckResultBatch.Result> results = batch.results();
    String[] perfdata = new String[results.size()];
    Instant latest = Instant.now().plus(CLOCK_SKEW);
    for (int i = 0; i < results.size(); i++) {
      CheckResultBatch.Result r = results.get(i);
      String field = "results[" + i + "]";
      if (r.serverId() == null && (r.hostname() == null || r.hostname().isBlank())) {
        throw ProblemException.invalidField(
            field + ".serverId", "give the serverId or the hostname");
      }
      if (r.executedAt().isAfter(latest)) {
        throw ProblemException.invalidField(field + ".executedAt", "is in the future");
      }
      try {
        perfdata[i] = JSON.writeValueAsString(PerfData.parseAll(r.perfdata()));
      } catch (PerfData.Malformed e) {
        throw ProblemException.invalidField(field + ".perfdata", e.getMessage());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return checkHostedServices(results)
        .chain(() -> resolveServers(results))
        .chain(
            servers -> {
              AtomicInteger accepted = new AtomicInteger();
              return Multi.createFrom()
                  .range(0, results.size())
                  .onItem()
                  .transformToUniAndConcatenate(
                      i ->
                          store(servers[i], results.get(i), perfdata[i])
                              .invoke(
                                  isNew -> {
                                    if (isNew) {
                                      accepted.incrementAndGet();
                                    }
                                  }))
                  .collect()
                  .last()
                  .map(ignored -> new Receipt(accepted.get(), results.size() - accepted.get()));
            });
  }

  /** A hosted service named by a result must be known; an unknown one refuses the batch. */
  private static Uni<Void> checkHostedServices(List<CheckResultBatch.Result> results) {
    List<UUID> ids =
        results.stream()
            .map(CheckResultBatch.Result::hostedServiceId)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return TargetService.<TargetService>list("id in ?1", ids)
        .map(
            known -> {
              var knownIds = known.stream().map(s -> s.id).collect(Collectors.toSet());
              for (int i = 0; i < results.size(); i++) {
                UUID id = results.get(i).hostedServiceId();
                if (id != null && !knownIds.contains(id)) {
                  throw ProblemException.invalidField(
                      "results[" + i + "].hostedServiceId",
                      "no such hosted service in the inventory");
                }
              }
              return null;
            });
  }

  /** The server of each result, in order; an unknown one refuses the batch naming the result. */
  private static Uni<TargetServer[]> resolveServers(List<CheckResultBatch.Result> results) {
    List<UUID> ids =
        results.stream()
            .map(CheckResultBatch.Result::serverId)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    List<String> hostnames =
        results.stream()
            .filter(r -> r.serverId() == null)
            .map(CheckResultBatch.Result::hostname)
            .distinct()
            .toList();
    Uni<List<TargetServer>> byId =
        ids.isEmpty()
            ? Uni.createFrom().item(List.of())
            : TargetServer.<TargetServer>list("id in ?1", ids);
    Uni<List<TargetServer>> byName =
        hostnames.isEmpty()
            ? Uni.createFrom().item(List.of())
            : TargetServer.<TargetServer>list("hostname in ?1", hostnames);
    return byId.chain(
        known ->
            byName.map(
                named -> {
                  Map<UUID, TargetServer> idIndex = new HashMap<>();
                  known.forEach(s -> idIndex.put(s.id, s));
                  Map<String, TargetServer> nameIndex = new HashMap<>();
                  named.forEach(s -> nameIndex.put(s.hostname, s));
                  TargetServer[] servers = new TargetServer[results.size()];
                  for (int i = 0; i < results.size(); i++) {
                    CheckResultBatch.Result r = results.get(i);
                    TargetServer server =
                        r.serverId() != null
                            ? idIndex.get(r.serverId())
                            : nameIndex.get(r.hostname());
                    if (server == null) {
                      String field =
                          "results[" + i + "]." + (r.serverId() != null ? "serverId" : "hostname");
                      throw ProblemException.invalidField(field, "no such server in the inventory");
                    }
                    servers[i] = server;
                  }
                  return servers;
                }));
  }

  /** Inserts the result unless already recorded; returns whether it was new. */
  private Uni<Boolean> store(TargetServer server, CheckResultBatch.Result r, String perfdata) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into check_result (server_id, check_name, executed_at, status, output, perfdata,"
                            + " hosted_service_id) values (:server, :check, :at, :status, :output,"
                            + " :perfdata, :service) on conflict do nothing")
                    .setParameter("server", server.id)
                    .setParameter("check", r.check())
                    .setParameter("at", r.executedAt())
                    .setParameter("status", r.status().name())
                    .setParameter("output", r.output())
                    .setParameter("perfdata", perfdata)
                    .setParameter("service", r.hostedServiceId())
                    .executeUpdate())
        .chain(
            inserted ->
                inserted == 0
                    ? Uni.createFrom().item(false)
                    : updateState(server, r).replaceWith(true));
  }

  private Uni<Void> updateState(TargetServer server, CheckResultBatch.Result r) {
    return CheckState.<CheckState>find("serverId = ?1 and checkName = ?2", server.id, r.check())
        .firstResult()
        .chain(
            existing -> {
              CheckState state = existing == null ? new CheckState() : existing;
              if (existing == null) {
                state.serverId = server.id;
                state.checkName = r.check();
              }
              state.hostedServiceId = r.hostedServiceId();
              if (!state.apply(r.status(), r.output(), r.executedAt())) {
                return Uni.createFrom().voidItem(); // a late result: kept in history only
              }
              Uni<Void> saved =
                  existing == null
                      ? state.persist().replaceWithVoid()
                      : Uni.createFrom().voidItem();
              return saved.chain(() -> alerts.evaluate(state, server.hostname));
            });
  }
}
