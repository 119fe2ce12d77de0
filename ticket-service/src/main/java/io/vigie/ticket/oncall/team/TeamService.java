package io.vigie.ticket.oncall.team;

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Teams: admins write them, staff read them; escalation steps notify their members. */
@ApplicationScoped
public class TeamService {

  static final String WHAT = "Team";

  private final InstantSource time;

  public TeamService(InstantSource time) {
    this.time = time;
  }

  /** A team as the API shows it; {@code version} is its ETag. */
  @Schema(name = "OnCallTeamView")
  public record TeamView(
      UUID id,
      String name,
      List<String> members,
      long version,
      Instant updatedAt,
      String updatedBy) {

    static TeamView of(OnCallTeam t) {
      return new TeamView(t.id, t.name, t.members.subjects(), t.version, t.updatedAt, t.updatedBy);
    }
  }

  /** The members of a team; empty for an unknown one. Callers hold a session. */
  public static Uni<List<String>> members(UUID team) {
    return OnCallTeam.<OnCallTeam>findById(team)
        .map(t -> t == null ? List.<String>of() : t.members.subjects());
  }

  @WithSession
  public Uni<List<TeamView>> list() {
    return OnCallTeam.<OnCallTeam>list("order by name, id")
        .map(all -> all.stream().map(TeamView::of).toList());
  }

  @WithSession
  public Uni<TeamView> get(UUID id) {
    return OnCallTeam.<OnCallTeam>findById(id)
        .map(
            t -> {
              if (t == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              return TeamView.of(t);
            });
  }

  @WithTransaction
  public Uni<Created<TeamView>> create(TeamSheet sheet, Caller caller) {
    caller.requireAdmin();
    return check(sheet, null)
        .chain(
            ok -> {
              OnCallTeam t = new OnCallTeam();
              t.id = Uuids.timeOrdered();
              t.version = 1;
              apply(t, sheet, caller);
              return t.persist()
                  .replaceWith(
                      () ->
                          new Created<>(
                              URI.create("/api/v1/on-call/teams/" + t.id),
                              TeamView.of(t),
                              t.version));
            });
  }

  @WithTransaction
  public Uni<TeamView> replace(UUID id, String ifMatch, TeamSheet sheet, Caller caller) {
    caller.requireAdmin();
    return OnCallTeam.<OnCallTeam>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            t -> {
              if (t == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              ETags.requireMatch(ifMatch, t.version);
              return check(sheet, id)
                  .map(
                      ok -> {
                        t.version++;
                        apply(t, sheet, caller);
                        return TeamView.of(t);
                      });
            });
  }

  private Uni<Boolean> check(TeamSheet sheet, UUID self) {
    return OnCallPerson.<OnCallPerson>listAll()
        .chain(
            people -> {
              List<FieldError> errors =
                  sheet.check(people.stream().map(p -> p.subject).collect(Collectors.toSet()));
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
              return OnCallTeam.<OnCallTeam>find("name", sheet.name().strip())
                  .firstResult()
                  .map(
                      other -> {
                        if (other != null && !other.id.equals(self)) {
                          throw ProblemException.conflict(
                              "Another team is named " + sheet.name().strip());
                        }
                        return true;
                      });
            });
  }

  private void apply(OnCallTeam t, TeamSheet sheet, Caller caller) {
    t.name = sheet.name().strip();
    t.members = new OnCallTeam.Members(List.copyOf(sheet.members()));
    t.updatedAt = time.instant();
    t.updatedBy = caller.name();
  }
}
