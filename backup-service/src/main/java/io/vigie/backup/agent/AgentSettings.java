package io.vigie.backup.agent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What the reference agent needs to run a policy with restic: the paths to back up, what to leave
 * out and the tags its snapshots carry. A policy with settings is run by the agent on its target's
 * host.
 */
@Entity
@Table(name = "agent_settings")
public class AgentSettings extends PanacheEntityBase {

  @Id
  @Column(name = "policy_id")
  public UUID policyId;

  @Column(columnDefinition = "text[]", nullable = false)
  public String[] paths;

  @Column(columnDefinition = "text[]", nullable = false)
  public String[] excludes;

  @Column(columnDefinition = "text[]", nullable = false)
  public String[] tags;

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
