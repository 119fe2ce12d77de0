package io.vigie.backup.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.UUID;

/**
 * One copy a policy keeps: the repository it lands in, the cron schedule it runs on, how old its
 * newest point may get, and the unguessable key its tool pings with.
 */
@Entity
@Table(name = "backup_policy_copy")
public class PolicyCopy extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(nullable = false)
  public int position;

  @Column(name = "repository_id", nullable = false)
  public UUID repositoryId;

  @Column(nullable = false)
  public String schedule;

  @Column(name = "max_age_seconds", nullable = false)
  public long maxAgeSeconds;

  @Column(name = "ping_key", nullable = false, unique = true)
  public UUID pingKey;

  public Duration maxAge() {
    return Duration.ofSeconds(maxAgeSeconds);
  }
}
