package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers with two replica ids share one database in this JVM: once each sees the other,
 * every check is run by exactly one of them; when one leaves, the other takes its checks.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class ReplicaSharingTest {

  @Inject ProbeRuntime runtime;
  @Inject Vertx vertx;

  @Test
  void eachCheckIsRunByExactlyOneReplica() throws Exception {
    ProbeScheduler first = runtime.scheduler().orElseThrow();
    ProbeScheduler second =
        runtime.newScheduler("replica-b-" + UUID.randomUUID().toString().substring(0, 6));
    String deployment =
        second.deployOn(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    List<UUID> checks = new ArrayList<>();
    try (ServerSocket open = new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"))) {
      UUID server = InventoryFeed.activeServer("shared");
      for (int i = 0; i < 16; i++) {
        Map<String, Object> port = Map.of("host", "127.0.0.1", "port", open.getLocalPort());
        checks.add(
            ActiveChecks.created(ActiveChecks.check("port " + i, "TCP", server, 2, 1, port)));
      }
      List<String> both = List.of(first.replicaId(), second.replicaId());
      // converged: both see both, and own complementary halves of our checks
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                Set<UUID> a = mine(first.ownedChecks(), checks);
                Set<UUID> b = mine(second.ownedChecks(), checks);
                Set<UUID> union = new HashSet<>(a);
                union.addAll(b);
                return first.liveReplicas().containsAll(both)
                    && second.liveReplicas().containsAll(both)
                    && first.liveReplicas().size() == 2
                    && union.size() == checks.size()
                    && a.size() + b.size() == checks.size();
              });
      Map<UUID, int[]> before = new HashMap<>();
      checks.forEach(id -> before.put(id, new int[] {first.runs(id), second.runs(id)}));
      // every check runs at least twice more, in all
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  checks.stream()
                      .allMatch(
                          id ->
                              first.runs(id)
                                      - before.get(id)[0]
                                      + second.runs(id)
                                      - before.get(id)[1]
                                  >= 2));
      for (UUID id : checks) {
        int byFirst = first.runs(id) - before.get(id)[0];
        int bySecond = second.runs(id) - before.get(id)[1];
        assertThat(byFirst == 0 || bySecond == 0)
            .as("check %s ran on both replicas (%d and %d runs)", id, byFirst, bySecond)
            .isTrue();
        String owner = CheckOwnership.owner(id, both);
        assertThat(byFirst > 0 ? first.replicaId() : second.replicaId()).isEqualTo(owner);
      }

      // the second replica leaves: the first takes all the checks
      vertx
          .undeploy(deployment)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      deployment = null;
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> mine(first.ownedChecks(), checks).size() == checks.size());
      int[] after = checks.stream().mapToInt(first::runs).toArray();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (int i = 0; i < checks.size(); i++) {
                  if (first.runs(checks.get(i)) <= after[i]) {
                    return false;
                  }
                }
                return true;
              });
    } finally {
      if (deployment != null) {
        vertx
            .undeploy(deployment)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
      checks.forEach(ActiveChecks::delete);
    }
  }

  private static Set<UUID> mine(Set<UUID> owned, List<UUID> checks) {
    Set<UUID> out = new HashSet<>(owned);
    out.retainAll(checks);
    return out;
  }
}
