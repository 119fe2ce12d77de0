package io.vigie.monitoring.probe;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/** IP literals and {@code host:port} resolver addresses, parsed without any DNS lookup. */
final class Addresses {

  private Addresses() {}

  /** The canonical text of an IP literal ({@code 2001:DB8:0::1} becomes {@code 2001:db8::1}). */
  static String normalize(String ip) {
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
    if (bytes == null) {
      throw new IllegalArgumentException(ip + " is not an IP address");
    }
    return bytes.length == 4
        ? NetUtil.bytesToIpAddress(bytes)
        : NetUtil.toAddressString(NetUtil.createInetAddressFromIpAddressString(ip));
  }

  /**
   * A DNS resolver as {@code 192.0.2.53:53} or {@code [2001:db8::53]:53}; the port may be left out
   * (53). The host must be an IP address: asking DNS where DNS is would be circular.
   */
  static InetSocketAddress resolver(String text) {
    String host;
    int port = 53;
    String t = text.trim();
    if (t.startsWith("[")) {
      int end = t.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("an IPv6 resolver is written [address]:port");
      }
      host = t.substring(1, end);
      String rest = t.substring(end + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("an IPv6 resolver is written [address]:port");
        }
        port = port(rest.substring(1));
      }
    } else {
      int colon = t.lastIndexOf(':');
      if (colon >= 0 && t.indexOf(':') != colon) {
        throw new IllegalArgumentException("an IPv6 resolver is written [address]:port");
      }
      host = colon < 0 ? t : t.substring(0, colon);
      if (colon >= 0) {
        port = port(t.substring(colon + 1));
      }
    }
    if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
      throw new IllegalArgumentException("must be an IP address and port, e.g. 192.0.2.53:53");
    }
    return InetSocketAddress.createUnresolved(normalize(host), port);
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port " + text + " is not a number");
    }
  }
}
