package io.vigie.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.AlertView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertBoardTest {

  private static AlertView alert(String summary, String severity, String state, String firedAt) {
    return new AlertView(
        UUID.randomUUID(),
        summary,
        state,
        severity,
        summary,
        "web1",
        UUID.randomUUID(),
        null,
        Map.of(),
        Instant.parse(firedAt),
        Instant.parse(firedAt),
        null,
        null);
  }

  @Test
  void groupsFiringAlertsWorstSeverityFirstAndNewestFirstInEachGroup() {
    List<WallView.SeverityGroup> groups =
        AlertBoard.group(
            List.of(
                alert("disk almost full", "warning", "FIRING", "2026-11-30T01:00:00Z"),
                alert("host down", "critical", "FIRING", "2026-11-30T02:00:00Z"),
                alert("replication lag", "Warning", "FIRING", "2026-11-30T03:00:00Z"),
                alert("certificate soon", "info", "FIRING", "2026-11-30T00:00:00Z"),
                alert("custom", "page-me", "FIRING", "2026-11-30T00:00:00Z"),
                alert("old one", "critical", "RESOLVED", "2026-11-29T00:00:00Z")));
    assertThat(groups)
        .extracting(WallView.SeverityGroup::severity)
        .containsExactly("critical", "warning", "info", "page-me");
    assertThat(groups.get(0).alerts()).extracting(AlertView::summary).containsExactly("host down");
    assertThat(groups.get(1).alerts())
        .extracting(AlertView::summary)
        .containsExactly("replication lag", "disk almost full");
  }

  @Test
  void nothingFiringIsAnEmptyBoard() {
    assertThat(AlertBoard.group(List.of())).isEmpty();
  }
}
