package io.vigie.inventory.rest;

import io.vigie.events.inventory.Certification;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the inventory API, validated before any use case runs. */
public final class Requests {

  /** RFC 1123 host name, e.g. {@code web1.par-dc2.example.net}. */
  static final String HOSTNAME =
      "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$";

  static final String IP =
      "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$"
          + "|^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$";

  private Requests() {}

  public record NewClient(
      @NotBlank
          @Pattern(
              regexp = "^[a-z0-9][a-z0-9-]{1,39}$",
              message = "2 to 40 lowercase letters, digits or dashes")
          String code,
      @NotBlank @Size(max = 200) String name,
      @Email @Size(max = 200) String contactEmail,
      @NotNull @Valid ContractTerms contract) {}

  public record ClientDetails(
      @NotBlank @Size(max = 200) String name, @Email @Size(max = 200) String contactEmail) {}

  public record DatacenterRequest(
      @NotBlank
          @Size(max = 40)
          @Pattern(
              regexp = "^[A-Z0-9][A-Z0-9-]*$",
              message = "uppercase letters, digits and dashes")
          String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String operator,
      @Size(max = 120) String city,
      @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "ISO 3166 alpha-2 country code")
          String country,
      @Min(1) @Max(4) int tier,
      Set<Certification> certifications) {}

  public record RackRequest(
      @NotNull UUID datacenterId,
      @NotBlank @Size(max = 40) String name,
      @Size(max = 80) String room,
      @Min(1) @Max(60) int units) {}

  public record ServerRequest(
      @NotBlank
          @Size(max = 253)
          @Pattern(regexp = HOSTNAME, message = "must be a lowercase host name")
          String hostname,
      @NotNull UUID datacenterId,
      UUID rackId,
      @Min(1) @Max(60) Integer rackPosition,
      @Min(1) @Max(20) Integer heightUnits,
      @NotEmpty Set<@NotNull ServerRole> roles,
      @NotNull @Valid HardwareSpec hardware,
      List<@NotNull @Valid NetworkLink> networkLinks,
      @Pattern(regexp = IP, message = "must be an IP address") String managementIp,
      List<@Pattern(regexp = IP, message = "must be an IP address") String> publicIps,
      List<@Pattern(regexp = IP, message = "must be an IP address") String> privateIps,
      @Size(max = 80) String vendor,
      @Size(max = 120) String model,
      @Size(max = 80) String serialNumber,
      LocalDate purchaseDate,
      LocalDate warrantyEnd,
      LocalDate endOfLife) {}

  public record LifecycleTransition(
      @NotNull ServerStatus to, @NotBlank @Size(max = 500) String reason) {}

  public record VirtualMachineRequest(
      @NotBlank @Size(max = 120) String name,
      @NotNull GuestKind kind,
      @NotNull UUID hostServerId,
      @NotNull UUID clientId,
      @Min(1) @Max(1024) int vcpus,
      @Min(1) @Max(16384) int ramGb,
      @Min(1) @Max(1_000_000) int diskGb,
      List<@Pattern(regexp = IP, message = "must be an IP address") String> ipAddresses,
      @Size(max = 120) String operatingSystem) {}

  public record HostedServiceRequest(
      @NotNull UUID clientId,
      @NotBlank @Size(max = 200) String name,
      @NotNull HostedServiceKind kind,
      @Size(max = 2000)
          @Pattern(
              regexp = "^(https?|tcp|mysql|postgresql|smtp)://\\S+$",
              message = "must be a URL such as https://shop.example.com")
          String url,
      @Min(1) @Max(65535) Integer port,
      @Size(max = 80) String technology,
      Set<@NotNull UUID> serverIds,
      Set<@NotNull UUID> virtualMachineIds) {}
}
