package io.vigie.monitoring.metrics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The identity of a time series: its labels sorted by name, {@code __name__} included. Immutable,
 * compact (two arrays) and cheap to hash, since the metric head looks series up by it on every
 * write.
 */
public final class SeriesLabels {

  /** The label that carries the metric name. */
  public static final String METRIC_NAME = "__name__";

  private final String[] names;
  private final String[] values;
  private final int hash;

  /** Takes ownership of arrays already sorted by name, without duplicates or empty names. */
  SeriesLabels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /**
   * Labels already sorted by name, without duplicates or empty names, as {@link #name(int)} and
   * {@link #value(int)} give them back (decoding a batch another replica encoded); the arrays are
   * taken, not copied. {@link IllegalArgumentException} when they are not sorted or not paired.
   */
  public static SeriesLabels ofSorted(String[] names, String[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException("one value per label name");
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].isEmpty() || (i > 0 && names[i - 1].compareTo(names[i]) >= 0)) {
        throw new IllegalArgumentException("label names must be sorted, unique and not empty");
      }
    }
    return new SeriesLabels(names, values);
  }

  /**
   * Labels from a map, for tests and load generators. Empty values are left out, as Prometheus
   * treats a label with an empty value as absent.
   */
  public static SeriesLabels of(Map<String, String> labels) {
    String[][] sorted =
        labels.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .sorted(Map.Entry.comparingByKey())
            .map(e -> new String[] {e.getKey(), e.getValue()})
            .toArray(String[][]::new);
    String[] names = new String[sorted.length];
    String[] values = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i][0].isEmpty()) {
        throw new IllegalArgumentException("a label name cannot be empty");
      }
      names[i] = sorted[i][0];
      values[i] = sorted[i][1];
    }
    return new SeriesLabels(names, values);
  }

  /** Label pairs in any order: {@code of("__name__", "node_load1", "instance", "web-1:9100")}. */
  public static SeriesLabels of(String... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs");
    }
    var map = new java.util.HashMap<String, String>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      if (map.put(nameValuePairs[i], nameValuePairs[i + 1]) != null) {
        throw new IllegalArgumentException("duplicate label " + nameValuePairs[i]);
      }
    }
    return of(map);
  }

  /** The value of {@code __name__}, or null. */
  public String metricName() {
    return get(METRIC_NAME);
  }

  /** The value of one label, or null when the series does not have it. */
  public String get(String name) {
    int at = Arrays.binarySearch(names, name);
    return at >= 0 ? values[at] : null;
  }

  public int size() {
    return names.length;
  }

  public String name(int index) {
    return names[index];
  }

  public String value(int index) {
    return values[index];
  }

  /** An unmodifiable view sorted by name, without copying the labels. */
  public Map<String, String> asMap() {
    return new SortedView();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SeriesLabels that
        && hash == that.hash
        && Arrays.equals(names, that.names)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    String metric = metricName();
    out.append(metric == null ? "" : metric).append('{');
    boolean first = true;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(METRIC_NAME)) {
        continue;
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(names[i]).append("=\"").append(values[i]).append('"');
    }
    return out.append('}').toString();
  }

  private final class SortedView extends AbstractMap<String, String> {

    @Override
    public String get(Object key) {
      return key instanceof String name ? SeriesLabels.this.get(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && Arrays.binarySearch(names, name) >= 0;
    }

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < names.length;
            }

            @Override
            public Entry<String, String> next() {
              if (next >= names.length) {
                throw new NoSuchElementException();
              }
              Entry<String, String> entry = Map.entry(names[next], values[next]);
              next++;
              return entry;
            }
          };
        }

        @Override
        public int size() {
          return names.length;
        }
      };
    }
  }
}
