package io.vigie.events.backup;

/** What a backup policy copies: a target's files, or a database dump. */
public enum BackupKind {
  FILES,
  DATABASE
}
