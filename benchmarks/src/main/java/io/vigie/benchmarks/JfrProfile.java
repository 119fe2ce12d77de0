package io.vigie.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's CPU went during one measured run, from its Flight Recorder file: the share of
 * execution samples (JFR's {@code profile} settings sample running Java threads every 10 ms) whose
 * stack passes through each component — a sample counts for every component on its stack, so the
 * shares add up to more than 100 % — and the methods most often on top of the stack.
 *
 * @param samples the execution samples taken between the run's start and end
 * @param components share of samples per component, largest first
 * @param hotMethods share of samples per top-of-stack method, largest first
 */
record JfrProfile(int samples, List<Share> components, List<Share> hotMethods) {

  record Share(String name, double percent) {}

  private record Component(String name, Predicate<String> owns) {}

  /** The parts of a request's path, by the class names of their frames. */
  private static final List<Component> COMPONENTS =
      List.of(
          new Component(
              "Hibernate ORM and Reactive (session, persist, flush, dirty checking)",
              c -> c.startsWith("org.hibernate.") && !c.startsWith("org.hibernate.validator.")),
          new Component(
              "Bean Validation (Hibernate Validator)",
              c -> c.startsWith("org.hibernate.validator.")),
          new Component("Jackson (JSON)", c -> c.startsWith("com.fasterxml.jackson.")),
          new Component(
              "Vert.x SQL client (PostgreSQL protocol)",
              c -> c.startsWith("io.vertx.pgclient.") || c.startsWith("io.vertx.sqlclient.")),
          new Component(
              "Quarkus REST (routing, reading and writing bodies)",
              c ->
                  c.startsWith("org.jboss.resteasy.reactive.")
                      || c.startsWith("io.quarkus.resteasy.reactive.")),
          new Component(
              "Security (bearer token, identity)",
              c ->
                  c.startsWith("io.quarkus.security.")
                      || c.startsWith("io.quarkus.oidc.")
                      || c.startsWith("io.smallrye.jwt.")
                      || c.startsWith("org.jose4j.")
                      || c.startsWith("io.vigie.kit.security.")),
          new Component("Kafka client (outbox relay)", c -> c.startsWith("org.apache.kafka.")),
          new Component("Micrometer (metrics)", c -> c.startsWith("io.micrometer.")),
          new Component(
              "Netty (sockets, buffers)", c -> c.startsWith("io.netty.") && !c.contains(".jfr.")),
          new Component("Vigie's own code", c -> c.startsWith("io.vigie.")));

  private static final int HOT_METHODS = 12;

  /** The profile of the samples taken in [from, to], or an empty one if the file has none. */
  static JfrProfile of(Path recording, Instant from, Instant to) throws IOException {
    int samples = 0;
    Map<String, Integer> perComponent = new HashMap<>();
    Map<String, Integer> perMethod = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        Instant at = event.getStartTime();
        RecordedStackTrace stack = event.getStackTrace();
        if (at.isBefore(from) || at.isAfter(to) || stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        Set<String> seen = new LinkedHashSet<>();
        for (RecordedFrame frame : stack.getFrames()) {
          if (frame.getMethod() == null || frame.getMethod().getType() == null) {
            continue;
          }
          String type = frame.getMethod().getType().getName();
          for (Component component : COMPONENTS) {
            if (component.owns().test(type)) {
              seen.add(component.name());
            }
          }
        }
        seen.forEach(name -> perComponent.merge(name, 1, Integer::sum));
        RecordedFrame top = stack.getFrames().get(0);
        String method =
            top.getMethod() == null
                ? "(unknown)"
                : top.getMethod().getType().getName() + "." + top.getMethod().getName();
        perMethod.merge(method, 1, Integer::sum);
      }
    }
    return new JfrProfile(
        samples,
        shares(perComponent, samples, COMPONENTS.size()),
        shares(perMethod, samples, HOT_METHODS));
  }

  private static List<Share> shares(Map<String, Integer> counts, int samples, int limit) {
    List<Share> shares = new ArrayList<>();
    counts.forEach(
        (name, n) -> shares.add(new Share(name, samples == 0 ? 0 : 100.0 * n / samples)));
    shares.sort(Comparator.comparingDouble(Share::percent).reversed().thenComparing(Share::name));
    return shares.subList(0, Math.min(limit, shares.size()));
  }

  /** Two tables: the components' shares, then the hottest methods. */
  String markdown(String scenario) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "#### %s — %d samples\n\n", scenario, samples));
    md.append("| component (anywhere on the stack) | share of samples |\n|---|---:|\n");
    for (Share share : components) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f %% |\n", share.name(), share.percent()));
    }
    md.append("\n| method on top of the stack | share of samples |\n|---|---:|\n");
    for (Share share : hotMethods) {
      md.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |\n", share.name(), share.percent()));
    }
    md.append('\n');
    return md.toString();
  }
}
