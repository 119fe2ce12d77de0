package io.vigie.ticket.oncall;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.oncall.WebhookSignature.Verdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People and their contact methods through the API: a person edits their own sheet, an admin
 * everyone's, staff read them without secrets; test notifications reach a real SMTP server and a
 * real webhook receiver that checks each signature and refuses a replay; clients get 403.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
@QuarkusTestResource(SmtpServer.class)
class OnCallPeopleApiTest {

  static final String PEOPLE = "/api/v1/on-call/people";
  static final String SECRET = "gateway-secret-0123456789-abcdef";

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static String engineer(String name) {
    return TestTokens.token(name, Set.of("vigie-engineer"), null);
  }

  static Map<String, Object> sheet(String name, String email, String hook, String secret) {
    Map<String, Object> webhook =
        secret == null
            ? Map.of("name", "sms", "kind", "WEBHOOK", "address", hook)
            : Map.of("name", "sms", "kind", "WEBHOOK", "address", hook, "secret", secret);
    return Map.of(
        "name", name,
        "contactMethods",
            List.of(Map.of("name", "mail", "kind", "EMAIL", "address", email), webhook),
        "notificationRules",
            List.of(
                Map.of("contact", "mail", "after", "PT0S"),
                Map.of("contact", "sms", "after", "PT2M")));
  }

  @Test
  void aPersonWritesTheirOwnSheetAndStaffReadItWithoutTheSecret() {
    String me = "alice-" + UUID.randomUUID().toString().substring(0, 8);
    as(engineer(me))
        .body(sheet("Alice Martin", me + "@hoster.example", "https://gw.example/sms", SECRET))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("subject", equalTo(me))
        .body("contactMethods[1].kind", equalTo("WEBHOOK"))
        .body("contactMethods[1].secretSet", equalTo(true))
        .body("notificationRules[1].after", equalTo("PT2M"))
        .body(not(containsString(SECRET)));

    as(TestTokens.support())
        .get(PEOPLE + "/" + me)
        .then()
        .statusCode(200)
        .body("name", equalTo("Alice Martin"))
        .body(not(containsString(SECRET)));
    String list =
        as(TestTokens.support())
            .get(PEOPLE + "?size=500")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(list).contains(me).doesNotContain(SECRET);

    // another engineer may not edit it; an admin may, and must name the version
    as(engineer("mallory"))
        .body(sheet("Mallory", "m@evil.example", "https://evil.example", SECRET))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(403);
    as(TestTokens.admin())
        .body(sheet("Alice M.", me + "@hoster.example", "https://gw.example/sms", null))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(428);
    as(TestTokens.admin())
        .header("If-Match", "\"7\"")
        .body(sheet("Alice M.", me + "@hoster.example", "https://gw.example/sms", null))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(412);
    // sent again without its secret, the webhook keeps the stored one
    as(TestTokens.admin())
        .header("If-Match", "\"1\"")
        .body(sheet("Alice M.", me + "@hoster.example", "https://gw.example/sms2", null))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("contactMethods[1].address", equalTo("https://gw.example/sms2"))
        .body("contactMethods[1].secretSet", equalTo(true))
        .body("updatedBy", equalTo("admin"));
  }

  @Test
  void badInputNamesTheFieldAndWritesNothing() {
    String me = "bob-" + UUID.randomUUID().toString().substring(0, 8);
    as(engineer(me))
        .body(sheet("Bob", "not-an-address", "https://gw.example/sms", "short"))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contactMethods[0].address"))
        .body("errors.field", hasItem("contactMethods[1].secret"));
    as(engineer(me))
        .body(
            Map.of(
                "name", "Bob",
                "contactMethods",
                    List.of(Map.of("name", "mail", "kind", "EMAIL", "address", "b@h.example")),
                "notificationRules", List.of(Map.of("contact", "sms", "after", "PT0S"))))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("notificationRules[0].contact"));
    as(engineer(me))
        .body(sheet("", "b@h.example", "https://gw.example/sms", SECRET))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("name")));
    as(engineer(me)).get(PEOPLE + "/" + me).then().statusCode(404);
  }

  @Test
  void testNotificationsReachARealSmtpServerAndASignedWebhook() throws Exception {
    String me = "carol-" + UUID.randomUUID().toString().substring(0, 8);
    String address = me + "@hoster.example";
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
      as(engineer(me))
          .body(sheet("Carol", address, receiver.url(), SECRET))
          .put(PEOPLE + "/" + me)
          .then()
          .statusCode(200);

      as(engineer(me))
          .post(PEOPLE + "/" + me + "/contact-methods/mail/test")
          .then()
          .statusCode(200)
          .body("delivered", equalTo(true))
          .body("kind", equalTo("EMAIL"));
      List<SmtpServer.Received> mails = SmtpServer.awaitTo(address, 1);
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).subject()).isEqualTo("[Vigie] Test notification for " + me);
      assertThat(mails.get(0).body()).contains("test notification from Vigie on-call for " + me);
      assertThat(mails.get(0).raw()).containsIgnoringCase("text/html");

      as(TestTokens.admin())
          .post(PEOPLE + "/" + me + "/contact-methods/sms/test")
          .then()
          .statusCode(200)
          .body("delivered", equalTo(true))
          .body("detail", equalTo("webhook answered 200"));
      List<WebhookReceiver.Delivery> got = receiver.await(1);
      assertThat(got).hasSize(1);
      assertThat(got.get(0).verdict()).isEqualTo(Verdict.VALID);
      assertThat(got.get(0).body()).contains("\"type\":\"test\"").contains(me);

      // the same delivery replayed by someone who saw it is refused by the receiver
      HttpResponse<Void> replay =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(receiver.url()))
                      .header(WebhookSignature.TIMESTAMP, got.get(0).timestamp())
                      .header(WebhookSignature.SIGNATURE, got.get(0).signature())
                      .POST(HttpRequest.BodyPublishers.ofString(got.get(0).body()))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(replay.statusCode()).isEqualTo(401);
      assertThat(receiver.deliveries.get(1).verdict()).isEqualTo(Verdict.REPLAYED);

      // a receiver failing is reported, not hidden
      receiver.answer.set(500);
      as(engineer(me))
          .post(PEOPLE + "/" + me + "/contact-methods/sms/test")
          .then()
          .statusCode(200)
          .body("delivered", equalTo(false))
          .body("detail", equalTo("webhook answered 500"));

      as(engineer(me))
          .post(PEOPLE + "/" + me + "/contact-methods/pager/test")
          .then()
          .statusCode(404);
      as(engineer("someone-else"))
          .post(PEOPLE + "/" + me + "/contact-methods/mail/test")
          .then()
          .statusCode(403);
    }
  }

  @Test
  void clientsAgentsAndStrangersAreKeptOut() {
    String me = "dan-" + UUID.randomUUID().toString().substring(0, 8);
    as(engineer(me))
        .body(sheet("Dan", me + "@hoster.example", "https://gw.example/sms", SECRET))
        .put(PEOPLE + "/" + me)
        .then()
        .statusCode(200);
    String client = TestTokens.client("lumiere");
    for (String token : List.of(client, TestTokens.agent())) {
      as(token).get(PEOPLE).then().statusCode(403);
      as(token).get(PEOPLE + "/" + me).then().statusCode(403);
      as(token)
          .body(sheet("Dan", "x@y.example", "https://gw.example/sms", SECRET))
          .put(PEOPLE + "/" + me)
          .then()
          .statusCode(403);
      as(token).post(PEOPLE + "/" + me + "/contact-methods/mail/test").then().statusCode(403);
    }
    // a client naming itself as the subject is still no staff
    as(TestTokens.client("lumiere"))
        .body(sheet("C", "x@y.example", "https://gw.example/sms", SECRET))
        .put(PEOPLE + "/client-of-lumiere")
        .then()
        .statusCode(403);
    given().get(PEOPLE).then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.forged("admin", Set.of("vigie-admin")))
        .get(PEOPLE + "/" + me)
        .then()
        .statusCode(401);
    as(TestTokens.support()).get(PEOPLE + "/nobody-" + me).then().statusCode(404);
  }
}
