package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The clients' DNS zones through the dns-service API, as an engineer would (USE-CASES.md, demo
 * data): {@code saint-roch-demo.fr} with www and the apex on the load balancers' addresses (lb1 in
 * DC2, lb2 in DC5), the hoster's MX and SPF from the template, and a CAA for Let's Encrypt; {@code
 * lumiere-demo.com} with {@code www} and {@code api} in the failover group {@code web} that a DRP
 * run switches to the recovery server in DC5. {@code ./vigie up} configures no DNS server, so the
 * zones are held by Vigie and bound to no provider. Called on every start: a zone that exists is
 * left as it is.
 */
public final class DnsDemo {

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI api;
  private final String token;

  private DnsDemo(URI dnsBaseUrl, String token) {
    this.api = dnsBaseUrl.resolve("api/v1/");
    this.token = token;
  }

  /**
   * @param dnsBaseUrl dns-service's root, e.g. {@code http://127.0.0.1:8085/}
   * @param adminBearerToken an access token of the demo user {@code admin}
   */
  public static void load(URI dnsBaseUrl, String adminBearerToken)
      throws IOException, InterruptedException {
    new DnsDemo(dnsBaseUrl, adminBearerToken).loadAll();
  }

  private void loadAll() throws IOException, InterruptedException {
    awaitClient("saint-roch");
    awaitClient("lumiere");
    zone(
        "saint-roch-demo.fr.",
        "saint-roch",
        """
        [{"name":"@","type":"A","ttl":300,"records":["51.159.10.11","51.159.50.11"]},
         {"name":"www","type":"A","ttl":300,"records":["51.159.10.11","51.159.50.11"]},
         {"name":"@","type":"CAA","ttl":3600,"records":["0 issue \\"letsencrypt.org\\""]}]""");
    zone(
        "lumiere-demo.com.",
        "lumiere",
        """
        [{"name":"www","type":"A","ttl":3600,"records":["51.159.10.30"],"failoverGroup":"web"},
         {"name":"api","type":"A","ttl":3600,"records":["51.159.10.31"],"failoverGroup":"web"},
         {"name":"recette","type":"CNAME","ttl":3600,"records":["www"]}]""");
    Log.info("dns demo data loaded: saint-roch-demo.fr, lumiere-demo.com (failover group web)");
  }

  /** dns-service learns the clients from inventory.events, a moment after inventory. */
  private void awaitClient(String tenant) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String probe = "{\"name\":\"probe." + tenant + "-demo.invalid\",\"tenant\":\"" + tenant + "\"}";
    while (send(post("zones/plan", probe)).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IOException("dns-service did not learn client " + tenant + " in 90 s");
      }
      Thread.sleep(500);
    }
  }

  private void zone(String name, String tenant, String recordSets)
      throws IOException, InterruptedException {
    HttpResponse<String> found =
        send(
            get(
                "zones?tenant="
                    + tenant
                    + "&name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8)));
    expect(found, 200);
    if (found.body().contains("\"name\":\"" + name + "\"")) {
      return;
    }
    String body =
        """
        {"name":"%s","tenant":"%s","providers":[],"recordSets":%s,"reason":"demo data"}"""
            .formatted(name, tenant, recordSets);
    expect(send(post("zones", body)), 201);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest post(String path, String body) {
    return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> response, int status) throws IOException {
    Http.expect("DNS demo data", response, status);
  }
}
