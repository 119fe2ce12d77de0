package io.vigie.devstack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher has started, stopped in layers: services first (they hold connections to
 * PostgreSQL and Kafka), then the infrastructure. Within a layer, components stop in parallel.
 */
final class Shutdown {

  enum Layer {
    INFRASTRUCTURE,
    SERVICES
  }

  private record Component(String name, AutoCloseable stopper) {}

  private final Map<Layer, List<Component>> started = new EnumMap<>(Layer.class);
  private boolean stopping;

  /**
   * Registers a started component. Once stopping has begun (Ctrl-C during the start), the component
   * is stopped at once: it would otherwise outlive the launcher.
   */
  void register(Layer layer, String name, AutoCloseable stopper) {
    synchronized (this) {
      if (!stopping) {
        started.computeIfAbsent(layer, key -> new ArrayList<>()).add(new Component(name, stopper));
        return;
      }
    }
    stop(new Component(name, stopper));
  }

  synchronized boolean isStopping() {
    return stopping;
  }

  /** Stops everything registered so far; returns how many components that was. */
  int stopAll() {
    Map<Layer, List<Component>> snapshot;
    synchronized (this) {
      stopping = true;
      snapshot = new EnumMap<>(started);
      started.clear();
    }
    for (Layer layer : List.of(Layer.SERVICES, Layer.INFRASTRUCTURE)) {
      List<Thread> stoppers =
          snapshot.getOrDefault(layer, List.of()).stream()
              .map(component -> Thread.ofVirtual().start(() -> stop(component)))
              .toList();
      for (Thread stopper : stoppers) {
        try {
          stopper.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 0;
        }
      }
    }
    return snapshot.values().stream().mapToInt(List::size).sum();
  }

  private static void stop(Component component) {
    try {
      component.stopper().close();
      Log.info("stopped " + component.name());
    } catch (Exception e) {
      Log.warn("could not stop " + component.name() + ": " + e);
    }
  }
}
