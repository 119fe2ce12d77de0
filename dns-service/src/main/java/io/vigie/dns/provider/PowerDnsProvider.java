package io.vigie.dns.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.dns.zone.Plan;
import io.vigie.dns.zone.RecordSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * PowerDNS Authoritative through its HTTP API (4.x): a zone Vigie applies is created as a primary
 * zone whose SOA serial Vigie sets ({@code soa_edit_api} off), its RRsets are replaced or deleted
 * with one {@code PATCH}, and secondaries are notified.
 */
public final class PowerDnsProvider implements DnsProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final URI zones;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param apiUrl the API base, {@code http://127.0.0.1:8081/api/v1/servers/localhost}
   */
  public PowerDnsProvider(String name, URI apiUrl, String apiKey, Duration timeout) {
    this.name = name;
    String base = apiUrl.toString();
    this.zones = URI.create((base.endsWith("/") ? base : base + "/") + "zones");
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ServedZone read(Name zone) throws ProviderException {
    HttpResponse<String> response = send("GET", zoneUri(zone), null);
    if (response.statusCode() == 404 || response.statusCode() == 422) {
      return null;
    }
    expect(response, 200, "read zone " + zone);
    JsonNode body = parse(response.body());
    List<Record> records = new ArrayList<>();
    long serial = body.path("serial").asLong();
    for (JsonNode rrset : body.path("rrsets")) {
      try {
        Name owner = Name.fromString(rrset.path("name").asText());
        int type = Type.value(rrset.path("type").asText());
        long ttl = rrset.path("ttl").asLong();
        for (JsonNode record : rrset.path("records")) {
          if (record.path("disabled").asBoolean(false)) {
            continue; // not served
          }
          Record parsed =
              Record.fromString(owner, type, DClass.IN, ttl, record.path("content").asText(), zone);
          if (parsed instanceof SOARecord soa) {
            serial = soa.getSerial();
          }
          records.add(parsed);
        }
      } catch (IOException | RuntimeException e) {
        throw new ProviderException(name + " serves data Vigie cannot read: " + e.getMessage(), e);
      }
    }
    return new ServedZone(serial, RecordSets.of(records));
  }

  @Override
  public Plan apply(Name zone, SOARecord soa, List<RecordSet> desired) throws ProviderException {
    ServedZone served = read(zone);
    if (served == null) {
      create(zone);
      served = new ServedZone(0, List.of());
    }
    Plan plan = Plan.between(desired, served.recordSets());
    if (plan.isEmpty() && served.serial() == soa.getSerial()) {
      return plan;
    }
    ArrayNode rrsets = JSON.createArrayNode();
    for (Plan.Change change : plan.changes()) {
      ObjectNode rrset = rrsets.addObject();
      rrset.put("name", change.key().name());
      rrset.put("type", change.key().type());
      if (change.action() == Plan.Action.REMOVE) {
        rrset.put("changetype", "DELETE");
        continue;
      }
      rrset.put("changetype", "REPLACE");
      rrset.put("ttl", change.after().ttl());
      ArrayNode records = rrset.putArray("records");
      change
          .after()
          .records()
          .forEach(d -> records.addObject().put("content", d).put("disabled", false));
    }
    ObjectNode soaSet = rrsets.addObject();
    soaSet.put("name", zone.toString());
    soaSet.put("type", "SOA");
    soaSet.put("changetype", "REPLACE");
    soaSet.put("ttl", soa.getTTL());
    soaSet
        .putArray("records")
        .addObject()
        .put("content", soa.rdataToString())
        .put("disabled", false);
    ObjectNode patch = JSON.createObjectNode();
    patch.set("rrsets", rrsets);
    expect(send("PATCH", zoneUri(zone), patch.toString()), 204, "change zone " + zone);
    expect(send("PUT", URI.create(zoneUri(zone) + "/notify"), null), 200, "notify " + zone);
    return plan;
  }

  @Override
  public Plan remove(Name zone, SOARecord soa) throws ProviderException {
    ServedZone served = read(zone);
    if (served == null) {
      return new Plan(List.of());
    }
    HttpResponse<String> response = send("DELETE", zoneUri(zone), null);
    if (response.statusCode() != 404) {
      expect(response, 204, "delete zone " + zone);
    }
    return Plan.between(List.of(), served.recordSets());
  }

  private void create(Name zone) throws ProviderException {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", zone.toString());
    body.put("kind", "Master");
    body.putArray("nameservers");
    // Vigie numbers the serials itself (YYYYMMDDnn); the server must not rewrite them
    body.put("soa_edit_api", "");
    expect(send("POST", zones, body.toString()), 201, "create zone " + zone);
  }

  private URI zoneUri(Name zone) {
    return URI.create(zones + "/" + URLEncoder.encode(zone.toString(), StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, URI uri, String body) throws ProviderException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("X-API-Key", apiKey)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderException(name + " cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(name + ": interrupted", e);
    }
  }

  private void expect(HttpResponse<String> response, int status, String what)
      throws ProviderException {
    if (response.statusCode() != status) {
      String error = response.body();
      try {
        JsonNode node = parse(error);
        if (node.hasNonNull("error")) {
          error = node.get("error").asText();
        }
      } catch (ProviderException unreadable) {
        // keep the raw body
      }
      if (error != null && error.length() > 500) {
        error = error.substring(0, 500);
      }
      throw new ProviderException(
          name + " refused to " + what + ": HTTP " + response.statusCode() + " " + error);
    }
  }

  private JsonNode parse(String body) throws ProviderException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ProviderException(name + " answered something that is not JSON", e);
    }
  }
}
