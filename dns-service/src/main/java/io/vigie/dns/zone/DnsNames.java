package io.vigie.dns.zone;

import java.util.Locale;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Host and zone names as the trade writes them, parsed by dnsjava and held to LDH labels. */
public final class DnsNames {

  // letters, digits and hyphens, not at either end; underscores for service labels (_dmarc, _sip)
  private static final Pattern OWNER_LABEL =
      Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern ZONE_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private DnsNames() {}

  /** A zone's name: absolute, at least two labels, letters digits and hyphens only. */
  public static Name zone(String field, String text) {
    if (text == null || text.isBlank()) {
      throw InvalidZoneException.of(field, "is required");
    }
    Name name = parse(field, text.endsWith(".") ? text : text + ".", Name.root);
    if (name.labels() < 3) {
      throw InvalidZoneException.of(field, "must have at least two labels (example.fr)");
    }
    for (int i = 0; i < name.labels() - 1; i++) {
      String label = name.getLabelString(i);
      if (!ZONE_LABEL.matcher(label).matches()) {
        throw InvalidZoneException.of(field, "label '" + label + "' " + labelRule(false));
      }
    }
    return name;
  }

  /**
   * An owner name inside {@code zone}: {@code @} is the apex, a relative name is taken below the
   * zone; {@code *} only as the leftmost label.
   */
  public static Name owner(String field, String text, Name zone) {
    if (text == null || text.isBlank()) {
      throw InvalidZoneException.of(field, "is required");
    }
    Name name = text.equals("@") ? zone : parse(field, text, zone);
    if (!name.subdomain(zone)) {
      throw InvalidZoneException.of(field, "must be inside the zone " + zone);
    }
    int ownLabels = name.labels() - zone.labels();
    for (int i = 0; i < ownLabels; i++) {
      String label = name.getLabelString(i);
      if (i == 0 && label.equals("*")) {
        continue;
      }
      if (!OWNER_LABEL.matcher(label).matches()) {
        throw InvalidZoneException.of(field, "label '" + label + "' " + labelRule(true));
      }
    }
    return name;
  }

  /** Whether a name in record data is an address written where a host name belongs. */
  public static boolean isAddress(Name target) {
    String text = target.toString(true);
    return Address.isDottedQuad(text) || Address.toByteArray(text, Address.IPv6) != null;
  }

  private static Name parse(String field, String text, Name origin) {
    try {
      Name parsed = Name.fromString(text.toLowerCase(Locale.ROOT), origin);
      return parsed.canonicalize();
    } catch (TextParseException e) {
      throw InvalidZoneException.of(field, "is not a domain name: " + e.getMessage());
    }
  }

  private static String labelRule(boolean owner) {
    return owner
        ? "must be 1 to 63 letters, digits, hyphens or underscores, not starting or ending with a"
            + " hyphen"
        : "must be 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen";
  }
}
