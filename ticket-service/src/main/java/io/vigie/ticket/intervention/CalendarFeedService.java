package io.vigie.ticket.intervention;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.inventory.KnownClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Per-client iCalendar feeds of planned interventions, read by calendar applications that carry no
 * bearer token: the feed URL holds an unguessable token (256 random bits); only its SHA-256 is
 * kept. Rotating replaces the token, so the old URL answers 404 at once. A client rotates its own
 * feed; staff rotate any.
 */
@ApplicationScoped
public class CalendarFeedService {

  static final String WHAT = "Calendar feed";
  static final String FEED_PATH = "/ical/";

  private final SecureRandom random = new SecureRandom();
  private final InstantSource time;

  public CalendarFeedService(InstantSource time) {
    this.time = time;
  }

  /** The feed of a client as its owner or staff see it; the URL is shown only when rotated. */
  public record FeedView(String tenant, String url, Instant rotatedAt, String rotatedBy) {}

  /** A new token for {@code tenant}'s feed: the URL to give the calendar application. */
  @WithTransaction
  public Uni<FeedView> rotate(String tenant, Caller caller) {
    return client(tenant, caller)
        .chain(
            code -> {
              byte[] secret = new byte[32];
              random.nextBytes(secret);
              String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
              Instant now = time.instant().truncatedTo(ChronoUnit.MICROS);
              return CalendarFeed.<CalendarFeed>findById(code)
                  .chain(
                      existing -> {
                        CalendarFeed feed = existing == null ? new CalendarFeed() : existing;
                        feed.tenant = code;
                        feed.tokenHash = hash(token);
                        feed.rotatedAt = now;
                        feed.rotatedBy = caller.name();
                        Uni<?> saved =
                            existing == null ? feed.persist() : Uni.createFrom().item(feed);
                        return saved.map(
                            x ->
                                new FeedView(code, FEED_PATH + token + ".ics", now, caller.name()));
                      });
            });
  }

  /** When the feed was last rotated, and by whom; 404 before its first rotation. */
  @WithSession
  public Uni<FeedView> find(String tenant, Caller caller) {
    return client(tenant, caller)
        .chain(code -> CalendarFeed.<CalendarFeed>findById(code))
        .map(
            feed -> {
              if (feed == null) {
                throw ProblemException.notFound(WHAT, tenant);
              }
              return new FeedView(feed.tenant, null, feed.rotatedAt, feed.rotatedBy);
            });
  }

  /**
   * The calendar behind a feed token, or 404 for an unknown or rotated one (nothing tells the two
   * apart).
   */
  @WithSession
  public Uni<String> calendar(String token) {
    return CalendarFeed.<CalendarFeed>find("tokenHash", hash(token))
        .firstResult()
        .chain(
            feed -> {
              if (feed == null) {
                throw ProblemException.notFound(WHAT, "this address");
              }
              return Intervention.<Intervention>list(
                      "scheduledAt is not null and id in (select c.interventionId from"
                          + " InterventionConsent c where c.tenant = ?1) order by startsAt, id",
                      feed.tenant)
                  .map(
                      list -> {
                        List<InterventionCalendar.Event> events =
                            list.stream()
                                .map(InterventionCalendar::of)
                                .filter(Objects::nonNull)
                                .toList();
                        return InterventionCalendar.render(
                            "Planned interventions — " + feed.tenant, events);
                      });
            });
  }

  /** The client's code if the caller may manage its feed: itself, or staff; 404 otherwise. */
  private static Uni<String> client(String tenant, Caller caller) {
    if (!caller.sees(tenant)) {
      throw ProblemException.notFound(WHAT, tenant);
    }
    return KnownClient.byCode(tenant)
        .map(
            client -> {
              if (client == null) {
                throw ProblemException.notFound(WHAT, tenant);
              }
              return client.code;
            });
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
