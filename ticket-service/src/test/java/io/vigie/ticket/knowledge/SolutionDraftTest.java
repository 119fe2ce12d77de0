package io.vigie.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionDraftTest {

  @Test
  void theReportsCauseSolutionAndFollowUpsFillTheDraft() {
    assertThat(
            SolutionDraft.body(
                "INC-2026-000042",
                "Shop answers 502",
                "Pool exhausted",
                "Pool raised to 200",
                List.of("Alert at 80 %", " ")))
        .isEqualTo(
            "## Problem\n\nShop answers 502\n\n## Cause\n\nPool exhausted\n\n"
                + "## Solution\n\nPool raised to 200\n\n## Follow-up\n\n- Alert at 80 %\n\n"
                + "_Drawn from INC-2026-000042._\n");
  }

  @Test
  void missingPartsSayWhatToWriteAndLongTitlesAreCut() {
    assertThat(SolutionDraft.body("REQ-2026-000001", " ", null, "", List.of()))
        .contains("## Cause\n\n" + SolutionDraft.TO_WRITE)
        .contains("## Follow-up\n\n" + SolutionDraft.TO_WRITE);
    assertThat(SolutionDraft.title("Disk full")).isEqualTo("Solution: Disk full");
    assertThat(SolutionDraft.title("x".repeat(300))).hasSize(ArticleViews.MAX_TITLE).endsWith("…");
  }
}
