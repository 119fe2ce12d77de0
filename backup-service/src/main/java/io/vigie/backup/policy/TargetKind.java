package io.vigie.backup.policy;

/** What a policy backs up, as the inventory knows it. */
public enum TargetKind {
  SERVER,
  VIRTUAL_MACHINE,
  HOSTED_SERVICE
}
