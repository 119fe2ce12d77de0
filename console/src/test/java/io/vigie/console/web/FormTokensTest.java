package io.vigie.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormTokensTest {

  final FormTokens forms =
      new FormTokens(
          Optional.empty(),
          Optional.of("the-state-secret-of-the-console-32+"),
          Optional.of("client"));

  @Test
  void aSessionsTokenMatchesThatSessionOnly() {
    String token = forms.tokenFor("sid:a1");

    assertThat(forms.matches("sid:a1", token)).isTrue();
    assertThat(forms.matches("sid:a1", " " + token + " ")).isTrue();
    assertThat(forms.matches("sid:b2", token)).isFalse();
    assertThat(forms.matches("sid:a1", null)).isFalse();
    assertThat(forms.matches("sid:a1", "")).isFalse();
    assertThat(forms.matches("sid:a1", token.substring(1))).isFalse();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void everyReplicaWithTheSameSecretMakesTheSameTokenAndAnotherSecretAnother() {
    FormTokens replica =
        new FormTokens(
            Optional.empty(),
            Optional.of("the-state-secret-of-the-console-32+"),
            Optional.of("client"));
    FormTokens own =
        new FormTokens(
            Optional.of("a-form-secret-of-its-own"),
            Optional.of("the-state-secret-of-the-console-32+"),
            Optional.of("client"));
    FormTokens blank =
        new FormTokens(
            Optional.of(" "), Optional.of("the-state-secret-of-the-console-32+"), Optional.empty());

    assertThat(replica.tokenFor("sid:a1")).isEqualTo(forms.tokenFor("sid:a1"));
    assertThat(blank.tokenFor("sid:a1")).isEqualTo(forms.tokenFor("sid:a1"));
    assertThat(own.tokenFor("sid:a1")).isNotEqualTo(forms.tokenFor("sid:a1"));
    assertThat(
            new FormTokens(Optional.empty(), Optional.empty(), Optional.of("client"))
                .tokenFor("sid:a1"))
        .isNotEqualTo(forms.tokenFor("sid:a1"));
  }
}
