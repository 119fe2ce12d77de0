package io.vigie.backup.repository;

/** The tools and transports a repository is reached with. */
public enum RepositoryKind {
  RESTIC_LOCAL,
  RESTIC_SFTP,
  RESTIC_REST,
  RESTIC_S3,
  BORG
}
