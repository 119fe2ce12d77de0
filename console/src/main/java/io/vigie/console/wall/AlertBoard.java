package io.vigie.console.wall;

import io.vigie.console.api.AlertView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Firing alerts grouped by severity, the worst first, each group newest first. Plain Java. */
final class AlertBoard {

  private static final List<String> ORDER = List.of("critical", "warning", "info");

  private AlertBoard() {}

  static List<WallView.SeverityGroup> group(List<AlertView> alerts) {
    Map<String, List<AlertView>> bySeverity = new LinkedHashMap<>();
    alerts.stream()
        .filter(alert -> "FIRING".equals(alert.state()))
        .sorted(Comparator.comparing(AlertBoard::since, Comparator.reverseOrder()))
        .forEach(
            alert ->
                bySeverity.computeIfAbsent(severity(alert), s -> new ArrayList<>()).add(alert));
    return bySeverity.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> rank(e.getKey())))
        .map(e -> new WallView.SeverityGroup(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }

  private static String severity(AlertView alert) {
    return alert.severity() == null ? "unknown" : alert.severity().toLowerCase(Locale.ROOT);
  }

  private static int rank(String severity) {
    int rank = ORDER.indexOf(severity);
    return rank < 0 ? ORDER.size() : rank;
  }

  private static Instant since(AlertView alert) {
    Instant since = alert.firedAt() != null ? alert.firedAt() : alert.startedAt();
    return since == null ? Instant.EPOCH : since;
  }
}
