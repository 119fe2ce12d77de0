package io.vigie.events.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A physical server with everything monitoring, tickets and backups need to know about it. */
public record ServerSnapshot(
    UUID id,
    String hostname,
    UUID datacenterId,
    String datacenterCode,
    UUID rackId,
    Integer rackPosition,
    Set<ServerRole> roles,
    ServerStatus status,
    HardwareSpec hardware,
    List<NetworkLink> networkLinks,
    String managementIp,
    List<String> publicIps,
    List<String> privateIps,
    String vendor,
    String model,
    String serialNumber,
    LocalDate purchaseDate,
    LocalDate warrantyEnd,
    LocalDate endOfLife,
    long version) {

  /** The address monitoring and automation reach the server on: management, else private. */
  public String reachableAddress() {
    return reachableAddress(managementIp, privateIps, hostname);
  }

  /** The same rule for callers that hold the fields, not a snapshot. */
  public static String reachableAddress(
      String managementIp, List<String> privateIps, String hostname) {
    if (managementIp != null) {
      return managementIp;
    }
    return privateIps == null || privateIps.isEmpty() ? hostname : privateIps.get(0);
  }
}
