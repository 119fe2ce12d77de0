package io.vigie.dns.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must change on a provider so it serves the desired zone: per RRset, an add, a change (the
 * whole RRset replaced) or a remove, in owner and type order. The SOA is left out: each provider
 * keeps its own serial mechanics and Vigie sends its serial with the changes. An empty plan means
 * the provider is in sync.
 */
public record Plan(List<Change> changes) {

  public enum Action {
    ADD,
    CHANGE,
    REMOVE
  }

  /** One RRset to bring to {@code after}; {@code before} is what the provider has now. */
  public record Change(Action action, RecordSet.Key key, RecordSet before, RecordSet after) {}

  public Plan {
    changes = List.copyOf(changes);
  }

  public static Plan between(List<RecordSet> desired, List<RecordSet> current) {
    Map<RecordSet.Key, RecordSet> want = index(desired);
    Map<RecordSet.Key, RecordSet> have = index(current);
    TreeSet<RecordSet.Key> keys = new TreeSet<>(want.keySet());
    keys.addAll(have.keySet());
    List<Change> changes = new ArrayList<>();
    for (RecordSet.Key key : keys) {
      RecordSet after = want.get(key);
      RecordSet before = have.get(key);
      if (before == null) {
        changes.add(new Change(Action.ADD, key, null, after));
      } else if (after == null) {
        changes.add(new Change(Action.REMOVE, key, before, null));
      } else if (!after.equals(before)) {
        changes.add(new Change(Action.CHANGE, key, before, after));
      }
    }
    return new Plan(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  private static Map<RecordSet.Key, RecordSet> index(List<RecordSet> sets) {
    return sets.stream()
        .filter(s -> !s.type().equals("SOA"))
        .collect(
            Collectors.toMap(
                RecordSet::key,
                Function.identity(),
                (a, b) -> {
                  throw new IllegalArgumentException("RRset " + a.key() + " given twice");
                },
                TreeMap::new));
  }
}
