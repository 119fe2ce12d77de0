package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo platform through the inventory API, as an admin would: the Toulouse
 * high-availability web platform in Paris DC2/DC3/DC5 and the one-person hoster's Proxmox box in
 * Falkenstein (USE-CASES.md #1, #4, #5). Called on every {@code ./vigie up}, so each item is looked
 * up by its natural key before it is created.
 */
public final class DemoData {

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI api;
  private final String token;

  private DemoData(URI inventoryBaseUrl, String token) {
    this.api = inventoryBaseUrl.resolve("api/v1/");
    this.token = token;
  }

  /**
   * @param inventoryBaseUrl the inventory service's root, e.g. {@code http://127.0.0.1:8081/}
   * @param monitoringBaseUrl monitoring-service's root, e.g. {@code http://127.0.0.1:8082/}
   * @param adminBearerToken an access token of the demo user {@code admin} (role vigie-admin)
   */
  public static void load(URI inventoryBaseUrl, URI monitoringBaseUrl, String adminBearerToken)
      throws IOException, InterruptedException {
    List<String> hypervisors = new DemoData(inventoryBaseUrl, adminBearerToken).loadAll();
    new DemoData(monitoringBaseUrl, adminBearerToken).loadMonitoring(hypervisors);
  }

  /**
   * Lumière's proactive maintenance (OS and security updates on its hypervisors, Tuesdays 23:00
   * Paris time, agreed with the client) and its web checks' alerting: two failures in a row page,
   * five quiet minutes resolve.
   */
  private void loadMonitoring(List<String> hypervisors) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (String server : hypervisors) {
      // monitoring learns the servers from inventory.events, a moment after inventory
      while (send(get("targets/" + server)).statusCode() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IOException("monitoring-service did not learn server " + server + " in 90 s");
        }
        Thread.sleep(500);
      }
    }
    ensure(
        "maintenance-windows?serverId=" + hypervisors.get(0),
        "maintenance-windows",
        "{\"serverIds\":["
            + String.join(",", hypervisors.stream().map(DemoData::q).toList())
            + "],\"startsAt\":\"2026-11-24T22:00:00Z\",\"endsAt\":\"2026-11-24T23:00:00Z\","
            + "\"rrule\":\"FREQ=WEEKLY;BYDAY=TU\",\"timeZone\":\"Europe/Paris\","
            + "\"reason\":\"OS and security updates agreed with Lumière\"}");
    ensure(
        "alert-rules?kind=CHECK",
        "alert-rules",
        "{\"name\":\"web-checks\",\"kind\":\"CHECK\",\"check\":\"check_http*\","
            + "\"consecutiveFailures\":2,\"clearFor\":\"5m\",\"severity\":\"critical\"}");
    Log.info("monitoring demo data loaded: weekly maintenance window, web check rule");
  }

  private List<String> loadAll() throws IOException, InterruptedException {
    String lumiere = client("lumiere", "Lumière SAS (e-commerce)", "99.80", "PT1H");
    String saintRoch = client("saint-roch", "Clinique Saint-Roch", "99.95", "PT1H");

    String dc2 =
        datacenter(
            "PAR-DC2",
            "Paris DC2",
            "Vitry-sur-Seine",
            "FR",
            3,
            "\"ISO_27001\",\"ISO_50001\",\"HDS\",\"UPTIME_TIER_III\"");
    String dc3 =
        datacenter(
            "PAR-DC3",
            "Paris DC3",
            "Vitry-sur-Seine",
            "FR",
            3,
            "\"ISO_27001\",\"ISO_50001\",\"HDS\",\"UPTIME_TIER_III\"");
    String dc5 =
        datacenter(
            "PAR-DC5",
            "Paris DC5",
            "Saint-Ouen",
            "FR",
            3,
            "\"ISO_27001\",\"ISO_50001\",\"HDS\",\"UPTIME_TIER_III\"");
    String fsn = datacenter("FSN1", "Falkenstein FSN1", "Falkenstein", "DE", 3, "\"ISO_27001\"");
    String rack2 = rack(dc2, "R01", 42);
    String rack5 = rack(dc5, "R07", 42);

    // 2 HAProxy load balancers, one per site: Xeon D-1531, 32 GB, 2x250 GB SSD, 300 Mbit/s burst 1
    // Gbit/s
    String lbCpu = cpu("Intel Xeon D-1531", 1, 6, 12, "2.2");
    String lbDisks = storage("RAID1", 2, 250, "SSD");
    String lb1 =
        server(
            "lb1.par-dc2.vigie-demo.net",
            dc2,
            rack2,
            1,
            "\"LOAD_BALANCER\"",
            lbCpu,
            32,
            false,
            lbDisks,
            "10.2.0.11",
            "51.159.10.11",
            "2024-02-01",
            "2027-02-01");
    String lb2 =
        server(
            "lb2.par-dc5.vigie-demo.net",
            dc5,
            rack5,
            1,
            "\"LOAD_BALANCER\"",
            lbCpu,
            32,
            false,
            lbDisks,
            "10.5.0.11",
            "51.159.50.11",
            "2024-02-01",
            "2027-02-01");
    // web servers in DC2: Xeon E3-1245 v5 4C/8T 3.5 GHz, 64 GB DDR4 ECC, 3x500 GB SSD
    String webCpu = cpu("Intel Xeon E3-1245 v5", 1, 4, 8, "3.5");
    String webDisks = storage("RAID5", 3, 500, "SSD");
    String web1 =
        server(
            "web1.par-dc2.vigie-demo.net",
            dc2,
            rack2,
            3,
            "\"WEB\"",
            webCpu,
            64,
            true,
            webDisks,
            "10.2.0.21",
            "51.159.10.21",
            "2022-01-10",
            LocalDate.now().plusDays(40).toString());
    String web2 =
        server(
            "web2.par-dc2.vigie-demo.net",
            dc2,
            rack2,
            4,
            "\"WEB\"",
            webCpu,
            64,
            true,
            webDisks,
            "10.2.0.22",
            "51.159.10.22",
            "2023-06-01",
            "2026-06-01");
    // hypervisors carrying the e-commerce client's VMs, one in each of two sites
    String hvCpu = cpu("Intel Xeon Silver 4214", 2, 24, 48, "2.2");
    String hvDisks = storage("RAID10", 6, 1920, "SSD");
    String hv1 =
        server(
            "hv1.par-dc2.vigie-demo.net",
            dc2,
            rack2,
            10,
            "\"HYPERVISOR\"",
            hvCpu,
            256,
            true,
            hvDisks,
            "10.2.0.31",
            null,
            "2024-09-01",
            "2029-09-01");
    String hv2 =
        server(
            "hv2.par-dc3.vigie-demo.net",
            dc3,
            null,
            null,
            "\"HYPERVISOR\"",
            hvCpu,
            256,
            true,
            hvDisks,
            "10.3.0.31",
            null,
            "2024-09-01",
            "2029-09-01");
    // the one-person hoster's single Proxmox box: 4x10 TB in RAID10, 32 GB ECC, one LXC per client
    String pve =
        server(
            "pve1.fsn1.vigie-demo.net",
            fsn,
            null,
            null,
            "\"HYPERVISOR\",\"BACKUP\"",
            cpu("AMD Ryzen 7 3700X", 1, 8, 16, "3.6"),
            32,
            true,
            storage("RAID10", 4, 10000, "HDD"),
            "10.9.0.2",
            "88.198.10.2",
            "2025-01-15",
            "2027-01-15");
    String db3 =
        server(
            "db3.par-dc3.vigie-demo.net",
            dc3,
            null,
            null,
            "\"DATABASE\"",
            webCpu,
            64,
            true,
            webDisks,
            "10.3.0.41",
            null,
            "2026-11-01",
            "2031-11-01");
    for (String active : new String[] {lb1, lb2, web1, web2, hv1, hv2, pve}) {
      activate(active);
    }
    // the DRP server of use case 3 in DC5, away from the production in DC2 and DC3: the recovery
    // server of lumière's DRP plan (BackupDemo), the address its failover group switches to
    String drp1 =
        server(
            "drp1.par-dc5.vigie-demo.net",
            dc5,
            rack5,
            20,
            "\"WEB\",\"DATABASE\"",
            webCpu,
            64,
            true,
            webDisks,
            "10.5.0.40",
            "51.159.50.40",
            "2025-03-01",
            "2030-03-01");
    activate(drp1);
    // db3 stays PLANNED: racked next month

    // Lumière: 2 web + 2 app + 2 database + 1 order-tracking VM + 2 load balancers (USE-CASES.md
    // #5)
    String web1Vm =
        guest("lumiere-web-1", "VM", hv1, lumiere, 2, 2, 40, "10.20.1.11", "CentOS Stream 9");
    String web2Vm =
        guest("lumiere-web-2", "VM", hv2, lumiere, 2, 2, 40, "10.20.1.12", "CentOS Stream 9");
    String app1 =
        guest("lumiere-app-1", "VM", hv1, lumiere, 4, 8, 30, "10.20.2.11", "CentOS Stream 9");
    String app2 =
        guest("lumiere-app-2", "VM", hv2, lumiere, 4, 8, 30, "10.20.2.12", "CentOS Stream 9");
    String db1 =
        guest("lumiere-db-1", "VM", hv1, lumiere, 6, 4, 50, "10.20.3.11", "CentOS Stream 9");
    String db2 =
        guest("lumiere-db-2", "VM", hv2, lumiere, 6, 4, 50, "10.20.3.12", "CentOS Stream 9");
    String orders =
        guest("lumiere-orders", "VM", hv1, lumiere, 2, 4, 70, "10.20.4.11", "CentOS Stream 9");
    guest("lumiere-lb-1", "VM", hv1, lumiere, 1, 1, 10, "10.20.0.11", "CentOS Stream 9");
    guest("lumiere-lb-2", "VM", hv2, lumiere, 1, 1, 10, "10.20.0.12", "CentOS Stream 9");
    String recette =
        guest("ct-saint-roch-recette", "LXC", pve, saintRoch, 2, 4, 200, "10.9.0.21", "Debian 12");

    hostedService(
        lumiere,
        "Boutique en ligne",
        "WEBSITE",
        "https://shop.lumiere-demo.fr",
        null,
        "nginx",
        "",
        q(web1Vm) + "," + q(web2Vm) + "," + q(app1) + "," + q(app2));
    hostedService(lumiere, "Suivi de commandes", "APPLICATION", null, 8443, "jboss", "", q(orders));
    hostedService(
        lumiere, "Base commandes", "DATABASE", null, 3306, "mysql", "", q(db1) + "," + q(db2));
    hostedService(
        saintRoch,
        "Portail patients",
        "WEBSITE",
        "https://portail.saint-roch-demo.fr",
        null,
        "apache",
        q(lb1) + "," + q(lb2) + "," + q(web1) + "," + q(web2),
        "");
    hostedService(
        saintRoch,
        "Portail patients (recette)",
        "WEBSITE",
        "https://recette.saint-roch-demo.fr",
        null,
        "apache",
        "",
        q(recette));
    Log.info(
        "demo data loaded: 2 clients, 4 datacenters, 8 servers, 10 VMs and containers, 5 hosted services");
    return List.of(hv1, hv2);
  }

  private String client(String code, String name, String availability, String p1)
      throws IOException, InterruptedException {
    String contract =
        """
        {"availabilityTarget":%s,
         "supportHours":{"coverage":"ALWAYS","timeZone":"Europe/Paris"},
         "priorityTargets":[{"priority":"P1","timeToIntervention":"%s","timeToResolution":"PT4H"},
                            {"priority":"P2","timeToIntervention":"PT4H","timeToResolution":"P1D"},
                            {"priority":"P3","timeToIntervention":"P1D"},
                            {"priority":"P4","timeToIntervention":"P3D"}],
         "backup":{"databaseEveryHours":1,"databaseRetentionDays":10,"filesRetentionDays":7,"copies":2,"distinctSites":2},
         "drp":{"rpo":"PT2H","rto":"PT4H"}}"""
            .formatted(availability, p1);
    return ensure(
        "clients?code=" + code,
        "clients",
        """
        {"code":"%s","name":"%s","contactEmail":"ops@%s-demo.fr","contract":%s}"""
            .formatted(code, name, code, contract));
  }

  private String datacenter(
      String code, String name, String city, String country, int tier, String certs)
      throws IOException, InterruptedException {
    String existing = findInList("datacenters?size=500", "\"code\":\"" + code + "\"");
    if (existing != null) {
      return existing;
    }
    return create(
        "datacenters",
        """
        {"code":"%s","name":"%s","operator":"Demo Colocation","city":"%s","country":"%s","tier":%d,"certifications":[%s]}"""
            .formatted(code, name, city, country, tier, certs));
  }

  private String rack(String datacenterId, String name, int units)
      throws IOException, InterruptedException {
    String existing =
        findInList("racks?size=500&datacenterId=" + datacenterId, "\"name\":\"" + name + "\"");
    if (existing != null) {
      return existing;
    }
    return create(
        "racks",
        """
        {"datacenterId":"%s","name":"%s","room":"Salle 1","units":%d}"""
            .formatted(datacenterId, name, units));
  }

  private static String cpu(String model, int sockets, int cores, int threads, String ghz) {
    return """
        {"model":"%s","sockets":%d,"cores":%d,"threads":%d,"ghz":%s}"""
        .formatted(model, sockets, cores, threads, ghz);
  }

  private static String storage(String raid, int count, int sizeGb, String media) {
    return """
        {"raid":"%s","disks":[{"count":%d,"sizeGb":%d,"media":"%s"}]}"""
        .formatted(raid, count, sizeGb, media);
  }

  private String server(
      String hostname,
      String dc,
      String rack,
      Integer position,
      String roles,
      String cpu,
      int ramGb,
      boolean ecc,
      String storage,
      String managementIp,
      String publicIp,
      String purchased,
      String warrantyEnd)
      throws IOException, InterruptedException {
    String body =
        """
        {"hostname":"%s","datacenterId":"%s","rackId":%s,"rackPosition":%s,"roles":[%s],
         "hardware":{"cpu":%s,"memory":{"sizeGb":%d,"type":"DDR4","ecc":%s},"storage":%s},
         "networkLinks":[{"kind":"INTERNET","name":"eno1","bandwidthMbps":300,"burstMbps":1000},
                         {"kind":"PRIVATE","name":"eno2","bandwidthMbps":1000}],
         "managementIp":"%s","publicIps":[%s],"vendor":"Dell","model":"PowerEdge","serialNumber":"SN-%s",
         "purchaseDate":"%s","warrantyEnd":"%s","endOfLife":"%s"}"""
            .formatted(
                hostname,
                dc,
                rack == null ? "null" : q(rack),
                position,
                roles,
                cpu,
                ramGb,
                ecc,
                storage,
                managementIp,
                publicIp == null ? "" : q(publicIp),
                Math.abs(hostname.hashCode()),
                purchased,
                warrantyEnd,
                LocalDate.parse(purchased).plusYears(7));
    return ensure("servers?hostname=" + hostname, "servers", body);
  }

  private void activate(String serverId) throws IOException, InterruptedException {
    HttpResponse<String> current = send(get("servers/" + serverId));
    if (!current.body().contains("\"status\":\"PLANNED\"")) {
      return;
    }
    String etag = current.headers().firstValue("ETag").orElseThrow();
    expect(
        send(
            request("servers/" + serverId + "/lifecycle")
                .header("If-Match", etag)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"to\":\"ACTIVE\",\"reason\":\"Commissioned (demo data)\"}"))
                .build()),
        200);
  }

  private String guest(
      String name,
      String kind,
      String host,
      String client,
      int vcpus,
      int ramGb,
      int diskGb,
      String ip,
      String os)
      throws IOException, InterruptedException {
    String existing =
        findInList("virtual-machines?size=500&hostServerId=" + host, "\"name\":\"" + name + "\"");
    if (existing != null) {
      return existing;
    }
    return create(
        "virtual-machines",
        """
        {"name":"%s","kind":"%s","hostServerId":"%s","clientId":"%s","vcpus":%d,"ramGb":%d,"diskGb":%d,
         "ipAddresses":["%s"],"operatingSystem":"%s"}"""
            .formatted(name, kind, host, client, vcpus, ramGb, diskGb, ip, os));
  }

  private void hostedService(
      String client,
      String name,
      String kind,
      String url,
      Integer port,
      String technology,
      String servers,
      String vms)
      throws IOException, InterruptedException {
    if (findInList("hosted-services?size=500", "\"name\":\"" + name + "\"") != null) {
      return;
    }
    create(
        "hosted-services",
        """
        {"clientId":"%s","name":"%s","kind":"%s","url":%s,"port":%s,"technology":"%s","serverIds":[%s],"virtualMachineIds":[%s]}"""
            .formatted(
                client, name, kind, url == null ? "null" : q(url), port, technology, servers, vms));
  }

  /** The id of the single item a filtered list finds, or the id of what POST creates. */
  private String ensure(String filteredList, String collection, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> found = expect(send(get(filteredList)), 200);
    if (found.body().contains("\"items\":[{")) {
      return firstId(found.body());
    }
    return create(collection, body);
  }

  /** The id of the list item whose JSON contains {@code marker}, or null. */
  private String findInList(String list, String marker) throws IOException, InterruptedException {
    String body = expect(send(get(list)), 200).body();
    for (String item : body.split("\\},\\{\"id\":")) {
      String candidate = item.startsWith("\"") ? "{\"id\":" + item : item;
      if (candidate.contains(marker)) {
        return firstId(candidate);
      }
    }
    return null;
  }

  private String create(String collection, String body) throws IOException, InterruptedException {
    HttpResponse<String> created =
        send(request(collection).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    return firstId(expect(created, 201).body());
  }

  private static String firstId(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("No id in " + json);
    }
    return matcher.group(1);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    String[] parts = path.split("\\?", 2);
    String query = parts.length == 2 ? "?" + encodeQuery(parts[1]) : "";
    return HttpRequest.newBuilder(api.resolve(parts[0] + query))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private static String encodeQuery(String query) {
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status)
      throws IOException {
    return Http.expect("Demo data", response, status);
  }

  private static String q(String value) {
    return "\"" + value + "\"";
  }
}
