package io.vigie.backup.retention;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar duration as restic's {@code --keep-within} takes it: {@code 1y2m3d4h} (years, months,
 * days, hours, each optional, at least one). Subtracted the way restic (Go's {@code AddDate}) does:
 * an impossible date such as 31 February rolls over into March.
 */
public record ResticDuration(int years, int months, int days, int hours) {

  private static final Pattern FORMAT =
      Pattern.compile("(?:(\\d+)y)?(?:(\\d+)m)?(?:(\\d+)d)?(?:(\\d+)h)?");

  public ResticDuration {
    if (years < 0 || months < 0 || days < 0 || hours < 0) {
      throw new IllegalArgumentException("a keep-within duration cannot be negative");
    }
  }

  /**
   * Parses {@code 1y2m3d4h}.
   *
   * @throws IllegalArgumentException when the text is not in that form
   */
  public static ResticDuration parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.trim());
    if (m == null || text.isBlank() || !m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 10d, 2h or 1y6m (years, months, days, hours)");
    }
    return new ResticDuration(group(m, 1), group(m, 2), group(m, 3), group(m, 4));
  }

  private static int group(Matcher m, int i) {
    return m.group(i) == null ? 0 : Integer.parseInt(m.group(i));
  }

  public boolean isZero() {
    return years == 0 && months == 0 && days == 0 && hours == 0;
  }

  /** {@code latest} minus this duration, in {@code zone}'s calendar. */
  ZonedDateTime before(ZonedDateTime latest) {
    long totalMonths =
        (long) latest.getYear() * 12 + latest.getMonthValue() - 1 - years * 12L - months;
    LocalDate date =
        LocalDate.of(
                (int) Math.floorDiv(totalMonths, 12), (int) Math.floorMod(totalMonths, 12) + 1, 1)
            .plusDays(latest.getDayOfMonth() - 1L - days);
    ZoneId zone = latest.getZone();
    LocalDateTime local = LocalDateTime.of(date, latest.toLocalTime());
    return ZonedDateTime.ofLocal(local, zone, latest.getOffset()).minusHours(hours);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (years != 0) {
      s.append(years).append('y');
    }
    if (months != 0) {
      s.append(months).append('m');
    }
    if (days != 0) {
      s.append(days).append('d');
    }
    if (hours != 0) {
      s.append(hours).append('h');
    }
    return s.toString();
  }
}
