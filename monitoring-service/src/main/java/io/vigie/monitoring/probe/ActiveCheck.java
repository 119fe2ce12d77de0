package io.vigie.monitoring.probe;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A check the service runs itself against a server or one of its hosted services: a URL, a TCP
 * port, a DNS name. Its results are recorded under (server, name) like any agent's.
 */
@Entity
@Table(name = "active_check")
public class ActiveCheck extends PanacheEntityBase {

  @Id public UUID id;

  /** The check's name in results and alerts, unique per server. */
  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CheckKind kind;

  @Column(name = "server_id", nullable = false)
  public UUID serverId;

  /** Set when the check tests a hosted service: its availability comes from these results. */
  @Column(name = "hosted_service_id")
  public UUID hostedServiceId;

  @Column(name = "interval_seconds", nullable = false)
  public int intervalSeconds;

  @Column(name = "timeout_seconds", nullable = false)
  public int timeoutSeconds;

  @Column(nullable = false)
  public boolean enabled;

  @Convert(converter = SettingsConverter.class)
  @Column(nullable = false)
  public ProbeSettings settings;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /** Settings as JSON text. */
  @Converter
  public static class SettingsConverter extends JsonTextConverter<ProbeSettings> {
    public SettingsConverter() {
      super(new TypeReference<>() {});
    }
  }
}
