package io.vigie.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionDiffTest {

  @Test
  void equalTextsHaveAnEmptyDiff() {
    assertThat(RevisionDiff.of("a\nb", "a\nb")).isEmpty();
  }

  @Test
  void aChangedLineShowsAsRemovedThenAddedBetweenUnchangedOnes() {
    String before = "# Disk full\n\nRun df -h\nCall the client";
    String after = "# Disk full\n\nRun df -h /var\nCall the client";
    assertThat(RevisionDiff.of(before, after))
        .isEqualTo("  # Disk full\n  \n- Run df -h\n+ Run df -h /var\n  Call the client");
  }

  @Test
  void addedAndRemovedLinesAtTheEnds() {
    assertThat(RevisionDiff.of("a\nb", "b\nc")).isEqualTo("- a\n  b\n+ c");
    assertThat(RevisionDiff.of("", "new")).isEqualTo("- \n+ new");
  }

  @Test
  void beyondTheLineLimitTheWholeTextIsReplaced() {
    String big = "x\n".repeat(RevisionDiff.MAX_LINES + 1);
    String diff = RevisionDiff.of(big, "y");
    assertThat(diff).startsWith("- x\n").endsWith("\n+ y");
    assertThat(diff.lines().filter(l -> l.startsWith("- ")).count())
        .isEqualTo(RevisionDiff.MAX_LINES + 2);
  }
}
