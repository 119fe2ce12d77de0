package io.vigie.console.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.PackagedService;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.VigieTestResources;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} driven through {@code
 * chromedriver}) against the real stack: Keycloak with the project's realm (its login page),
 * inventory-, monitoring- and ticket-service as packaged jars on the test kit's PostgreSQL and
 * Kafka, and the console's own packaged jar. backup- and dns-service are deliberately not started:
 * the wall must say so in their panels and show the rest.
 *
 * <p>Screenshots go to {@code console/docs/}, and the wall's first render time (Navigation Timing)
 * to {@code console/docs/wall-first-render.md}; measured, not asserted.
 */
class ConsoleBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path DOCS = Path.of("docs");
  private static final VigieTestResources INFRASTRUCTURE = new VigieTestResources();
  private static final List<AutoCloseable> STARTED = new ArrayList<>();

  private static RealKeycloak keycloak;
  private static PackagedService inventory;
  private static PackagedService monitoring;
  private static PackagedService tickets;
  private static ConsoleProcess console;

  private static String lumiereServer;
  private static String saintRochServer;
  private static String saintRochTicket;
  private static String saintRochReference;

  @BeforeAll
  static void startTheStack() throws Exception {
    Map<String, String> shared = new HashMap<>(INFRASTRUCTURE.start());
    int pg = PostgresResource.server().getPort();
    try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String db : List.of("inventory", "monitoring", "ticket")) {
        s.execute("drop database if exists " + db);
        s.execute("create database " + db);
      }
    }
    int consolePort = ConsoleProcess.freePort();
    String consoleUrl = "http://127.0.0.1:" + consolePort;
    keycloak =
        RealKeycloak.start(
            Path.of(
                System.getProperty(
                    "vigie.keycloak.zip", "target/keycloak/keycloak-quarkus-dist.zip")),
            // the realm under test is this checkout's, even when the services' jars come from
            // another (-Dvigie.repository)
            Path.of("..", "deploy/keycloak/vigie-realm.json").toAbsolutePath().normalize(),
            consoleUrl,
            ConsoleProcess.freePort(),
            ConsoleProcess.freePort());
    STARTED.add(keycloak);
    keycloak.awaitReady(Duration.ofSeconds(240));

    // the services verify the real Keycloak's tokens, not the test kit's key
    shared.remove("quarkus.oidc.public-key");
    shared.remove("quarkus.oidc.token.issuer");
    shared.put("quarkus.oidc.auth-server-url", keycloak.issuer());
    inventory =
        started(PackagedService.start("inventory-service", database(shared, pg, "inventory")));
    monitoring =
        started(PackagedService.start("monitoring-service", database(shared, pg, "monitoring")));
    tickets = started(PackagedService.start("ticket-service", database(shared, pg, "ticket")));
    Map<String, String> consoleConfig = new HashMap<>();
    consoleConfig.put("quarkus.oidc.auth-server-url", keycloak.issuer());
    consoleConfig.put("vigie.console.inventory-url", inventory.url(""));
    consoleConfig.put("vigie.console.monitoring-url", monitoring.url(""));
    consoleConfig.put("vigie.console.ticket-url", tickets.url(""));
    // nothing listens there: the wall must say these two are not answering
    consoleConfig.put("vigie.console.backup-url", "http://127.0.0.1:" + ConsoleProcess.freePort());
    consoleConfig.put("vigie.console.dns-url", "http://127.0.0.1:" + ConsoleProcess.freePort());
    consoleConfig.put("vigie.console.wall-refresh", "1s");
    console = ConsoleProcess.start(consolePort, consoleConfig);
    STARTED.add(console);
    for (PackagedService service : List.of(inventory, monitoring, tickets)) {
      service.awaitReady(Duration.ofSeconds(180));
    }
    console.awaitReady(Duration.ofSeconds(120));
    loadTheClients();
  }

  @AfterAll
  static void stopTheStack() throws Exception {
    for (int i = STARTED.size() - 1; i >= 0; i--) {
      STARTED.get(i).close();
    }
    INFRASTRUCTURE.stop();
  }

  @Test
  void aClientSeesOnlyItsOwnPlatformAcceptsAnInterventionAndFindsNothingOfAnotherClient()
      throws Exception {
    WebDriver browser = browser("en-US,en");
    try {
      signIn(browser, "/", "lumiere");
      waitFor(browser).until(ExpectedConditions.urlContains("/window"));
      String window = browser.findElement(By.tagName("main")).getText();
      assertThat(window).contains("lum-web1.it.example").doesNotContain("sr-web1.it.example");
      assertThat(window).contains("Access for Lumière's developers").doesNotContain("Saint-Roch");
      // availability from monitoring's report; backup-service is not running and its part says so
      assertThat(browser.findElement(By.id("window-availability")).getText())
          .startsWith("Availability this month")
          .doesNotContain("is not answering");
      assertThat(browser.findElement(By.id("window-backups")).getText())
          .contains("backup-service is not answering");
      // the usage of the client's own server over the last week, and the months' availability
      assertThat(browser.findElement(By.id("window-usage")).getText())
          .contains("lum-web1.it.example");
      assertThat(browser.findElements(By.cssSelector("#window-usage svg.usage"))).hasSize(3);
      assertThat(browser.findElement(By.id("window-months")).getText())
          .startsWith("The last 6 months")
          .doesNotContain("is not answering");
      screenshot(browser, "client-window.png");

      // a form posted without the session's anti-forgery token (as another site would) is refused
      Object forged =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + "fetch('/window/calendar-feed', {method: 'POST',"
                      + " body: new URLSearchParams({tenant: 'lumiere'})})"
                      + ".then(function (r) { done(r.status); }, function (e) { done(String(e)); });");
      assertThat(forged).isEqualTo(403L);

      // the calendar feed's address, shown once when made
      browser.findElement(By.id("feed-rotate")).click();
      assertThat(
              waitFor(browser)
                  .until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-feed")))
                  .getText())
          .startsWith(tickets.url("/ical/"))
          .endsWith(".ics");
      browser.get(console.url("/window"));

      browser.findElement(By.cssSelector("#consent-h ~ ul [data-intervention] a")).click();
      waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("accept")));
      assertThat(browser.findElement(By.id("intervention-status")).getText()).isEqualTo("PROPOSED");
      browser.findElement(By.id("accept")).click();
      waitFor(browser)
          .until(ExpectedConditions.textToBe(By.id("intervention-status"), "SCHEDULED"));
      assertThat(browser.findElement(By.id("consent-answer")).getText()).startsWith("ACCEPTED");

      // the monthly report, a page that prints
      browser.findElement(By.linkText("Monthly report")).click();
      waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
      String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
      assertThat(browser.getCurrentUrl()).endsWith("/reports/lumiere/" + month);
      assertThat(browser.findElement(By.tagName("main")).getText())
          .containsPattern("Tickets opened: [1-9]")
          .contains("backup-service is not answering");
      screenshot(browser, "monthly-report.png");

      // the search box answers with the client's own token: nothing of another client
      browser.get(console.url("/search?q=sr-web"));
      assertThat(browser.findElement(By.id("found-servers")).getText())
          .doesNotContain("sr-web1.it.example");

      // another client's server, ticket and report, typed into the address bar: not found
      for (String path :
          List.of(
              "/servers/" + saintRochServer,
              "/tickets/" + saintRochTicket,
              "/reports/saint-roch/" + month,
              "/servers/nope")) {
        browser.get(console.url(path));
        assertThat(browser.findElement(By.id("not-found")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("sr-web1").doesNotContain("Saint-Roch");
      }
    } finally {
      browser.quit();
    }
  }

  @Test
  void anEngineerSeesANewAlertArriveOnTheWallWithoutReloadingAndAcknowledgesTheIncident()
      throws Exception {
    WebDriver browser = browser("en-US,en");
    try {
      signIn(browser, "/wall", "engineer");
      waitFor(browser).until(ExpectedConditions.urlContains("/wall"));
      measureFirstRender(browser);
      // backup- and dns-service are not running: their panels say so, the others are shown
      String wall = browser.findElement(By.tagName("main")).getText();
      assertThat(wall)
          .contains("backup-service is not answering")
          .contains("dns-service is not answering")
          .contains("No alert is firing.");
      waitFor(browser)
          .until(ExpectedConditions.attributeToBe(By.id("wall-live"), "class", "live on"));
      ((JavascriptExecutor) browser).executeScript("window.vigieNotReloaded = true;");

      reportSshDown(lumiereServer);
      WebElement alert =
          waitFor(browser)
              .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.alert")));
      assertThat(alert.getText()).isNotBlank();
      // the alert is on Lumière's server: the wall counts it against Lumière
      waitFor(browser)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("table.by-client tr[data-client='lumiere']")));
      By acknowledge = By.cssSelector("table.incidents tr[data-ticket] button");
      waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(acknowledge));
      assertThat(((JavascriptExecutor) browser).executeScript("return window.vigieNotReloaded"))
          .as("the alert and the incident arrived without a reload")
          .isEqualTo(true);
      screenshot(browser, "wall.png");

      // the panels may be swapped by the stream between finding the button and clicking it
      String incident =
          waitFor(browser)
              .ignoring(StaleElementReferenceException.class)
              .until(
                  b -> {
                    WebElement button = b.findElement(acknowledge);
                    String id =
                        button.findElement(By.xpath("ancestor::tr")).getDomAttribute("data-ticket");
                    button.click();
                    return id;
                  });
      By status = By.cssSelector("tr[data-ticket='" + incident + "'] td.status");
      waitFor(browser).until(ExpectedConditions.textToBe(status, "ACKNOWLEDGED"));
    } finally {
      browser.quit();
    }
  }

  @Test
  void theConsoleSpeaksFrenchToAFrenchBrowser() throws Exception {
    WebDriver browser = browser("fr-FR,fr");
    try {
      signIn(browser, "/wall", "support");
      waitFor(browser).until(ExpectedConditions.urlContains("/wall"));
      assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Mur d'exploitation");
      assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
      assertThat(browser.findElement(By.tagName("main")).getText())
          .contains("backup-service ne répond pas");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aVisitorReadsThePublicStatusPageWithoutSigningInAndNothingPrivateIsOnItOrInItsFeed()
      throws Exception {
    String admin = keycloak.passwordToken("admin");
    String lumiere = keycloak.passwordToken("lumiere");
    create(admin, tickets, "/api/v1/articles", announcement("PUBLIC", null, PUBLIC_NOTICE));
    create(admin, tickets, "/api/v1/articles", announcement("INTERNAL", null, "Core switch RMA"));
    create(admin, tickets, "/api/v1/articles", announcement("CLIENT", "lumiere", "Shop migration"));
    Map<String, Object> draft = new HashMap<>(announcement("PUBLIC", null, "Draft notice"));
    draft.put("publish", false);
    create(admin, tickets, "/api/v1/articles", draft);
    String incident =
        create(
            admin,
            tickets,
            "/api/v1/tickets",
            Map.of(
                "type", "INCIDENT",
                "title", "Private: order database corruption",
                "description", "Seen on lum-web1.it.example",
                "impact", "HIGH",
                "urgency", "HIGH",
                "tenant", "lumiere"));
    // staff publish that incident on the page in public words, on a platform of their choosing
    // whose availability comes from a server monitoring has a result for
    reportPingUp(saintRochServer);
    String platform =
        create(
            admin,
            tickets,
            "/api/v1/status/platforms",
            Map.of(
                "name",
                "Online shops",
                "slug",
                "shops",
                "displayOrder",
                1,
                "serverIds",
                List.of(saintRochServer)));
    create(
        admin,
        tickets,
        "/api/v1/status/notices",
        Map.of(
            "incidentId",
            incident,
            "title",
            PUBLIC_INCIDENT,
            "platformIds",
            List.of(platform),
            "message",
            "Orders are delayed; we are on it."));
    assertThat(as(lumiere).get(tickets.url("/api/v1/articles?kind=ANNOUNCEMENT")).asString())
        .as("the client reads its own notice: the status page must not")
        .contains("Shop migration");
    List<String> privateThings =
        List.of(
            "Core switch RMA",
            "Shop migration",
            "Draft notice",
            "order database corruption",
            "lum-web1",
            "sr-web1",
            "Lumière",
            "Saint-Roch",
            "INC-");

    WebDriver browser = browser("en-US,en");
    try {
      browser.get(console.url("/status"));
      assertThat(browser.getCurrentUrl()).isEqualTo(console.url("/status"));
      assertThat(browser.findElement(By.id("status-title")).getText()).isEqualTo("Service status");
      String page = browser.findElement(By.tagName("main")).getText();
      assertThat(page).contains(PUBLIC_NOTICE).contains("Current notices");
      assertThat(browser.findElement(By.id("status-incidents")).getText())
          .contains(PUBLIC_INCIDENT)
          .contains("Orders are delayed; we are on it.");
      // its 90 days drawn from monitoring's availability, read with the console's service account:
      // the test's targets were first checked today, so the 89 days before are no data, not 100 %
      assertThat(browser.findElement(By.id("platform-shops")).getText())
          .contains("Online shops")
          .contains("Incident in progress")
          .contains(
              "100.00 % available since "
                  + LocalDate.now(ZoneOffset.UTC)
                  + ", when monitoring began (maintenance excluded)");
      List<WebElement> days = browser.findElements(By.cssSelector("#platform-shops ol.uptime li"));
      assertThat(days).hasSize(90);
      assertThat(days.subList(0, 89))
          .allMatch(day -> "day none".equals(day.getDomAttribute("class")))
          .allMatch(day -> day.getDomAttribute("title").endsWith(": no data"));
      assertThat(days.get(89).getDomAttribute("class")).isEqualTo("day up");
      assertThat(browser.getPageSource()).doesNotContain(privateThings.toArray(String[]::new));
      screenshot(browser, "status-page.png");
    } finally {
      browser.quit();
    }

    java.net.http.HttpResponse<String> feed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(console.url("/status/feed.atom")))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    assertThat(feed.body()).contains("<entry>").contains(PUBLIC_NOTICE);
    assertThat(feed.body()).doesNotContain(privateThings.toArray(String[]::new));
    assertThat(feed.body()).contains(PUBLIC_INCIDENT);
    // the iCalendar feed: the public words of the incident, nothing private
    java.net.http.HttpResponse<String> calendar =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(console.url("/status/calendar.ics")))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(calendar.body())
        .contains("BEGIN:VCALENDAR")
        .contains("Incident: " + PUBLIC_INCIDENT);
    assertThat(calendar.body()).doesNotContain(privateThings.toArray(String[]::new));
  }

  @Test
  void anEngineerSearchesOnceAcrossTheServicesAndSeesEverythingAboutAServerOnItsPage()
      throws Exception {
    WebDriver browser = browser("en-US,en", "Europe/Paris");
    try {
      signIn(browser, "/wall", "engineer");
      waitFor(browser).until(ExpectedConditions.urlContains("/wall"));

      // the navigation's search box: a server by name
      WebElement box = browser.findElement(By.id("nav-q"));
      box.sendKeys("lum-web");
      box.submit();
      waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("found-servers")));
      assertThat(browser.findElement(By.id("found-servers")).getText())
          .contains("lum-web1.it.example")
          .doesNotContain("sr-web1.it.example");
      // dns-service is not running: its part says so, the others are shown
      assertThat(browser.findElement(By.id("found-zones")).getText())
          .contains("dns-service is not answering");
      screenshot(browser, "search.png");

      // by address, by client name, by ticket number
      search(browser, "10.2.0.22");
      assertThat(browser.findElement(By.id("found-servers")).getText())
          .contains("sr-web1.it.example")
          .doesNotContain("lum-web1");
      search(browser, "lumière");
      assertThat(browser.findElement(By.id("found-clients")).getText()).contains("Lumière SAS");
      search(browser, saintRochReference.toLowerCase(java.util.Locale.ROOT));
      assertThat(browser.findElement(By.id("found-tickets")).getText())
          .contains(saintRochReference)
          .contains("Access for Saint-Roch's agency");

      // the server's page: inventory's facts and what runs there, monitoring, tickets; backup-
      // and dns-service are down and their panels say so
      search(browser, "lum-web1");
      browser.findElement(By.linkText("lum-web1.it.example")).click();
      waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("server-name")));
      assertThat(browser.getCurrentUrl()).endsWith("/servers/" + lumiereServer);
      assertThat(browser.findElement(By.id("server-addresses")).getText()).contains("10.2.0.21");
      assertThat(browser.findElement(By.id("server-hosted")).getText())
          .contains("Boutique en ligne");
      assertThat(browser.findElement(By.id("server-alerts")).getText())
          .doesNotContain("is not answering");
      assertThat(browser.findElement(By.id("server-incidents")).getText())
          .doesNotContain("is not answering");
      assertThat(browser.findElement(By.id("server-backups")).getText())
          .contains("backup-service is not answering");
      assertThat(browser.findElement(By.id("server-dns")).getText())
          .contains("dns-service is not answering");
      // the traffic graph, drawn by the server with the time axis in the viewer's zone
      assertThat(browser.findElement(By.cssSelector("#server-traffic svg text.zone")).getText())
          .isEqualTo("Europe/Paris");
      assertThat(browser.findElement(By.cssSelector("#server-traffic svg")).getText())
          .contains("No measurement in this period.");
      // CPU, RAM and disk over the last week beside it, from monitoring's hourly rollups: a line
      // each, broken where two hours are missing, the time axis on the viewer's midnights
      assertThat(browser.findElements(By.cssSelector("#server-usage svg.usage"))).hasSize(3);
      assertThat(browser.findElements(By.cssSelector("#server-usage svg.cpu polyline.used")))
          .hasSize(2);
      assertThat(browser.findElement(By.cssSelector("#server-usage svg.ram text.zone")).getText())
          .isEqualTo("Europe/Paris");
      screenshot(browser, "server-page.png");

      // capacity per datacenter and hypervisor, from the wall: the test's only server is a web
      // server, not a hypervisor, so the page says there is none yet
      browser.get(console.url("/wall"));
      browser.findElement(By.id("capacity-link")).click();
      waitFor(browser).until(ExpectedConditions.urlContains("/wall/capacity"));
      assertThat(browser.findElement(By.tagName("main")).getText())
          .startsWith("Capacity per datacenter and hypervisor")
          .contains("No hypervisor known yet.");

      // the ingest and alert flow of the last 24 hours, from the wall: monitoring's flow per hour
      // as two charts in the viewer's zone
      browser.get(console.url("/wall"));
      browser.findElement(By.id("flow-link")).click();
      waitFor(browser).until(ExpectedConditions.urlContains("/wall/flow"));
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("Ingest and alert flow, last 24 hours");
      assertThat(browser.findElements(By.cssSelector("#flow-samples-panel svg.hours"))).hasSize(1);
      assertThat(browser.findElements(By.cssSelector("#flow-alerts-panel svg.hours"))).hasSize(1);
      assertThat(browser.findElement(By.cssSelector("#flow-alerts-panel svg text.zone")).getText())
          .isEqualTo("Europe/Paris");
    } finally {
      browser.quit();
    }
  }

  private static final String PUBLIC_NOTICE = "Planned network maintenance in Paris DC2";
  private static final String PUBLIC_INCIDENT = "Orders delayed on online shops";

  private static Map<String, Object> announcement(String visibility, String tenant, String title) {
    Map<String, Object> article = new HashMap<>();
    article.put("kind", "ANNOUNCEMENT");
    article.put("visibility", visibility);
    article.put("language", "EN");
    article.put("title", title);
    article.put("body", "**" + title + "**: about ten minutes, no action needed.");
    article.put("publish", true);
    if (tenant != null) {
      article.put("tenant", tenant);
    }
    return article;
  }

  private static void search(WebDriver browser, String query) {
    browser.get(
        console.url(
            "/search?q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
    waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("found-servers")));
  }

  // --- the browser

  private static WebDriver browser(String languages) {
    return browser(languages, "UTC");
  }

  /** A browser in a time zone of its own (the TZ of the driver, which Chromium inherits). */
  private static WebDriver browser(String languages, String timeZone) {
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", timeZone))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=" + languages.split(",")[0]);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    return new ChromeDriver(driver, options);
  }

  private static WebDriverWait waitFor(WebDriver browser) {
    return new WebDriverWait(browser, WAIT);
  }

  /** Through the real Keycloak login page, as a person does. */
  private static void signIn(WebDriver browser, String path, String username) {
    browser.get(console.url(path));
    waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys("vigie");
    browser.findElement(By.id("kc-login")).click();
    waitFor(browser).until(ExpectedConditions.urlContains(console.url("")));
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    Files.createDirectories(DOCS);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(DOCS.resolve(name), png);
  }

  /** The wall loaded afresh, signed in: its Navigation Timing, written down (not asserted). */
  private static void measureFirstRender(WebDriver browser) throws Exception {
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
    browser.get(console.url("/wall"));
    waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("wall-panels")));
    @SuppressWarnings("unchecked")
    Map<String, Object> timing =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + "function read() { var n = performance.getEntriesByType('navigation')[0];"
                        + " if (!n || n.loadEventEnd === 0) { setTimeout(read, 50); return; }"
                        + " done({ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd,"
                        + " load: n.loadEventEnd, html: n.encodedBodySize,"
                        + " total: performance.getEntriesByType('resource').reduce("
                        + "function (s, r) { return s + (r.encodedBodySize || 0); }, n.encodedBodySize)}); }"
                        + "read();");
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
    Files.createDirectories(DOCS);
    Files.writeString(
        DOCS.resolve("wall-first-render.md"),
        """
        # The wall's first render (measured by ConsoleBrowserIT)

        Headless Chromium, the wall loaded afresh by a signed-in engineer, the services on the same
        machine (inventory, monitoring and ticket-service as packaged jars; backup and dns down on
        purpose). Navigation Timing, milliseconds from the start of the navigation:

        | measure | value |
        |---|---:|
        | first byte (responseStart) | %.0f ms |
        | DOM content loaded | %.0f ms |
        | load event end (first render done) | %.0f ms |
        | HTML size | %s bytes |
        | page weight (HTML, CSS, script) | %s bytes |

        Measured %s; load average before `%s`, after `%s` (a shared build machine: a quiet rerun
        is due). Command: `./mvnw -B -ntp -pl console -am verify -Dit.test=ConsoleBrowserIT`.
        """
            .formatted(
                number(timing.get("ttfb")),
                number(timing.get("dcl")),
                number(timing.get("load")),
                timing.get("html"),
                timing.get("total"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                loadBefore,
                loadAfter));
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  // --- the data, through the services' APIs as their users would

  private static void loadTheClients() throws Exception {
    String admin = keycloak.passwordToken("admin");
    String lumiere = create(admin, inventory, "/api/v1/clients", client("lumiere", "Lumière SAS"));
    String saintRoch =
        create(admin, inventory, "/api/v1/clients", client("saint-roch", "Clinique Saint-Roch"));
    String dc =
        create(
            admin,
            inventory,
            "/api/v1/datacenters",
            Map.of(
                "code", "PAR-DC2",
                "name", "Paris DC2",
                "operator", "Demo Colocation",
                "city", "Vitry-sur-Seine",
                "country", "FR",
                "tier", 3,
                "certifications", List.of("ISO_27001")));
    lumiereServer = server(admin, dc, "lum-web1.it.example", "10.2.0.21");
    saintRochServer = server(admin, dc, "sr-web1.it.example", "10.2.0.22");
    String shop =
        create(
            admin,
            inventory,
            "/api/v1/hosted-services",
            Map.of(
                "clientId", lumiere,
                "name", "Boutique en ligne",
                "kind", "WEBSITE",
                "url", "https://shop.lumiere.example",
                "technology", "nginx",
                "serverIds", List.of(lumiereServer)));
    create(
        admin,
        inventory,
        "/api/v1/hosted-services",
        Map.of(
            "clientId", saintRoch,
            "name", "Portail patients Saint-Roch",
            "kind", "WEBSITE",
            "url", "https://portail.saint-roch.example",
            "technology", "apache",
            "serverIds", List.of(saintRochServer)));

    // each client's own request, once ticket-service knows the clients (from inventory.events)
    Map<String, Object> lumiereRequest =
        Map.of(
            "category", "access",
            "title", "Access for Lumière's developers",
            "description", "Two SSH keys",
            "urgency", "MEDIUM");
    String lumiereToken = keycloak.passwordToken("lumiere");
    await()
        .atMost(WAIT)
        .until(
            () ->
                as(lumiereToken)
                        .body(lumiereRequest)
                        .post(tickets.url("/api/v1/requests"))
                        .statusCode()
                    == 201);
    String saintRochToken = keycloak.passwordToken("saint-roch");
    Response saintRochRequest =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    as(saintRochToken)
                        .body(
                            Map.of(
                                "category", "access",
                                "title", "Access for Saint-Roch's agency",
                                "description", "One SFTP account",
                                "urgency", "LOW"))
                        .post(tickets.url("/api/v1/requests")),
                r -> r.statusCode() == 201);
    saintRochTicket = saintRochRequest.path("id");
    saintRochReference = saintRochRequest.path("reference");

    // an intervention over Lumière's server, waiting for its consent
    String engineer = keycloak.passwordToken("engineer");
    Instant opens = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> proposal =
        Map.of(
            "title", "Kernel security update on lum-web1",
            "clientText", "Your shop restarts once; about five minutes.",
            "startsAt", opens.toString(),
            "endsAt", opens.plus(Duration.ofMinutes(30)).toString(),
            "serverIds", List.of(lumiereServer),
            "hostedServiceIds", List.of(shop));
    await()
        .atMost(WAIT)
        .until(
            () -> as(engineer).body(proposal).post(tickets.url("/api/v1/interventions")),
            r -> r.statusCode() == 201);

    // monitoring knows the server before its checks are reported
    await()
        .atMost(WAIT)
        .until(
            () ->
                as(engineer).get(monitoring.url("/api/v1/targets/" + lumiereServer)).statusCode()
                    == 200);
    usageOfTheLastWeek(lumiereServer);
  }

  /**
   * A week of closed hours of the server's CPU, RAM and disk, written into monitoring's rollup
   * table as its rollup keeps them (a week cannot come through remote_write, whose head keeps
   * minutes): a daily CPU curve, RAM around 10 GB, a slowly filling disk; two hours missing.
   */
  private static void usageOfTheLastWeek(String server) throws Exception {
    Instant lastClosed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    try (Connection c =
            PostgresResource.server().getDatabase("postgres", "monitoring").getConnection();
        java.sql.PreparedStatement insert =
            c.prepareStatement(
                "insert into host_usage_hour (server_id, hour_start, samples, cpu_sum, ram_gb_sum,"
                    + " disk_gb_sum, published) select cast(? as uuid), cast(? as timestamptz) -"
                    + " k * interval '1 hour', 60, 60 * (35 + 25 * sin(k * pi() / 12)), 60 * (10 +"
                    + " 2 * cos(k * pi() / 12)), 60 * (120 - 0.05 * k), true from"
                    + " generate_series(0, 167) k where k not in (30, 31)")) {
      insert.setString(1, server);
      insert.setString(2, lastClosed.toString());
      insert.executeUpdate();
    }
  }

  private static Map<String, Object> client(String code, String name) {
    return Map.of(
        "code",
        code,
        "name",
        name,
        "contactEmail",
        "ops@" + code + ".example",
        "contract",
        Map.of(
            "availabilityTarget",
            99.95,
            "supportHours",
            Map.of("coverage", "ALWAYS", "timeZone", "Europe/Paris"),
            "priorityTargets",
            List.of(
                Map.of("priority", "P1", "timeToIntervention", "PT1H", "timeToResolution", "PT4H"),
                Map.of("priority", "P2", "timeToIntervention", "PT4H", "timeToResolution", "P1D"),
                Map.of("priority", "P3", "timeToIntervention", "P1D"),
                Map.of("priority", "P4", "timeToIntervention", "P3D")),
            "backup",
            Map.of(
                "databaseEveryHours", 1,
                "databaseRetentionDays", 10,
                "filesRetentionDays", 7,
                "copies", 2,
                "distinctSites", 2)));
  }

  private static String server(String token, String datacenter, String hostname, String ip) {
    String id =
        create(
            token,
            inventory,
            "/api/v1/servers",
            Map.of(
                "hostname", hostname,
                "datacenterId", datacenter,
                "roles", List.of("WEB"),
                "hardware",
                    Map.of(
                        "cpu",
                            Map.of(
                                "model", "Intel Xeon E3-1245 v5",
                                "sockets", 1,
                                "cores", 4,
                                "threads", 8,
                                "ghz", 3.5),
                        "memory", Map.of("sizeGb", 64, "type", "DDR4", "ecc", true),
                        "storage",
                            Map.of(
                                "raid",
                                "RAID5",
                                "disks",
                                List.of(Map.of("count", 3, "sizeGb", 500, "media", "SSD")))),
                "managementIp", ip));
    Response current = as(token).get(inventory.url("/api/v1/servers/" + id));
    as(token)
        .header("If-Match", current.header("ETag"))
        .body(Map.of("to", "ACTIVE", "reason", "Commissioned (browser test)"))
        .post(inventory.url("/api/v1/servers/" + id + "/lifecycle"))
        .then()
        .statusCode(200);
    return id;
  }

  /** A good ping result, as an agent reports it, once monitoring counts it in availability. */
  private static void reportPingUp(String server) throws Exception {
    Response response =
        as(keycloak.agentToken())
            .body(
                Map.of(
                    "results",
                    List.of(
                        Map.of(
                            "serverId", server,
                            "check", "ping",
                            "status", "OK",
                            "executedAt",
                                Instant.now()
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .minusSeconds(60)
                                    .toString(),
                            "output", "PING OK - 0% packet loss",
                            "perfdata", ""))))
            .post(monitoring.url("/api/v1/check-results"));
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
    String admin = keycloak.passwordToken("admin");
    String from =
        Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    String to =
        Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as(admin)
                        .get(
                            monitoring.url(
                                "/api/v1/availability?serverId="
                                    + server
                                    + "&from="
                                    + from
                                    + "&to="
                                    + to))
                        .<Integer>path("checks")
                    > 0);
  }

  /** Three failed SSH checks in a row, as an agent reports them: the host-down rule fires. */
  private static void reportSshDown(String server) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Map<String, Object>> results = new ArrayList<>();
    for (int ago : new int[] {90, 60, 30}) {
      results.add(
          Map.of(
              "serverId", server,
              "check", "check_ssh",
              "status", "CRITICAL",
              "executedAt", now.minusSeconds(ago).toString(),
              "output", "SSH CRITICAL - connection refused",
              "perfdata", ""));
    }
    Response response =
        as(keycloak.agentToken())
            .body(Map.of("results", results))
            .post(monitoring.url("/api/v1/check-results"));
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
  }

  private static String create(
      String token, PackagedService service, String path, Map<String, Object> body) {
    Response response = as(token).body(body).post(service.url(path));
    assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(201);
    return response.path("id");
  }

  private static RequestSpecification as(String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString());
  }

  private static Map<String, String> database(Map<String, String> shared, int port, String name) {
    Map<String, String> config = new HashMap<>(shared);
    config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + name);
    config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + name);
    return config;
  }

  private static PackagedService started(PackagedService service) {
    STARTED.add(service);
    return service;
  }
}
