package io.vigie.inventory.servers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One hour of measured usage on a server, from monitoring's rollups. */
@Entity
@Table(name = "host_usage")
@IdClass(HostUsage.Key.class)
public class HostUsage extends PanacheEntityBase {

  @Id
  @Column(name = "server_id")
  public UUID serverId;

  @Id
  @Column(name = "hour_start")
  public Instant hourStart;

  @Column(name = "cpu_used_percent")
  public double cpuUsedPercent;

  @Column(name = "ram_used_gb")
  public double ramUsedGb;

  @Column(name = "disk_used_gb")
  public double diskUsedGb;

  /** Composite key: one row per server and hour. */
  public static class Key implements Serializable {
    public UUID serverId;
    public Instant hourStart;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(serverId, key.serverId)
          && java.util.Objects.equals(hourStart, key.hourStart);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(serverId, hourStart);
    }
  }
}
