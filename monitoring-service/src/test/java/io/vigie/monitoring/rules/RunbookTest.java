package io.vigie.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunbookTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://wiki.example.net/runbooks/filesystem-full",
        "http://10.0.0.5:8080/wiki/Replication#lag",
        "kb:filesystem-full",
        "kb:0195a3c2-7f10-7c2e-9d55-3f0f6f0b2a11"
      })
  void anAbsoluteWebUrlOrAnArticleReferenceIsARunbook(String runbook) {
    assertThat(Runbook.check(runbook)).isEqualTo(runbook);
  }

  @Test
  void blankIsNoRunbookAndSpacesAroundAreDropped() {
    assertThat(Runbook.check(null)).isNull();
    assertThat(Runbook.check("  ")).isNull();
    assertThat(Runbook.check(" kb:host-down ")).isEqualTo("kb:host-down");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript://wiki.example.net/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/runbooks/filesystem-full",
        "wiki.example.net/runbooks",
        "ftp://files.example.net/runbook.txt",
        "https://admin:secret@wiki.example.net/runbook",
        "https:///no-host",
        "kb:",
        "kb:Filesystem Full",
        "kb:../../etc/passwd",
        "https://wiki.example.net/a b"
      })
  void anythingElseIsRefusedNamingTheField(String runbook) {
    assertThatThrownBy(() -> Runbook.check(runbook))
        .isInstanceOfSatisfying(
            CompiledRule.InvalidRule.class, e -> assertThat(e.field()).isEqualTo("runbook"));
    assertThat(Runbook.orNull(runbook)).isNull();
  }

  @Test
  void theDefaultPackNamesTheDemoRunbooks() {
    assertThat(DefaultRulePack.rules())
        .filteredOn(r -> r.runbook() != null)
        .extracting(RuleDefinition::name, RuleDefinition::runbook)
        .contains(
            org.assertj.core.groups.Tuple.tuple("filesystem-space-low", "kb:filesystem-full"),
            org.assertj.core.groups.Tuple.tuple("filesystem-full-soon", "kb:filesystem-full"),
            org.assertj.core.groups.Tuple.tuple("mysql-replication-lag", "kb:replication-lag"),
            org.assertj.core.groups.Tuple.tuple("host-down", "kb:host-down"));
    RuleDefinition hostDown =
        DefaultRulePack.rules().stream()
            .filter(r -> r.name().equals("host-down"))
            .findFirst()
            .orElseThrow();
    CompiledRule compiled = CompiledRule.compile(null, hostDown);
    assertThat(compiled.checkPattern().matcher("host-alive").matches()).isTrue();
    assertThat(hostDown.consecutiveFailures()).isEqualTo(3); // the service's default, unchanged
  }
}
