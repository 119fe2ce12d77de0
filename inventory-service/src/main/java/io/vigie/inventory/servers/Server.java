package io.vigie.inventory.servers;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.inventory.ArrayColumns;
import io.vigie.inventory.datacenters.Datacenter;
import io.vigie.inventory.datacenters.Rack;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A physical server: where it stands, what is inside, how it is reached, when it expires. */
@Entity
@Table(name = "server")
public class Server extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String hostname;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "datacenter_id")
  public Datacenter datacenter;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "rack_id")
  public Rack rack;

  /** Lowest rack unit the server occupies, counted from 1 at the bottom. */
  @Column(name = "rack_position")
  public Integer rackPosition;

  @Column(name = "height_units", nullable = false)
  public int heightUnits = 1;

  @Convert(converter = ArrayColumns.Roles.class)
  @Column(nullable = false)
  public TreeSet<ServerRole> roles = new TreeSet<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ServerStatus status = ServerStatus.PLANNED;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public HardwareSpec hardware;

  // jsonb, bound as text: Hibernate Reactive binds jsonb to JSON objects only, not arrays
  @Convert(converter = LinksColumn.class)
  @ColumnTransformer(read = "network_links::text", write = "cast(cast(? as text) as jsonb)")
  @Column(name = "network_links", nullable = false)
  public List<NetworkLink> networkLinks = new ArrayList<>();

  @Column(name = "management_ip")
  public String managementIp;

  @Convert(converter = ArrayColumns.Strings.class)
  @Column(name = "public_ips", nullable = false)
  public List<String> publicIps = new ArrayList<>();

  @Convert(converter = ArrayColumns.Strings.class)
  @Column(name = "private_ips", nullable = false)
  public List<String> privateIps = new ArrayList<>();

  public String vendor;
  public String model;

  @Column(name = "serial_number")
  public String serialNumber;

  @Column(name = "purchase_date")
  public LocalDate purchaseDate;

  @Column(name = "warranty_end")
  public LocalDate warrantyEnd;

  @Column(name = "end_of_life")
  public LocalDate endOfLife;

  @Version public long version;

  public ServerSnapshot snapshot() {
    return new ServerSnapshot(
        id,
        hostname,
        datacenter.id,
        datacenter.code,
        rack == null ? null : rack.id,
        rackPosition,
        Set.copyOf(roles),
        status,
        hardware,
        List.copyOf(networkLinks),
        managementIp,
        List.copyOf(publicIps),
        List.copyOf(privateIps),
        vendor,
        model,
        serialNumber,
        purchaseDate,
        warrantyEnd,
        endOfLife,
        version);
  }

  @Converter
  static class LinksColumn extends JsonTextConverter<List<NetworkLink>> {
    LinksColumn() {
      super(new TypeReference<>() {});
    }
  }

  /** The address monitoring and automation reach the server on. */
  public String reachableAddress() {
    return ServerSnapshot.reachableAddress(managementIp, privateIps, hostname);
  }
}
