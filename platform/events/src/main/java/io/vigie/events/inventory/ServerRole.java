package io.vigie.events.inventory;

/** What a physical server does for the platform; a server may have several roles. */
public enum ServerRole {
  LOAD_BALANCER,
  WEB,
  APPLICATION,
  DATABASE,
  HYPERVISOR,
  STORAGE,
  BACKUP
}
