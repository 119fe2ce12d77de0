package io.vigie.console;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** The language of a page: the first of the browser's (Accept-Language) that the console speaks. */
public final class Languages {

  static final List<String> SPOKEN = List.of("en", "fr");

  private Languages() {}

  public static Locale of(HttpHeaders headers) {
    return choose(headers.getAcceptableLanguages());
  }

  static Locale choose(List<Locale> acceptable) {
    for (Locale locale : acceptable) {
      if (SPOKEN.contains(locale.getLanguage())) {
        return Locale.forLanguageTag(locale.getLanguage());
      }
    }
    return Locale.ENGLISH;
  }
}
