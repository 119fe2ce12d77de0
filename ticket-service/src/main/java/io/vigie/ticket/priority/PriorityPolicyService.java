package io.vigie.ticket.priority;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.escalation.EscalationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The priority policy an admin sets (matrix and GTI escalation shares): read by every new ticket,
 * every priority recalculation and every clock watch run from the database, so a change applies at
 * once on every instance; changed under If-Match, each accepted version kept in the history.
 */
@ApplicationScoped
public class PriorityPolicyService {

  private static final Logger LOG = Logger.getLogger(PriorityPolicyService.class);
  static final String WHAT = "Priority policy";
  static final Keyset NEWEST_FIRST = Keyset.descending("version", "bigint");

  private final InstantSource time;
  private final Reads reads;

  public PriorityPolicyService(InstantSource time, Reads reads) {
    this.time = time;
    this.reads = reads;
  }

  /** The policy as the API shows it; {@code version} is its ETag. */
  public record PolicyView(
      Map<String, Map<String, String>> matrix,
      Map<String, Integer> escalation,
      long version,
      String changedBy,
      Instant changedAt,
      String reason) {

    /** Rows and cells in HIGH, MEDIUM, LOW order, priorities P1 first, whatever jsonb kept. */
    static PolicyView of(PriorityPolicyRow row) {
      PriorityPolicy.Parsed parsed = PriorityPolicy.parse(row.matrix, row.escalation);
      return new PolicyView(
          parsed.ok() ? parsed.policy().matrixDocument() : row.matrix,
          parsed.ok() ? parsed.policy().escalationDocument() : row.escalation,
          row.version,
          row.changedBy,
          row.changedAt,
          row.reason);
    }
  }

  /**
   * A new policy, replacing the whole of the current one: {@code matrix} impact -> urgency ->
   * priority, every cell filled; {@code escalation} priority -> share of the GTI (50, 75, 90, 100)
   * at which an unacknowledged L1 ticket moves to L2, a priority left out never escalating on its
   * GTI; {@code reason} kept in the history.
   */
  public record PolicyChange(
      Map<String, Map<String, String>> matrix,
      Map<String, Integer> escalation,
      @NotBlank @Size(max = 2_000) String reason) {}

  // --- for tickets and the clock watch; callers hold a session

  /** The current policy (the defaults if the stored one cannot be read). */
  public Uni<PriorityPolicy> current() {
    return PriorityPolicyRow.<PriorityPolicyRow>findById(PriorityPolicyRow.ID)
        .map(
            row -> {
              if (row == null) {
                return PriorityPolicy.defaults();
              }
              PriorityPolicy.Parsed parsed = PriorityPolicy.parse(row.matrix, row.escalation);
              if (!parsed.ok()) {
                LOG.errorf(
                    "Stored priority policy version %d is unreadable (%s); the defaults apply",
                    row.version, parsed.errors());
                return PriorityPolicy.defaults();
              }
              return parsed.policy();
            });
  }

  public Uni<PriorityMatrix> matrix() {
    return current().map(PriorityPolicy::matrix);
  }

  public Uni<EscalationPolicy> escalation() {
    return current().map(PriorityPolicy::escalation);
  }

  // --- API

  @WithSession
  public Uni<PolicyView> read() {
    return PriorityPolicyRow.<PriorityPolicyRow>findById(PriorityPolicyRow.ID)
        .map(
            row -> {
              if (row == null) {
                throw ProblemException.notFound(WHAT, PriorityPolicyRow.ID);
              }
              return PolicyView.of(row);
            });
  }

  @WithTransaction
  public Uni<PolicyView> change(String ifMatch, PolicyChange change, Caller caller) {
    return PriorityPolicyRow.<PriorityPolicyRow>findById(
            PriorityPolicyRow.ID, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            row -> {
              if (row == null) {
                throw ProblemException.notFound(WHAT, PriorityPolicyRow.ID);
              }
              ETags.requireMatch(ifMatch, row.version);
              PriorityPolicy.Parsed parsed =
                  PriorityPolicy.parse(change.matrix(), change.escalation());
              if (!parsed.ok()) {
                throw new ProblemException(
                    400,
                    "validation",
                    "Invalid request",
                    parsed.errors().stream()
                        .map(e -> e.field() + ": " + e.message())
                        .collect(Collectors.joining("; ")),
                    parsed.errors());
              }
              PriorityPolicy policy = parsed.policy();
              row.matrix = policy.matrixDocument();
              row.escalation = policy.escalationDocument();
              row.version++;
              row.changedBy = caller.name();
              row.changedAt = time.instant();
              row.reason = change.reason().strip();
              PriorityPolicyChange kept = new PriorityPolicyChange();
              kept.version = row.version;
              kept.matrix = row.matrix;
              kept.escalation = row.escalation;
              kept.changedBy = row.changedBy;
              kept.changedAt = row.changedAt;
              kept.reason = row.reason;
              LOG.infof(
                  "Priority policy version %d by %s: %s", row.version, row.changedBy, row.reason);
              return kept.persist().replaceWith(PolicyView.of(row));
            });
  }

  /** Every accepted version, newest first. */
  public Uni<Listing<PolicyView>> history(PageRequest page) {
    return reads.page(
        SqlQuery.select("doc", "priority_policy_change_document").keyset(NEWEST_FIRST), page);
  }
}
