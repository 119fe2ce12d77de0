package io.vigie.dns.zone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the zone API accepts. */
public final class ZoneRequests {

  private ZoneRequests() {}

  /**
   * A new zone: its record sets given as a list, or as a zone file to import; the hoster's template
   * (NS, MX, SPF) is added unless {@code template} is false, under the record sets given.
   *
   * @param tenant the owning client's code; a client's own when it creates the zone itself
   * @param providers the servers to serve it (the configured defaults when absent)
   * @param axfr import the records by zone transfer instead (engineers only)
   */
  public record NewZone(
      @NotNull @Size(max = 253) String name,
      @Size(max = 40) String tenant,
      @Size(max = 10) List<@NotNull @Size(max = 63) String> providers,
      Boolean template,
      @Size(max = 5000) List<RecordSetInput> recordSets,
      @Size(max = 4_000_000) String zoneFile,
      @Valid Axfr axfr,
      @Size(max = 500) String reason) {

    /** The same request with its records given as a zone file (what an AXFR brought). */
    NewZone withZoneFile(String text) {
      return new NewZone(name, tenant, providers, false, recordSets, text, null, reason);
    }
  }

  /**
   * Import by zone transfer from the server that serves the zone today (engineers only): its
   * address, DNS port and, when it requires one, the TSIG key.
   */
  public record Axfr(
      @NotNull @Size(max = 253) String host,
      @Min(1) @Max(65535) Integer port,
      @Size(max = 253) String tsigKeyName,
      @Size(max = 40) String tsigAlgorithm,
      @Size(max = 200) String tsigSecret) {}

  /** The zone's record sets as they must be from now on (all of them), and why. */
  public record RecordSetsChange(
      @NotNull @Size(max = 5000) List<RecordSetInput> recordSets, @Size(max = 500) String reason) {}

  /**
   * One RRset as it must be from now on ({@code PUT .../record-sets/{name}/{type}}), and why.
   *
   * @param ttl seconds; the zone's default when absent
   * @param failoverGroup the DRP failover group (A and AAAA only); none when absent
   */
  public record RecordSetBody(
      Long ttl,
      @NotNull @Size(max = 100) List<String> records,
      @Size(max = 40) String failoverGroup,
      @Size(max = 500) String reason) {}
}
