package io.vigie.kit.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of a list as a keyset: columns that are never null and end on a unique one, all
 * ascending or all descending. The last row's values of these columns are the cursor of the next
 * page, so a page costs an index range scan however deep it is, and rows inserted meanwhile neither
 * repeat nor shift what follows.
 */
public final class Keyset {

  /** A sort column: its SQL expression and the type its cursor value is cast back to. */
  record Key(String expression, String type) {}

  private final List<Key> keys;
  private final boolean descending;

  private Keyset(List<Key> keys, boolean descending) {
    this.keys = List.copyOf(keys);
    this.descending = descending;
  }

  /** Ascending on {@code expression} (cast to {@code type}, e.g. text, uuid, timestamptz). */
  public static Keyset ascending(String expression, String type) {
    return new Keyset(List.of(), false).then(expression, type);
  }

  /** Descending (newest first and the like). */
  public static Keyset descending(String expression, String type) {
    return new Keyset(List.of(), true).then(expression, type);
  }

  /** The next sort column; the last one must be unique (an id). */
  public Keyset then(String expression, String type) {
    List<Key> more = new ArrayList<>(keys);
    more.add(new Key(expression, type));
    return new Keyset(more, descending);
  }

  int size() {
    return keys.size();
  }

  String selectList() {
    return String.join(", ", keys.stream().map(k -> "(" + k.expression() + ")::text").toList());
  }

  String orderBy() {
    String direction = descending ? " desc" : "";
    return String.join(", ", keys.stream().map(k -> k.expression() + direction).toList());
  }

  /** {@code (a, b) > (?::text, ?::uuid)}, adding the cursor's values to {@code parameters}. */
  String after(List<String> cursor, List<Object> parameters) {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      columns.add(keys.get(i).expression());
      values.add("?::" + keys.get(i).type());
      parameters.add(cursor.get(i));
    }
    return "("
        + String.join(", ", columns)
        + ") "
        + (descending ? "<" : ">")
        + " ("
        + String.join(", ", values)
        + ")";
  }
}
