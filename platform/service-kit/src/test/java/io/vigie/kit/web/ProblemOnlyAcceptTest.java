package io.vigie.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemOnlyAcceptTest {

  @Test
  void onlyAnAcceptNamingNothingButProblemsIsDisregarded() {
    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(List.of("application/problem+json"))).isTrue();
    assertThat(
            ProblemOnlyAccept.acceptsOnlyProblems(
                List.of("application/problem+json; charset=utf-8, application/problem+json")))
        .isTrue();

    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(null)).isFalse();
    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(List.of())).isFalse();
    assertThat(
            ProblemOnlyAccept.acceptsOnlyProblems(
                List.of("application/json, application/problem+json")))
        .isFalse();
    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(List.of("application/*"))).isFalse();
    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(List.of("*/*"))).isFalse();
    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(List.of("text/html"))).isFalse();
    assertThat(ProblemOnlyAccept.acceptsOnlyProblems(List.of("not a media type;;"))).isFalse();
  }
}
