package io.vigie.monitoring.probe;

/** What an active check tests: a URL, a TCP port, or a DNS name. */
public enum CheckKind {
  /** A URL answers with an expected status, in time, with the expected content. */
  HTTP,
  /** A TCP service accepts connections. */
  TCP,
  /** A DNS server answers a name with the expected addresses. */
  DNS
}
