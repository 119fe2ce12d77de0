package io.vigie.ticket.oncall.paging;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.oncall.OnCallPerson;
import io.vigie.ticket.oncall.schedule.OnCallSchedule;
import io.vigie.ticket.oncall.team.OnCallTeam;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Escalation policies: admins write them, staff read them. */
@ApplicationScoped
public class PolicyService {

  static final String WHAT = "Escalation policy";

  private final InstantSource time;

  public PolicyService(InstantSource time) {
    this.time = time;
  }

  /** A policy as the API shows it; {@code version} is its ETag. */
  @Schema(name = "EscalationPolicyView")
  public record PolicyView(
      UUID id,
      String name,
      String tenant,
      String priority,
      List<PolicyStep> steps,
      int repeat,
      long version,
      Instant updatedAt,
      String updatedBy) {

    static PolicyView of(EscalationPolicyRow p) {
      return new PolicyView(
          p.id,
          p.name,
          p.tenant,
          p.priority,
          p.steps.steps(),
          p.repeat,
          p.version,
          p.updatedAt,
          p.updatedBy);
    }
  }

  @WithSession
  public Uni<List<PolicyView>> list() {
    return EscalationPolicyRow.<EscalationPolicyRow>list("order by name, id")
        .map(all -> all.stream().map(PolicyView::of).toList());
  }

  @WithSession
  public Uni<PolicyView> get(UUID id) {
    return EscalationPolicyRow.<EscalationPolicyRow>findById(id)
        .map(
            p -> {
              if (p == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              return PolicyView.of(p);
            });
  }

  @WithTransaction
  public Uni<Created<PolicyView>> create(PolicySheet sheet, Caller caller) {
    caller.requireAdmin();
    return check(sheet, null)
        .chain(
            ok -> {
              EscalationPolicyRow p = new EscalationPolicyRow();
              p.id = Uuids.timeOrdered();
              p.version = 1;
              apply(p, sheet, caller);
              return p.persist()
                  .replaceWith(
                      () ->
                          new Created<>(
                              URI.create("/api/v1/on-call/policies/" + p.id),
                              PolicyView.of(p),
                              p.version));
            });
  }

  @WithTransaction
  public Uni<PolicyView> replace(UUID id, String ifMatch, PolicySheet sheet, Caller caller) {
    caller.requireAdmin();
    return EscalationPolicyRow.<EscalationPolicyRow>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              ETags.requireMatch(ifMatch, p.version);
              return check(sheet, id)
                  .map(
                      ok -> {
                        p.version++;
                        apply(p, sheet, caller);
                        return PolicyView.of(p);
                      });
            });
  }

  private Uni<Boolean> check(PolicySheet sheet, UUID self) {
    return OnCallPerson.<OnCallPerson>listAll()
        .chain(
            people ->
                OnCallSchedule.<OnCallSchedule>listAll()
                    .chain(
                        schedules ->
                            OnCallTeam.<OnCallTeam>listAll()
                                .map(teams -> new Known(people, schedules, teams)))
                    .chain(
                        known -> {
                          List<OnCallSchedule> schedules = known.schedules();
                          Set<String> subjects =
                              people.stream().map(p -> p.subject).collect(Collectors.toSet());
                          Set<UUID> ids =
                              schedules.stream().map(s -> s.id).collect(Collectors.toSet());
                          List<FieldError> errors =
                              sheet.check(
                                  subjects,
                                  ids,
                                  known.teams().stream()
                                      .map(t -> t.id)
                                      .collect(Collectors.toSet()));
                          if (!errors.isEmpty()) {
                            throw new ProblemException(
                                400,
                                "validation",
                                "Invalid request",
                                errors.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .collect(Collectors.joining("; ")),
                                errors);
                          }
                          return EscalationPolicyRow.<EscalationPolicyRow>listAll()
                              .map(
                                  all -> {
                                    boolean taken =
                                        all.stream()
                                            .anyMatch(
                                                o ->
                                                    !o.id.equals(self)
                                                        && Objects.equals(o.tenant, sheet.tenant())
                                                        && Objects.equals(
                                                            o.priority, sheet.priority()));
                                    if (taken) {
                                      throw ProblemException.conflict(
                                          "Another policy is attached to this client and"
                                              + " priority");
                                    }
                                    return true;
                                  });
                        }));
  }

  private record Known(
      List<OnCallPerson> people, List<OnCallSchedule> schedules, List<OnCallTeam> teams) {}

  private void apply(EscalationPolicyRow p, PolicySheet sheet, Caller caller) {
    p.name = sheet.name().strip();
    p.tenant = sheet.tenant();
    p.priority = sheet.priority();
    p.steps = new EscalationPolicyRow.Steps(List.copyOf(sheet.steps()));
    p.repeat = sheet.repeat();
    p.updatedAt = time.instant();
    p.updatedBy = caller.name();
  }
}
