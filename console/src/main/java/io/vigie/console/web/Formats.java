package io.vigie.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the templates write times. The server writes UTC in a {@code <time datetime>} element; the
 * page's script rewrites it in the viewer's own time zone and language, so that a page without
 * script still tells the truth.
 */
@TemplateExtension
public class Formats {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  static String utc(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }

  static String hours(Duration duration) {
    if (duration == null) {
      return "";
    }
    long minutes = duration.toMinutes();
    return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
  }
}
