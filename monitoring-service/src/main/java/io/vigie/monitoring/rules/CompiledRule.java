package io.vigie.monitoring.rules;

import io.vigie.monitoring.rules.RuleDefinition.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A validated rule, ready to evaluate. {@link #compile} is also the API's validation: every problem
 * comes back as an {@link InvalidRule} naming the field.
 */
public record CompiledRule(
    UUID id,
    RuleDefinition definition,
    Expression expression,
    Pattern checkPattern,
    Duration forDuration,
    Duration clearFor) {

  /** A rule that cannot work, with the field to fix. */
  public static final class InvalidRule extends RuntimeException {
    private final String field;

    public InvalidRule(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public static CompiledRule compile(UUID id, RuleDefinition d) {
    Duration forDuration = duration(d.forDuration(), "for");
    Duration clearFor = duration(d.clearFor(), "clearFor");
    Runbook.check(d.runbook());
    if (d.kind() == Kind.METRIC) {
      require(d.expr() != null, "expr", "a METRIC rule needs an expression");
      require(d.comparison() != null, "comparison", "a METRIC rule needs a comparison");
      require(d.threshold() != null, "threshold", "a METRIC rule needs a threshold");
      require(!d.threshold().isNaN(), "threshold", "must be a number");
      require(d.check() == null, "check", "only for CHECK rules");
      require(d.consecutiveFailures() == null, "consecutiveFailures", "only for CHECK rules");
      Expression expression;
      try {
        expression = Expression.compile(d.expr());
      } catch (IllegalArgumentException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        throw new InvalidRule(message.substring(0, colon), message.substring(colon + 2));
      }
      return new CompiledRule(id, d, expression, null, forDuration, clearFor);
    }
    require(d.check() != null && !d.check().isBlank(), "check", "a CHECK rule needs a check name");
    require(d.consecutiveFailures() != null, "consecutiveFailures", "a CHECK rule needs it");
    require(d.expr() == null, "expr", "only for METRIC rules");
    require(d.comparison() == null, "comparison", "only for METRIC rules");
    require(d.threshold() == null, "threshold", "only for METRIC rules");
    Pattern pattern = Pattern.compile(Pattern.quote(d.check()).replace("*", "\\E.*\\Q"));
    return new CompiledRule(id, d, null, pattern, forDuration, clearFor);
  }

  private static Duration duration(String text, String field) {
    try {
      Duration parsed = PromDuration.parse(text);
      if (parsed != null && parsed.compareTo(Duration.ofDays(1)) > 0) {
        throw new InvalidRule(field, "at most 1d");
      }
      return parsed == null ? Duration.ZERO : parsed;
    } catch (InvalidRule e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidRule(field, "a duration such as 30s, 5m or 1h30m");
    }
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidRule(field, message);
    }
  }

  /**
   * The alert text: annotation {@code summary} with {@code {{ $labels.x }}} and {@code {{ $value
   * }}}.
   */
  public String summary(Map<String, String> labels, double value, String target) {
    String template =
        definition.annotations() == null ? null : definition.annotations().get("summary");
    if (template == null) {
      return definition.name()
          + " on "
          + target
          + ": "
          + format(value)
          + " "
          + definition.comparison().symbol()
          + " "
          + format(definition.threshold());
    }
    String text =
        template.replace("{{ $value }}", format(value)).replace("{{$value}}", format(value));
    for (Map.Entry<String, String> label : labels.entrySet()) {
      text =
          text.replace("{{ $labels." + label.getKey() + " }}", label.getValue())
              .replace("{{$labels." + label.getKey() + "}}", label.getValue());
    }
    return text;
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(java.util.Locale.ROOT, "%.4g", value);
  }
}
