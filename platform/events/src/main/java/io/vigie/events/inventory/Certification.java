package io.vigie.events.inventory;

/** Certifications a datacenter holds, which regulated clients (health data: HDS) require. */
public enum Certification {
  ISO_27001,
  ISO_50001,
  ISO_9001,
  HDS,
  PCI_DSS,
  SOC2,
  UPTIME_TIER_III,
  UPTIME_TIER_IV
}
