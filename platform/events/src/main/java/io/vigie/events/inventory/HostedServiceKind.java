package io.vigie.events.inventory;

/** What a client's hosted service is, so monitoring knows how to check it. */
public enum HostedServiceKind {
  WEBSITE,
  APPLICATION,
  DATABASE,
  MAIL,
  OTHER
}
