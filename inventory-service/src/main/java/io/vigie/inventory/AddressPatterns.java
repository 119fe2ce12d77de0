package io.vigie.inventory;

/** Patterns of the addresses the inventory's requests carry, validated before any use case runs. */
public final class AddressPatterns {

  /** RFC 1123 host name, e.g. {@code web1.par-dc2.example.net}. */
  public static final String HOSTNAME =
      "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$";

  /** An IPv4 address in dotted quads, or an IPv6 address. */
  public static final String IP =
      "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$"
          + "|^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$";

  private AddressPatterns() {}
}
