package io.vigie.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vigie.kit.sql.SqlErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Bodies name the offending fields and never carry a
 * stack trace, an exception class or a SQL message.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.toProblem(path(uri)));
  }

  @ServerExceptionMapper
  public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
    return violations(e, uri);
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return respond(validation(detail, errors, uri));
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
    return invalidField(jsonPath(e), "unknown field", uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    String field = jsonPath(e);
    String message =
        e.getTargetType() != null && e.getTargetType().isEnum()
            ? "must be one of "
                + Arrays.toString(e.getTargetType().getEnumConstants())
                + ", not "
                + e.getValue()
            : "cannot be read as " + friendlyType(e.getTargetType()) + ": " + e.getValue();
    return invalidField(field, message, uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    String field = jsonPath(e);
    String message = "must be " + friendlyType(e.getTargetType());
    if (field.isEmpty()) {
      return respond(malformed("The request body is not the expected JSON object", uri));
    }
    return invalidField(field, message, uri);
  }

  @ServerExceptionMapper
  public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
    return invalidField(jsonPath(e), "invalid value", uri);
  }

  @ServerExceptionMapper
  public Response mapping(JsonMappingException e, UriInfo uri) {
    String field = jsonPath(e);
    if (field.isEmpty()) {
      return respond(malformed("The request body is not valid JSON", uri));
    }
    return invalidField(field, "invalid value", uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return respond(malformed("The request body is not valid JSON" + where, uri));
  }

  @ServerExceptionMapper
  public Response staleState(StaleStateException e, UriInfo uri) {
    return respond(
        new Problem(
            Problem.TYPE_BASE + "stale-version",
            "Stale version",
            412,
            "The resource was changed concurrently; re-read it and retry",
            path(uri),
            List.of()));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        new Problem(
            Problem.TYPE_BASE + "forbidden",
            "Forbidden",
            403,
            "Your role does not allow this operation",
            path(uri),
            List.of()));
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    return Response.fromResponse(
            respond(
                new Problem(
                    Problem.TYPE_BASE + "unauthorized",
                    "Unauthorized",
                    401,
                    "A valid bearer token is required",
                    path(uri),
                    List.of())))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      // the JSON reader wraps what Jackson refused: answer as if Jackson's own error reached us
      return switch (json) {
        case UnrecognizedPropertyException u -> unknownProperty(u, uri);
        case InvalidFormatException f -> invalidFormat(f, uri);
        case MismatchedInputException m -> mismatchedInput(m, uri);
        case ValueInstantiationException v -> valueInstantiation(v, uri);
        case JsonMappingException m -> mapping(m, uri);
        default -> malformedJson(json, uri);
      };
    }
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Request refused" : type.getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "No resource at this path";
          case 405 -> "This method is not allowed on this resource";
          case 406 -> "This resource answers application/json only";
          case 415 -> "Send the request body as application/json";
          default -> title;
        };
    Response.ResponseBuilder builder =
        Response.fromResponse(
            respond(
                new Problem(
                    Problem.TYPE_BASE + slug(title), title, status, detail, path(uri), List.of())));
    return builder.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (SqlErrors.isUniqueViolation(e)) {
      // a concurrent create won the race on a unique natural key
      return respond(
          new Problem(
              Problem.TYPE_BASE + "conflict",
              "Conflict",
              409,
              "A resource with the same identifying name already exists",
              path(uri),
              List.of()));
    }
    if (e instanceof ProblemException problem) {
      return problem(problem, uri);
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error %s on %s", incident, path(uri));
    return respond(
        new Problem(
            Problem.TYPE_BASE + "internal",
            "Internal error",
            500,
            "The request failed on our side; quote incident " + incident + " to support",
            path(uri),
            List.of()));
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static Response invalidField(String field, String message, UriInfo uri) {
    return respond(
        validation(field + ": " + message, List.of(new Problem.FieldError(field, message)), uri));
  }

  private static Problem validation(String detail, List<Problem.FieldError> errors, UriInfo uri) {
    return new Problem(
        Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri), errors);
  }

  private static Problem malformed(String detail, UriInfo uri) {
    return new Problem(
        Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400, detail, path(uri), List.of());
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  /** {@code create.request.hardware.cpu.cores} becomes {@code hardware.cpu.cores}. */
  static String fieldOf(ConstraintViolation<?> violation) {
    List<String> parts = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      String name = node.getName();
      if (name == null) {
        continue;
      }
      if (node.getIndex() != null && !parts.isEmpty()) {
        int last = parts.size() - 1;
        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
      }
      parts.add(name);
    }
    // A violation on a query parameter names the parameter itself.
    if (parts.isEmpty()) {
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == ElementKind.PARAMETER) {
          return node.getName();
        }
      }
    }
    return String.join(".", parts);
  }

  /** A JSON pointer-ish path such as {@code hardware.disks[1].media}. */
  static String jsonPath(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String friendlyType(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type.getName().startsWith("java.time.")) {
      return "an ISO 8601 "
          + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    return "an object";
  }
}
