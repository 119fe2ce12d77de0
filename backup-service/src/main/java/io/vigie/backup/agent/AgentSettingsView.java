package io.vigie.backup.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A policy's agent settings as the API shows them. */
public record AgentSettingsView(
    UUID policyId,
    List<String> paths,
    List<String> excludes,
    List<String> tags,
    long version,
    Instant updatedAt) {

  static AgentSettingsView of(AgentSettings s) {
    return new AgentSettingsView(
        s.policyId, List.of(s.paths), List.of(s.excludes), List.of(s.tags), s.version, s.updatedAt);
  }
}
