package io.vigie.monitoring.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Performance data as the Monitoring Plugins print it after the {@code |} of their output: {@code
 * 'label'=value[UOM];[warn];[crit];[min];[max]}, separated by spaces. Thresholds are kept as
 * written (they may be ranges such as {@code 10:20} or {@code @5:}).
 */
public record PerfData(
    String label,
    BigDecimal value,
    String unit,
    String warn,
    String crit,
    BigDecimal min,
    BigDecimal max) {

  private static final List<String> UNITS =
      List.of("", "s", "ms", "us", "%", "B", "KB", "MB", "GB", "TB", "c");

  /** Thrown with a message naming the faulty item. */
  public static class Malformed extends IllegalArgumentException {
    Malformed(String message) {
      super(message);
    }
  }

  public static List<PerfData> parseAll(String perfdata) {
    List<PerfData> items = new ArrayList<>();
    if (perfdata == null) {
      return items;
    }
    int i = 0;
    String text = perfdata.strip();
    while (i < text.length()) {
      if (text.charAt(i) == ' ') {
        i++;
        continue;
      }
      int end = itemEnd(text, i);
      items.add(parse(text.substring(i, end)));
      i = end;
    }
    return items;
  }

  public static PerfData parse(String item) {
    int equals = labelEnd(item);
    if (equals < 0 || equals == 0) {
      throw new Malformed("perfdata item without label=value: " + item);
    }
    String label = unquote(item.substring(0, equals));
    String[] fields = item.substring(equals + 1).split(";", -1);
    if (fields.length > 5) {
      throw new Malformed("perfdata item " + label + " has more than 5 fields");
    }
    String raw = fields[0];
    int unitStart = raw.length();
    while (unitStart > 0
        && !Character.isDigit(raw.charAt(unitStart - 1))
        && raw.charAt(unitStart - 1) != '.') {
      unitStart--;
    }
    String unit = raw.substring(unitStart);
    if (!UNITS.contains(unit)) {
      throw new Malformed("perfdata item " + label + " has unknown unit " + unit);
    }
    BigDecimal value = number(raw.substring(0, unitStart), label, "value");
    if (value == null) {
      throw new Malformed("perfdata item " + label + " has no value");
    }
    return new PerfData(
        label,
        value,
        unit,
        field(fields, 1),
        field(fields, 2),
        number(field(fields, 3), label, "min"),
        number(field(fields, 4), label, "max"));
  }

  private static int itemEnd(String text, int start) {
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        return i;
      }
    }
    return text.length();
  }

  private static int labelEnd(String item) {
    boolean quoted = false;
    for (int i = 0; i < item.length(); i++) {
      char c = item.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '=' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String label) {
    if (label.length() >= 2 && label.startsWith("'") && label.endsWith("'")) {
      return label.substring(1, label.length() - 1).replace("''", "'");
    }
    return label;
  }

  private static String field(String[] fields, int index) {
    return index < fields.length && !fields[index].isEmpty() ? fields[index] : null;
  }

  private static BigDecimal number(String text, String label, String what) {
    if (text == null || text.isEmpty() || text.equals("U")) {
      return null; // U: the plugin could not determine the value
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new Malformed(
          "perfdata item " + label + " has a " + what + " that is not a number: " + text);
    }
  }
}
