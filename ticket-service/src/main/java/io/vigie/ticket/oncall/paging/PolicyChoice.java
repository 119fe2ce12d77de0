package io.vigie.ticket.oncall.paging;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which policy a ticket follows: the one attached to its client and priority, else to its client,
 * else to its priority, else the default (attached to neither). Plain Java.
 */
public final class PolicyChoice {

  private PolicyChoice() {}

  /** A policy's attachment: {@code tenant} and {@code priority} each optional. */
  public record Attachment<T>(T policy, String tenant, String priority) {}

  public static <T> Optional<T> choose(
      List<Attachment<T>> policies, String tenant, String priority) {
    return policies.stream()
        .filter(a -> a.tenant() == null || a.tenant().equals(tenant))
        .filter(a -> a.priority() == null || a.priority().equals(priority))
        .max(Comparator.comparingInt(PolicyChoice::specificity))
        .map(Attachment::policy);
  }

  private static int specificity(Attachment<?> a) {
    return (a.tenant() != null ? 2 : 0) + (a.priority() != null ? 1 : 0);
  }
}
