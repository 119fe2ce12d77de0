package io.vigie.ticket.oncall.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.knowledge.IncidentRunbooks.IncidentRunbook;
import io.vigie.ticket.oncall.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a page says about its runbook and its links, in the email and the webhook (plain Java). */
class PageMessageTest {

  static final String BASE = "https://vigie.hoster.example";

  static Page page() {
    Page p = new Page();
    p.id = UUID.fromString("0192f3a0-0000-7000-8000-000000000001");
    p.ticketId = UUID.fromString("0192f3a0-0000-7000-8000-000000000002");
    p.ticketReference = "INC-2026-000042";
    p.tenant = "lumiere";
    p.title = "Disk <full>";
    p.priority = "P1";
    p.reason = "new incident, nobody acknowledged it yet";
    p.deadline = Instant.parse("2026-12-01T04:00:00Z");
    return p;
  }

  static final PageMessage.Links LINKS =
      new PageMessage.Links(
          BASE + "/on-call/ack/tok",
          BASE + "/on-call/resolve/tok",
          Instant.parse("2026-12-02T03:00:00Z"));

  @Test
  void aKnowledgeBaseRunbookIsLinkedAtItsApiAddressAndAWikiPageAsItIs() {
    PageMessage.Runbook kb =
        PagingService.runbookLink(
            new IncidentRunbook("disk-space-low", "kb:disk-full", null, null), BASE);
    assertThat(kb)
        .isEqualTo(new PageMessage.Runbook("kb:disk-full (not in the knowledge base)", null));
    PageMessage.Runbook wiki =
        PagingService.runbookLink(
            new IncidentRunbook(
                "http-5xx", "https://wiki.example/5xx", "https://wiki.example/5xx", null),
            BASE);
    assertThat(wiki)
        .isEqualTo(new PageMessage.Runbook("https://wiki.example/5xx", "https://wiki.example/5xx"));
    assertThat(PagingService.runbookLink(new IncidentRunbook("rule", null, null, null), BASE))
        .isNull();
    assertThat(PagingService.runbookLink(null, BASE)).isNull();

    Notification withWiki = PageMessage.of(page(), "Lumière SAS", BASE, LINKS, List.of(), wiki);
    assertThat(withWiki.text()).contains("\r\nRunbook: https://wiki.example/5xx\r\n");
    assertThat(withWiki.html())
        .contains(
            "<li>Runbook: <a href=\"https://wiki.example/5xx\">https://wiki.example/5xx</a></li>");
    assertThat(withWiki.payload().get("runbook"))
        .isEqualTo(Map.of("title", "https://wiki.example/5xx", "url", "https://wiki.example/5xx"));

    Notification unknownArticle = PageMessage.of(page(), "Lumière SAS", BASE, LINKS, List.of(), kb);
    assertThat(unknownArticle.text())
        .contains("\r\nRunbook: kb:disk-full (not in the knowledge base)\r\n");
    assertThat(unknownArticle.html())
        .contains("<li>Runbook: kb:disk-full (not in the knowledge base)</li>");
  }

  @Test
  void noRunbookNoLine() {
    Notification n = PageMessage.of(page(), "Lumière SAS", BASE, LINKS, List.of(), null);
    assertThat(n.text()).doesNotContain("Runbook");
    assertThat(n.html()).doesNotContain("Runbook");
    assertThat(n.payload()).containsEntry("runbook", null);
  }

  @Test
  void theEmailCarriesBothLinksAndTheirExpiryTheWebhookTheApi() {
    Notification email = PageMessage.of(page(), null, BASE, LINKS, List.of(), null);
    assertThat(email.text())
        .contains("\r\nAcknowledge: " + BASE + "/on-call/ack/tok")
        .contains("\r\nResolve: " + BASE + "/on-call/resolve/tok")
        .contains("until 2026-12-02T03:00:00Z");
    assertThat(email.html())
        .contains("<a href=\"" + BASE + "/on-call/resolve/tok\">Resolve</a>")
        .contains("Disk &lt;full&gt;");
    Notification webhook = PageMessage.of(page(), null, BASE, null, List.of(), null);
    assertThat(webhook.text()).doesNotContain("/on-call/");
    assertThat(webhook.payload().get("resolve"))
        .isEqualTo(
            Map.of(
                "method",
                "POST",
                "url",
                BASE + "/api/v1/on-call/pages/0192f3a0-0000-7000-8000-000000000001/resolution"));
  }
}
