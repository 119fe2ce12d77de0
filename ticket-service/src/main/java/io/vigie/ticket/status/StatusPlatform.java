package io.vigie.ticket.status;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform the hoster publishes on its status page, and the targets whose availability it shows.
 */
@Entity
@Table(name = "status_platform")
public class StatusPlatform extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String slug;

  @Column(nullable = false)
  public String name;

  public String description;

  @Column(name = "display_order", nullable = false)
  public int displayOrder;

  @Column(name = "server_ids", nullable = false)
  public UUID[] serverIds = new UUID[0];

  @Column(name = "hosted_service_ids", nullable = false)
  public UUID[] hostedServiceIds = new UUID[0];

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(nullable = false)
  public long version;
}
