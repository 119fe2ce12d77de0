package io.vigie.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void speaksTheFirstOfTheBrowsersLanguagesItKnows() {
    assertThat(Languages.choose(List.of(Locale.forLanguageTag("fr-FR"), Locale.ENGLISH)))
        .isEqualTo(Locale.FRENCH);
    assertThat(Languages.choose(List.of(Locale.GERMAN, Locale.forLanguageTag("en-GB"))))
        .isEqualTo(Locale.ENGLISH);
    assertThat(Languages.choose(List.of(Locale.GERMAN))).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.choose(List.of())).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void readsAnAccessTokensExpiry() {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"sub\":\"x\",\"exp\":1796000000,\"tenant\":\"lumiere\"}"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(AccessTokens.expiry("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig"))
        .isEqualTo(Instant.ofEpochSecond(1796000000L));
    assertThat(AccessTokens.expiry("opaque-token")).isNull();
    assertThat(AccessTokens.expiry(null)).isNull();
  }
}
