package io.vigie.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.console.api.ArticleView;
import io.vigie.console.api.PublicStatusView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AtomFeedTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  static final String ATOM = "http://www.w3.org/2005/Atom";

  @Test
  void oneEntryPerNoticeWithItsHtmlEscapedAndTheFeedParses() throws Exception {
    UUID id = UUID.fromString("0193f3a0-0000-7000-8000-000000000001");
    ArticleView notice =
        new ArticleView(
            id,
            "ANNOUNCEMENT",
            "PUBLIC",
            null,
            "PUBLISHED",
            "FR",
            "Maintenance réseau <DC2> & \"coeur\"",
            "<p>Coupure de <strong>5 min</strong> à 23:00</p>",
            NOW.minus(Duration.ofHours(3)),
            NOW.minus(Duration.ofHours(1)));
    StatusPage page = StatusPage.of(List.of(notice), NOW);

    String xml =
        AtomFeed.render(
            page,
            "Service status",
            "https://console.example/status",
            "https://console.example/status/feed.atom");

    assertThat(xml).doesNotContain("<strong>").contains("&lt;strong&gt;");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document feed =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(text(root, "updated")).isEqualTo("2026-11-30T09:00:00Z");
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(1);
    Element entry = (Element) entries.item(0);
    assertThat(text(entry, "id")).isEqualTo("urn:uuid:" + id);
    assertThat(text(entry, "title")).isEqualTo("Maintenance réseau <DC2> & \"coeur\"");
    assertThat(text(entry, "content"))
        .isEqualTo("<p>Coupure de <strong>5 min</strong> à 23:00</p>");
    assertThat(text(entry, "published")).isEqualTo("2026-11-30T07:00:00Z");
    assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
        .isEqualTo("https://console.example/status#notice-" + id);
  }

  @Test
  void anEmptyFeedIsStillAValidFeedAndControlCharactersAreDropped() throws Exception {
    String xml =
        AtomFeed.render(
            StatusPage.of(List.of(), NOW),
            "Status\u0001",
            "http://x/status",
            "http://x/status/feed.atom");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document feed =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(feed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry").getLength())
        .isZero();
    assertThat(text(feed.getDocumentElement(), "title")).isEqualTo("Status");
  }

  @Test
  void incidentsAndPlannedMaintenanceAreEntriesWithTheirPublicWordsEscaped() throws Exception {
    var web = PublicStatusFixture.platform("web", "Shared <web> hosting", 1);
    var incident =
        PublicStatusFixture.incident(
            "Slow websites & shops",
            Duration.ofHours(3),
            Duration.ofHours(1),
            List.of("web"),
            PublicStatusFixture.update(Duration.ofHours(1), "RESOLVED", "Back to normal"),
            PublicStatusFixture.update(Duration.ofHours(3), "INVESTIGATING", "<script>x</script>"));
    var planned =
        PublicStatusFixture.maintenance(
            "Firmware",
            Duration.ofDays(2),
            Duration.ofHours(1),
            "SCHEDULED",
            false,
            List.of("web"));
    StatusPage page =
        StatusPage.of(
            new PublicStatusView(NOW, List.of(web), List.of(incident), List.of(planned), List.of()),
            java.util.Map.of(),
            true,
            NOW);

    String xml =
        AtomFeed.render(page, "Service status", "https://c/status", "https://c/status/feed.atom");

    assertThat(xml).doesNotContain("<script>");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Element root =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(2);
    Element first = (Element) entries.item(0);
    assertThat(text(first, "id")).isEqualTo("urn:uuid:" + incident.id());
    assertThat(text(first, "title")).isEqualTo("[Resolved] Slow websites & shops");
    assertThat(text(first, "updated")).isEqualTo("2026-11-30T09:00:00Z");
    // the entry's HTML holds the public words, each escaped: a reader shows them as text
    assertThat(text(first, "content"))
        .contains("Shared &lt;web&gt; hosting")
        .contains("<strong>Resolved</strong>")
        .contains("Back to normal")
        .contains("&lt;script&gt;x&lt;/script&gt;");
    Element second = (Element) entries.item(1);
    assertThat(text(second, "title")).isEqualTo("[Scheduled] Firmware");
    assertThat(text(second, "content"))
        .contains("2026-12-02T10:00:00Z – 2026-12-02T11:00:00Z")
        .contains("Up to 10 minutes of downtime");
    assertThat(text(root, "updated")).isEqualTo("2026-11-30T09:00:00Z");
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
  }
}
