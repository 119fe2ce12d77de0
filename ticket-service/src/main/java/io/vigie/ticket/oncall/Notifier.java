package io.vigie.ticket.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Sends one notification through one contact method: an email through the configured SMTP server
 * (quarkus-mailer, STARTTLS when offered), or a POST of the JSON payload to a webhook, signed as
 * {@link WebhookSignature} says. Never throws: the outcome says delivered or why not, so the caller
 * records it and decides on a retry.
 */
@ApplicationScoped
public class Notifier {

  static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

  private final ReactiveMailer mailer;
  private final ObjectMapper json;
  private final InstantSource time;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Notifier(ReactiveMailer mailer, ObjectMapper json, InstantSource time) {
    this.mailer = mailer;
    this.json = json;
    this.time = time;
  }

  public Uni<DeliveryOutcome> send(ContactMethod to, Notification notification) {
    return switch (to.kind()) {
      case EMAIL -> email(to.address(), notification);
      case WEBHOOK -> webhook(to, notification);
    };
  }

  Uni<DeliveryOutcome> email(String address, Notification n) {
    Mail mail = Mail.withText(address, n.subject(), n.text()).setHtml(n.html());
    return mailer
        .send(mail)
        .map(ok -> new DeliveryOutcome(true, "accepted by the SMTP server", time.instant()))
        .onFailure()
        .recoverWithItem(
            e -> new DeliveryOutcome(false, "SMTP: " + e.getMessage(), time.instant()));
  }

  Uni<DeliveryOutcome> webhook(ContactMethod to, Notification n) {
    String body;
    try {
      body = json.writeValueAsString(n.payload());
    } catch (JsonProcessingException e) {
      return Uni.createFrom()
          .item(new DeliveryOutcome(false, "payload: " + e.getMessage(), time.instant()));
    }
    // the signature's timestamp is the wall clock: the receiver compares it with its own
    Instant signedAt = Instant.now();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(to.address()))
            .timeout(WEBHOOK_TIMEOUT)
            .header("Content-Type", "application/json")
            .header(WebhookSignature.TIMESTAMP, Long.toString(signedAt.getEpochSecond()))
            .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(to.secret(), signedAt, body))
            .header(WebhookSignature.DELIVERY, UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    Uni<HttpResponse<Void>> sent =
        Uni.createFrom()
            .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
    // the JDK client completes on its own threads: back to the caller's Vert.x context, where
    // the outcome is recorded with Hibernate Reactive
    Context context = Vertx.currentContext();
    if (context != null) {
      sent = sent.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
    return sent.map(
            response ->
                response.statusCode() / 100 == 2
                    ? new DeliveryOutcome(
                        true, "webhook answered " + response.statusCode(), time.instant())
                    : new DeliveryOutcome(
                        false, "webhook answered " + response.statusCode(), time.instant()))
        .onFailure()
        .recoverWithItem(
            e ->
                new DeliveryOutcome(
                    false,
                    "webhook: " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    time.instant()));
  }
}
