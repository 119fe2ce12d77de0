package io.vigie.console.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.console.api.ArticleView;
import io.vigie.console.api.PublicStatusView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  static ArticleView notice(String title, String visibility, String status, Duration ago) {
    return article(title, "ANNOUNCEMENT", visibility, status, ago);
  }

  static ArticleView article(
      String title, String kind, String visibility, String status, Duration ago) {
    Instant at = NOW.minus(ago);
    return new ArticleView(
        UUID.randomUUID(),
        kind,
        visibility,
        null,
        status,
        "EN",
        title,
        "<p>" + title + "</p>",
        at,
        at);
  }

  @Test
  void showsOnlyPublishedPublicAnnouncementsOfTheLastNinetyDaysNewestFirst() {
    StatusPage page =
        StatusPage.of(
            List.of(
                notice("older", "PUBLIC", "PUBLISHED", Duration.ofDays(30)),
                notice("newest", "PUBLIC", "PUBLISHED", Duration.ofHours(2)),
                notice("internal", "INTERNAL", "PUBLISHED", Duration.ofHours(1)),
                notice("a client's", "CLIENT", "PUBLISHED", Duration.ofHours(1)),
                notice("draft", "PUBLIC", "DRAFT", Duration.ofHours(1)),
                article("runbook", "RUNBOOK", "PUBLIC", "PUBLISHED", Duration.ofHours(1)),
                notice("too old", "PUBLIC", "PUBLISHED", Duration.ofDays(91))),
            NOW);

    assertThat(page.available()).isTrue();
    assertThat(page.notices()).extracting(ArticleView::title).containsExactly("newest", "older");
    assertThat(page.current()).extracting(ArticleView::title).containsExactly("newest");
    assertThat(page.earlier()).extracting(ArticleView::title).containsExactly("older");
    assertThat(page.updated()).isEqualTo(NOW.minus(Duration.ofHours(2)));
  }

  @Test
  void aNoticeUpdatedLaterIsShownAsOfItsLastChange() {
    ArticleView published = notice("maintenance", "PUBLIC", "PUBLISHED", Duration.ofDays(100));
    ArticleView updated =
        new ArticleView(
            published.id(),
            published.kind(),
            published.visibility(),
            null,
            published.status(),
            "FR",
            published.title(),
            published.html(),
            published.publishedAt(),
            NOW.minus(Duration.ofHours(1)));

    StatusPage page = StatusPage.of(List.of(updated), NOW);

    assertThat(page.current()).containsExactly(updated);
    assertThat(updated.lang()).isEqualTo("fr");
  }

  @Test
  void nothingToShowIsAnEmptyPageAndUnavailableShowsNothing() {
    assertThat(StatusPage.of(List.of(), NOW).notices()).isEmpty();
    assertThat(StatusPage.of(List.of(), NOW).updated()).isEqualTo(NOW.minus(Duration.ofDays(90)));
    StatusPage down = StatusPage.unavailable(NOW);
    assertThat(down.available()).isFalse();
    assertThat(down.notices()).isEmpty();
  }

  @Test
  void thePublicAnswerGivesPlatformsInOrderWithTheirStateIncidentsAndPlannedMaintenance() {
    var web = PublicStatusFixture.platform("web", "Shared web hosting", 2);
    var mail = PublicStatusFixture.platform("mail", "Mail", 1);
    var current =
        PublicStatusFixture.incident(
            "Slow websites",
            Duration.ofHours(1),
            null,
            List.of("web", "gone"),
            PublicStatusFixture.update(Duration.ofMinutes(20), "IDENTIFIED", "Pool saturated"),
            PublicStatusFixture.update(Duration.ofHours(1), "INVESTIGATING", "Looking"));
    var past =
        PublicStatusFixture.incident(
            "Mail delays", Duration.ofDays(10), Duration.ofDays(9), List.of("mail"));
    var tooOld =
        PublicStatusFixture.incident(
            "Too old", Duration.ofDays(95), Duration.ofDays(91), List.of("mail"));
    var planned =
        PublicStatusFixture.maintenance(
            "Firmware",
            Duration.ofDays(3),
            Duration.ofHours(1),
            "SCHEDULED",
            false,
            List.of("web"));
    var running =
        PublicStatusFixture.maintenance(
            "Mail relay swap",
            Duration.ofMinutes(-30),
            Duration.ofHours(1),
            "SCHEDULED",
            false,
            List.of("mail"));
    var cancelled =
        PublicStatusFixture.maintenance(
            "Cancelled job", Duration.ofDays(4), Duration.ofHours(1), "SCHEDULED", true, List.of());
    var done =
        PublicStatusFixture.maintenance(
            "Done job", Duration.ofDays(-4), Duration.ofHours(1), "COMPLETED", false, List.of());
    var farAhead =
        PublicStatusFixture.maintenance(
            "Far ahead", Duration.ofDays(40), Duration.ofHours(1), "SCHEDULED", false, List.of());
    PublicStatusView answer =
        new PublicStatusView(
            NOW,
            List.of(web, mail),
            List.of(past, current, tooOld),
            List.of(planned, running, cancelled, done, farAhead),
            List.of(PublicStatusFixture.announcement("Network upgrade", Duration.ofHours(5))));
    Uptime always = Uptime.of(List.of(), NOW);

    StatusPage page = StatusPage.of(answer, Map.of("web", always), true, NOW);

    assertThat(page.available()).isTrue();
    assertThat(page.platforms())
        .extracting(StatusPage.PlatformStatus::slug, StatusPage.PlatformStatus::state)
        .containsExactly(tuple("mail", "MAINTENANCE"), tuple("web", "INCIDENT"));
    assertThat(page.platforms().get(0).uptime()).isNull();
    assertThat(page.platforms().get(0).measured()).isFalse();
    assertThat(page.currentIncidents())
        .extracting(i -> i.incident().title())
        .containsExactly("Slow websites");
    assertThat(page.currentIncidents().get(0).concerns()).isEqualTo("Shared web hosting");
    assertThat(page.currentIncidents().get(0).updates())
        .extracting(PublicStatusView.Update::message)
        .containsExactly("Pool saturated", "Looking");
    assertThat(page.pastIncidents())
        .extracting(i -> i.incident().title())
        .containsExactly("Mail delays");
    assertThat(page.upcoming())
        .extracting(m -> m.maintenance().title())
        .containsExactly("Mail relay swap", "Firmware");
    assertThat(page.upcoming().get(1).text()).isEqualTo("Up to 10 minutes of downtime");
    assertThat(page.current()).extracting(ArticleView::title).containsExactly("Network upgrade");
    assertThat(page.updated()).isEqualTo(NOW.minus(Duration.ofHours(1)));
  }

  /**
   * The done-when line at the console's end: whatever ticket-service's answer held beyond its
   * public fields (a description, a client, a reference, a server, an internal note) is not read
   * into the page, so no template can show it; the status page reads that answer with no token at
   * all.
   */
  @Test
  void nothingButThePublicFieldsOfTheAnswerReachesThePage() throws Exception {
    String answer =
        """
        {"generatedAt": "2026-11-30T10:00:00Z",
         "platforms": [{"id": "0193f3a0-0000-7000-8000-000000000001", "slug": "web",
                        "name": "Shared web hosting", "displayOrder": 1,
                        "serverIds": ["0193f3a0-0000-7000-8000-00000000bead"]}],
         "incidents": [{"id": "0193f3a0-0000-7000-8000-000000000002", "title": "Slow websites",
                        "platforms": ["web"], "phase": "IDENTIFIED",
                        "startedAt": "2026-11-30T09:00:00Z", "updatedAt": "2026-11-30T09:20:00Z",
                        "description": "php-fpm pool exhausted on lum-web1.it.example",
                        "tenant": "lumiere", "reference": "INC-2026-000042",
                        "updates": [{"at": "2026-11-30T09:20:00Z", "phase": "IDENTIFIED",
                                     "message": "A saturated pool was found", "author": "alice",
                                     "internalNote": "Client on the legacy plan"}]}],
         "maintenance": [], "announcements": [],
         "internal": {"note": "Vendor case 4711"}}
        """;
    ObjectMapper json =
        new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    StatusPage page =
        StatusPage.of(json.readValue(answer, PublicStatusView.class), Map.of(), true, NOW);

    String held = json.writeValueAsString(page);
    assertThat(held).contains("Slow websites", "A saturated pool was found", "Shared web hosting");
    assertThat(held)
        .doesNotContain(
            "php-fpm", "lum-web1", "lumiere", "INC-", "alice", "legacy plan", "4711", "bead");
  }

  @Test
  void withoutTicketServiceThePageSaysSoAndShowsNothing() {
    StatusPage down = StatusPage.unavailable(NOW);
    assertThat(down.platforms()).isEmpty();
    assertThat(down.currentIncidents()).isEmpty();
    assertThat(down.upcoming()).isEmpty();
    assertThat(down.availabilityKnown()).isFalse();
  }
}
