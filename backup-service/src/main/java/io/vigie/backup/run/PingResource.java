package io.vigie.backup.run;

import io.smallrye.mutiny.Uni;
import io.vigie.backup.BackupConfig;
import io.vigie.kit.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Healthchecks-compatible pings, so borgmatic's {@code healthchecks:} hook and any cron job with
 * curl report runs unmodified: {@code /ping/{key}} (success), {@code /start}, {@code /fail}, {@code
 * /log}, {@code /{exit-status}}; HEAD, GET and POST; a POST body is the run's output, kept up to
 * {@code vigie.backup.ping.max-log-bytes} and cut beyond. No bearer token: the unguessable key is
 * the credential, as with Healthchecks. Answers {@code OK}, or 404 for an unknown key.
 */
@Path("/ping/{key}")
@Tag(name = "Ping", description = "Healthchecks-compatible run reports from backup tools")
public class PingResource {

  private final RunService runs;
  private final BackupConfig config;

  public PingResource(RunService runs, BackupConfig config) {
    this.runs = runs;
    this.config = config;
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(operationId = "pingSuccess", summary = "Success")
  public Uni<String> success(@PathParam("key") String key, @QueryParam("rid") String rid) {
    return ping(key, "", null, rid);
  }

  @HEAD
  @Operation(hidden = true) // GET without a body, as Healthchecks answers HEAD
  public Uni<Response> successHead(@PathParam("key") String key, @QueryParam("rid") String rid) {
    return ping(key, "", null, rid).map(ok -> Response.ok().build());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      operationId = "pingSuccessWithLog",
      summary = "Success, with the run's output as the body")
  public Uni<String> successWithLog(
      @PathParam("key") String key, @QueryParam("rid") String rid, byte[] body) {
    return ping(key, "", body, rid);
  }

  @GET
  @Path("/{event}")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(operationId = "pingEvent", summary = "start, fail, log or an exit status 0-255")
  public Uni<String> event(
      @PathParam("key") String key,
      @PathParam("event") String event,
      @QueryParam("rid") String rid) {
    return ping(key, event, null, rid);
  }

  @HEAD
  @Path("/{event}")
  @Operation(hidden = true) // GET without a body
  public Uni<Response> eventHead(
      @PathParam("key") String key,
      @PathParam("event") String event,
      @QueryParam("rid") String rid) {
    return ping(key, event, null, rid).map(ok -> Response.ok().build());
  }

  @POST
  @Path("/{event}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      operationId = "pingEventWithLog",
      summary = "start, fail, log or an exit status 0-255, with the output as the body")
  public Uni<String> eventWithLog(
      @PathParam("key") String key,
      @PathParam("event") String event,
      @QueryParam("rid") String rid,
      byte[] body) {
    return ping(key, event, body, rid);
  }

  private Uni<String> ping(String key, String event, byte[] body, String rid) {
    UUID id = parse(key);
    Ping ping =
        Ping.of(event).orElseThrow(() -> ProblemException.notFound("Check", key + "/" + event));
    if (rid != null && rid.length() > 100) {
      throw ProblemException.invalidField("rid", "must be at most 100 characters");
    }
    return runs.ping(id, ping, Ping.Body.of(body, config.ping().maxLogBytes()), rid)
        .replaceWith("OK");
  }

  private static UUID parse(String key) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("Check", key);
    }
  }
}
