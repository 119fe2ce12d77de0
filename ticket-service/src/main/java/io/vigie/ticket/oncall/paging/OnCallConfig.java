package io.vigie.ticket.oncall.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Paging settings (prefix {@code vigie.ticket.oncall}); every key has a default. */
@ConfigMapping(prefix = "vigie.ticket.oncall")
public interface OnCallConfig {

  /** Where people reach this service: the links in notifications start with it. */
  @WithDefault("http://localhost:8083")
  String baseUrl();

  /**
   * How often due notifications are sent and due pages escalated (a scheduler period; {@code off}
   * disables it: the tests call {@code PageWatch.check()} after moving time).
   */
  @WithDefault("0.5s")
  String watchEvery();

  /** The wait before the first retry of a failed notification; doubled at each further one. */
  @WithDefault("PT30S")
  Duration retryAfter();

  /**
   * How long the link of a page email acknowledges and resolves (each once) after it was sent; an
   * older link answers 410.
   */
  @WithDefault("PT24H")
  Duration linkValidFor();

  /** How many times a notification is tried before it is recorded as failed. */
  @WithDefault("4")
  int attempts();
}
