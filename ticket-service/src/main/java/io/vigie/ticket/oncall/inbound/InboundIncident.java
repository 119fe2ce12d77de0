package io.vigie.ticket.oncall.inbound;

import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.Urgency;
import io.vigie.ticket.tickets.TicketLink;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a hoster's own tool (Zabbix, Nagios, a script) posts to open, update or resolve an incident:
 * a summary, a priority, the client, the servers, VMs and hosted services concerned, and a dedup
 * key that names the problem on the sender's side. Plain Java; {@link #check()} names every field
 * at fault.
 */
@Schema(name = "InboundIncident")
public record InboundIncident(
    @Schema(description = "Names the problem on the sender's side; a repeat updates its incident")
        String dedupKey,
    @Schema(description = "FIRING opens or updates the incident, RESOLVED resolves it")
        InboundStatus status,
    @Schema(description = "The incident's title") String summary,
    @Schema(description = "More text for the incident's description") String details,
    @Schema(description = "Required when firing") Priority priority,
    @Schema(description = "The client's tenant code; a client-bound integration may leave it out")
        String client,
    List<InboundTarget> targets) {

  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

  /** FIRING opens or updates; RESOLVED resolves. */
  @Schema(name = "InboundIncidentStatus")
  public enum InboundStatus {
    FIRING,
    RESOLVED
  }

  /** A server, VM or hosted service of the client, by its inventory id. */
  @Schema(name = "InboundIncidentTarget")
  public record InboundTarget(TargetKind kind, String id) {}

  /** What a target is. */
  @Schema(name = "InboundIncidentTargetKind")
  public enum TargetKind {
    SERVER,
    VIRTUAL_MACHINE,
    HOSTED_SERVICE;

    TicketLink.Kind link() {
      return TicketLink.Kind.valueOf(name());
    }
  }

  /** The fields at fault, every one of them; nothing when the request is well formed. */
  public List<Problem.FieldError> errors() {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (dedupKey == null || !KEY.matcher(dedupKey).matches()) {
      errors.add(
          new Problem.FieldError(
              "dedupKey", "1 to 200 characters among letters, digits and . _ : @ -"));
    }
    if (status == null) {
      errors.add(new Problem.FieldError("status", "FIRING or RESOLVED"));
    }
    if (status == InboundStatus.FIRING) {
      if (summary == null || summary.isBlank() || summary.length() > 200) {
        errors.add(new Problem.FieldError("summary", "1 to 200 characters"));
      }
      if (priority == null) {
        errors.add(new Problem.FieldError("priority", "P1, P2, P3 or P4"));
      }
    }
    if (details != null && details.length() > 20_000) {
      errors.add(new Problem.FieldError("details", "at most 20000 characters"));
    }
    if (client != null && (client.isBlank() || client.length() > 100)) {
      errors.add(new Problem.FieldError("client", "1 to 100 characters"));
    }
    List<InboundTarget> all = targets == null ? List.of() : targets;
    if (all.size() > 50) {
      errors.add(new Problem.FieldError("targets", "at most 50"));
    }
    for (int i = 0; i < all.size(); i++) {
      InboundTarget t = all.get(i);
      if (t == null || t.kind() == null) {
        errors.add(
            new Problem.FieldError(
                "targets[" + i + "].kind", "SERVER, VIRTUAL_MACHINE or HOSTED_SERVICE"));
      }
      if (t == null || !isUuid(t.id())) {
        errors.add(new Problem.FieldError("targets[" + i + "].id", "must be a UUID"));
      }
    }
    return errors;
  }

  /** Refuses a malformed request with every field at fault (400). */
  public void check() {
    List<Problem.FieldError> errors = errors();
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400,
          "validation",
          "Invalid request",
          errors.stream()
              .map(e -> e.field() + ": " + e.message())
              .reduce((a, b) -> a + "; " + b)
              .orElse(""),
          errors);
    }
  }

  /**
   * Impact and urgency that give {@code priority} in the default matrix (P1 high/high, P2
   * high/medium, P3 high/low, P4 medium/low).
   */
  static Impact impactOf(Priority priority) {
    return priority == Priority.P4 ? Impact.MEDIUM : Impact.HIGH;
  }

  static Urgency urgencyOf(Priority priority) {
    return switch (priority) {
      case P1 -> Urgency.HIGH;
      case P2 -> Urgency.MEDIUM;
      case P3, P4 -> Urgency.LOW;
    };
  }

  private static boolean isUuid(String value) {
    if (value == null) {
      return false;
    }
    try {
      UUID.fromString(value);
      return value.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
