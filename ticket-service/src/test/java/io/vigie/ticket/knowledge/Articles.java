package io.vigie.ticket.knowledge;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigie.testkit.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The knowledge base API as tests use it: articles written by staff through the real API. */
final class Articles {

  static final String PATH = "/api/v1/articles";

  private Articles() {}

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  static Map<String, Object> article(
      String kind, String visibility, String tenant, String title, String body) {
    Map<String, Object> a = new HashMap<>();
    a.put("kind", kind);
    a.put("visibility", visibility);
    if (tenant != null) {
      a.put("tenant", tenant);
    }
    a.put("title", title);
    a.put("body", body);
    a.put("publish", true);
    return a;
  }

  static Map<String, String> link(String kind, String target) {
    return Map.of("kind", kind, "target", target);
  }

  /** Creates (published unless the body says otherwise) as an engineer; returns the id. */
  static String create(Map<String, Object> article) {
    return as(TestTokens.engineer())
        .body(article)
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String published(
      String kind,
      String visibility,
      String tenant,
      String title,
      List<Map<String, String>> links) {
    Map<String, Object> a = article(kind, visibility, tenant, title, "Body of " + title);
    a.put("links", links);
    return create(a);
  }

  static String etag(String id) {
    return as(TestTokens.engineer())
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
