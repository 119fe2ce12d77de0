package io.vigie.kit.openapi;

import io.vigie.kit.problem.Problem;
import io.vigie.kit.web.IdempotencyKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The parts of every Vigie service's OpenAPI document that follow from the kit rather than from a
 * resource: who publishes it, where it runs, how a client gets a token, and the answers the kit
 * gives on every service. Error responses are derived from what an operation declares, so a
 * resource cannot forget them: every secured operation answers 401 and 403, one with a path
 * parameter 404, one with parameters or a body 400, one with a body 415, a write 409, one taking
 * {@code If-Match} 412 and 428, one taking {@code Idempotency-Key} 422 — all as {@code
 * application/problem+json} with the one {@code Problem} schema the kit's mappers emit. Success
 * headers follow the same way: a 201 carries {@code Location} and {@code ETag} (and {@code
 * Idempotent-Replayed} when it honours {@code Idempotency-Key}); a 200 of a resource updated under
 * {@code If-Match} carries {@code ETag}. Patterns are anchored to mean what the service checks
 * ({@link AnchoredPatterns}). Applying it twice gives the same document.
 */
public final class ApiContract {

  public static final String SECURITY_SCHEME = "keycloak";
  public static final String PROBLEM_SCHEMA = "Problem";
  public static final String FIELD_ERROR_SCHEMA = "FieldError";
  static final String ETAG = "ETag";
  static final String LOCATION = "Location";
  static final String IF_MATCH = "If-Match";
  static final String ROLES_EXTENSION = "x-roles";

  /** Where the service runs, who publishes it, and the Keycloak realm that issues its tokens. */
  public record Settings(
      String serverUrl,
      String serverDescription,
      String realmUrl,
      String contactName,
      String contactUrl,
      String contactEmail,
      String licenseName,
      String licenseUrl) {}

  /** One documented error: its status, when it happens, and the component name of its answer. */
  record ErrorAnswer(String status, String component, String description) {}

  static final ErrorAnswer BAD_REQUEST =
      new ErrorAnswer(
          "400",
          "BadRequest",
          "The request is invalid; `errors` names every offending field (JSON path or parameter)");
  static final ErrorAnswer UNAUTHORIZED =
      new ErrorAnswer(
          "401", "Unauthorized", "No valid bearer token; get one from the Keycloak realm");
  static final ErrorAnswer FORBIDDEN =
      new ErrorAnswer("403", "Forbidden", "The token's roles do not allow this operation");
  static final ErrorAnswer NOT_FOUND =
      new ErrorAnswer(
          "404",
          "NotFound",
          "No such resource, or one that belongs to another tenant (the two are not told apart)");
  static final ErrorAnswer CONFLICT =
      new ErrorAnswer(
          "409",
          "Conflict",
          "The request clashes with the current state: a duplicate identifying name, or a"
              + " transition the resource's state does not allow");
  static final ErrorAnswer STALE_VERSION =
      new ErrorAnswer(
          "412",
          "StaleVersion",
          "The If-Match version is not the current one: re-read the resource and retry");
  static final ErrorAnswer UNSUPPORTED_MEDIA_TYPE =
      new ErrorAnswer(
          "415", "UnsupportedMediaType", "The request body is not in the documented media type");
  static final ErrorAnswer KEY_REUSED =
      new ErrorAnswer(
          "422",
          "IdempotencyKeyReused",
          "This Idempotency-Key was already used by this caller for a different request body");
  static final ErrorAnswer VERSION_REQUIRED =
      new ErrorAnswer(
          "428", "VersionRequired", "No If-Match header: send the ETag you read to change this");

  private ApiContract() {}

  public static void apply(OpenAPI doc, Settings settings) {
    describe(doc, settings);
    Components components = components(doc);
    components.addSecurityScheme(SECURITY_SCHEME, securityScheme(settings.realmUrl()));
    components.addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
    components.addSchema(PROBLEM_SCHEMA, problemSchema());
    Map<String, APIResponse> used = new TreeMap<>();
    boolean[] headersUsed = new boolean[3];
    if (doc.getPaths() != null && doc.getPaths().getPathItems() != null) {
      doc.getPaths()
          .getPathItems()
          .forEach(
              (path, item) -> {
                boolean versioned =
                    item.getOperations().values().stream().anyMatch(ApiContract::takesIfMatch);
                item.getOperations()
                    .forEach(
                        (method, op) -> operation(path, method, versioned, op, used, headersUsed));
              });
    }
    used.forEach(components::addResponse);
    AnchoredPatterns.apply(doc);
    if (headersUsed[0]) {
      components.addHeader(ETAG, etagHeader());
    }
    if (headersUsed[1]) {
      components.addHeader(LOCATION, locationHeader());
    }
    if (headersUsed[2]) {
      components.addHeader(IdempotencyKeys.REPLAYED_HEADER, replayedHeader());
    }
  }

  private static void describe(OpenAPI doc, Settings settings) {
    if (doc.getInfo() == null) {
      doc.setInfo(OASFactory.createInfo().title("Vigie API").version("1"));
    }
    doc.getInfo()
        .contact(
            OASFactory.createContact()
                .name(settings.contactName())
                .url(settings.contactUrl())
                .email(settings.contactEmail()))
        .license(
            OASFactory.createLicense().name(settings.licenseName()).url(settings.licenseUrl()));
    doc.setServers(
        List.of(
            OASFactory.createServer()
                .url(settings.serverUrl())
                .description(settings.serverDescription())));
  }

  private static Components components(OpenAPI doc) {
    if (doc.getComponents() == null) {
      doc.setComponents(OASFactory.createComponents());
    }
    Components components = doc.getComponents();
    // Quarkus' own scheme (from quarkus.smallrye-openapi.security-scheme) is replaced by ours
    if (components.getSecuritySchemes() != null) {
      new ArrayList<>(components.getSecuritySchemes().keySet())
          .stream()
              .filter(name -> !name.equals(SECURITY_SCHEME))
              .forEach(components::removeSecurityScheme);
    }
    return components;
  }

  static SecurityScheme securityScheme(String realmUrl) {
    String base = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    String token = base + "/protocol/openid-connect/token";
    return OASFactory.createSecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description(
            "Keycloak bearer tokens of the realm "
                + base
                + ". Machine clients (scripts, billing, Ansible) use the client credentials flow"
                + " with their own confidential client; people use the authorization code flow."
                + " What a caller may do follows the realm roles in the token (vigie-client,"
                + " vigie-support, vigie-engineer, vigie-expert, vigie-admin, vigie-agent); a"
                + " vigie-client token also carries the tenant claim that walls its data off.")
        .flows(
            OASFactory.createOAuthFlows()
                .clientCredentials(flow().tokenUrl(token))
                .authorizationCode(
                    flow()
                        .authorizationUrl(base + "/protocol/openid-connect/auth")
                        .tokenUrl(token)));
  }

  private static OAuthFlow flow() {
    return OASFactory.createOAuthFlow().scopes(new LinkedHashMap<>());
  }

  static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("One rejected field of a request")
        .addProperty(
            "field",
            string(
                "The field as a JSON path into the body (`hardware.disks[1].media`), or the name"
                    + " of the query parameter or header"))
        .addProperty("message", string("What is wrong with it"))
        .addRequired("field")
        .addRequired("message");
  }

  static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "RFC 9457 problem details, the body of every error answer (media type "
                + Problem.MEDIA_TYPE
                + ")")
        .addProperty(
            "type",
            string("Identifies the kind of problem, e.g. https://vigie.io/problems/stale-version")
                .format("uri"))
        .addProperty("title", string("Short summary of the kind of problem"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status code"))
        .addProperty(
            "detail", string("What went wrong with this request; never internals or stack traces"))
        .addProperty("instance", string("The request path").format("uri-reference"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .description("Every rejected field, so a client can fix them all in one go")
                .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)))
        .addRequired("type")
        .addRequired("title")
        .addRequired("status");
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }

  private static void operation(
      String path,
      PathItem.HttpMethod method,
      boolean versioned,
      Operation op,
      Map<String, APIResponse> used,
      boolean[] headersUsed) {
    if (!path.startsWith("/api/")) {
      return;
    }
    if (op.getResponses() == null) {
      op.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = op.getResponses();
    secure(op);
    List<ErrorAnswer> errors = new ArrayList<>();
    List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
    boolean body = op.getRequestBody() != null;
    if (body || !parameters.isEmpty()) {
      errors.add(BAD_REQUEST);
    }
    errors.add(UNAUTHORIZED);
    errors.add(FORBIDDEN);
    if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
      errors.add(NOT_FOUND);
    }
    boolean ifMatch = takesIfMatch(op);
    boolean idempotent = hasHeader(op, IdempotencyKeys.HEADER);
    // a change of existing state or a create can clash; an ingest (remote_write, check results)
    // cannot
    if (method == PathItem.HttpMethod.PUT
        || method == PathItem.HttpMethod.PATCH
        || method == PathItem.HttpMethod.DELETE
        || ifMatch
        || idempotent
        || responses.hasAPIResponse("201")) {
      errors.add(CONFLICT);
    }
    if (ifMatch) {
      errors.add(STALE_VERSION);
    }
    if (body) {
      errors.add(UNSUPPORTED_MEDIA_TYPE);
    }
    if (idempotent) {
      errors.add(KEY_REUSED);
      if (method == PathItem.HttpMethod.POST) {
        documentCreate(responses);
      }
    }
    if (ifMatch) {
      errors.add(VERSION_REQUIRED);
    }
    for (ErrorAnswer error : errors) {
      APIResponse declared = responses.getAPIResponse(error.status());
      if (declared == null || declared.getRef() != null || isBare(declared)) {
        responses.addAPIResponse(
            error.status(), OASFactory.createAPIResponse().ref(error.component()));
        used.put(error.component(), problemResponse(error.description()));
      }
    }
    // errors a resource declares itself (413, 429, ...) get the Problem body too
    responses
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getRef() == null && isBare(response)) {
                  response.setContent(problemContent());
                }
              }
            });
    responses
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (response.getRef() != null) {
                return;
              }
              if (status.equals("201")) {
                addHeader(response, LOCATION, headersUsed, 1);
                addHeader(response, ETAG, headersUsed, 0);
                if (idempotent) {
                  addHeader(response, IdempotencyKeys.REPLAYED_HEADER, headersUsed, 2);
                }
              } else if (status.equals("200")
                  && (ifMatch || (versioned && method == PathItem.HttpMethod.GET))) {
                addHeader(response, ETAG, headersUsed, 0);
              }
            });
    responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
  }

  /**
   * A POST honouring Idempotency-Key goes through {@code IdempotencyKeys.create}, which answers
   * 201: the scanner's default 200 (named after the method's return type) becomes that 201.
   */
  private static void documentCreate(APIResponses responses) {
    APIResponse ok = responses.getAPIResponse("200");
    if (ok != null && !responses.hasAPIResponse("201")) {
      responses.removeAPIResponse("200");
      APIResponse created =
          OASFactory.createAPIResponse()
              .description(
                  "Created; a retry with the same Idempotency-Key and body answers the same")
              .content(ok.getContent());
      responses.addAPIResponse("201", created);
    }
  }

  private static boolean isBare(APIResponse response) {
    return response.getContent() == null
        || response.getContent().getMediaTypes() == null
        || response.getContent().getMediaTypes().isEmpty();
  }

  private static void secure(Operation op) {
    List<String> roles = new ArrayList<>();
    if (op.getSecurity() != null) {
      op.getSecurity()
          .forEach(
              requirement ->
                  requirement
                      .getSchemes()
                      .forEach(
                          (scheme, scopes) -> {
                            if (!scheme.equals(SECURITY_SCHEME) && scopes != null) {
                              scopes.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                            }
                          }));
    }
    if (!roles.isEmpty()) {
      op.addExtension(ROLES_EXTENSION, List.copyOf(roles));
      String who = "Roles: " + String.join(", ", roles) + ".";
      String description = op.getDescription();
      if (description == null || !description.contains(who)) {
        op.setDescription(description == null ? who : description + "\n\n" + who);
      }
    }
    op.setSecurity(
        List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME, List.of())));
  }

  static boolean takesIfMatch(Operation op) {
    return hasHeader(op, IF_MATCH);
  }

  private static boolean hasHeader(Operation op, String name) {
    return op.getParameters() != null
        && op.getParameters().stream()
            .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }

  private static void addHeader(
      APIResponse response, String name, boolean[] headersUsed, int index) {
    headersUsed[index] = true;
    if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
      response.addHeader(name, OASFactory.createHeader().ref(name));
    }
  }

  private static APIResponse problemResponse(String description) {
    return OASFactory.createAPIResponse().description(description).content(problemContent());
  }

  private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
  }

  private static Header etagHeader() {
    return OASFactory.createHeader()
        .description(
            "The resource's version; send it back in If-Match to change the resource (412 if"
                + " someone changed it in between)")
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
  }

  private static Header locationHeader() {
    return OASFactory.createHeader()
        .description("Path of the created resource")
        .schema(
            OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"));
  }

  private static Header replayedHeader() {
    return OASFactory.createHeader()
        .description(
            "`true` when this is the stored answer to an earlier request with the same"
                + " Idempotency-Key: nothing new was created")
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
  }
}
