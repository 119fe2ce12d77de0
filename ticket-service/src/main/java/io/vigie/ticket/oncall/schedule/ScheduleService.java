package io.vigie.ticket.oncall.schedule;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.intervention.InterventionCalendar;
import io.vigie.ticket.oncall.OnCallPerson;
import io.vigie.ticket.oncall.schedule.Roster.Shift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Schedules and their overrides: admins write schedules; an override is added by an admin or by the
 * person who covers, and removed by an admin or its author. Who is on call now and next, the shifts
 * between two instants, and a person's shifts across every schedule as iCalendar, all computed by
 * {@link Roster} from what is stored.
 */
@ApplicationScoped
public class ScheduleService {

  static final String WHAT = "On-call schedule";
  static final String PATH = "/api/v1/on-call/schedules/";
  static final Keyset BY_NAME = Keyset.ascending("name", "text").then("id", "uuid");
  static final Duration LONGEST_WINDOW = Duration.ofDays(92);

  private final InstantSource time;
  private final Reads reads;

  public ScheduleService(InstantSource time, Reads reads) {
    this.time = time;
    this.reads = reads;
  }

  /** A schedule as the API shows it; {@code version} is its ETag. */
  public record ScheduleView(
      UUID id,
      String name,
      String timeZone,
      List<ScheduleLayer> layers,
      long version,
      Instant updatedAt,
      String updatedBy) {

    static ScheduleView of(OnCallSchedule s) {
      return new ScheduleView(
          s.id, s.name, s.timeZone, s.layers.layers(), s.version, s.updatedAt, s.updatedBy);
    }
  }

  /** An override to add: {@code covered} null covers whoever the layers put on call. */
  public record OverrideRequest(
      String covering, String covered, Instant startsAt, Instant endsAt) {}

  /** An override as the API shows it. */
  public record OverrideView(
      UUID id,
      UUID scheduleId,
      String covering,
      String covered,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      Instant createdAt) {

    static OverrideView of(ScheduleOverride o) {
      return new OverrideView(
          o.id,
          o.scheduleId,
          o.covering,
          o.covered,
          o.startsAt,
          o.endsAt,
          o.createdBy,
          o.createdAt);
    }
  }

  /** One person's turn; {@code subject} null when nobody is on call. */
  public record ShiftView(String subject, Instant from, Instant until) {
    static ShiftView of(Shift s) {
      return s == null ? null : new ShiftView(s.subject(), s.from(), s.until());
    }
  }

  /** Who is on call at {@code at}, and who comes next. */
  public record OnCallNow(UUID scheduleId, Instant at, ShiftView now, ShiftView next) {}

  /** The shifts of one schedule between two instants. */
  public record ShiftList(UUID scheduleId, Instant from, Instant to, List<ShiftView> shifts) {}

  public Uni<Listing<ScheduleView>> list(PageRequest page) {
    return reads.page(SqlQuery.select("doc", "oncall_schedule_document").keyset(BY_NAME), page);
  }

  @WithSession
  public Uni<ScheduleView> get(UUID id) {
    return find(id).map(ScheduleView::of);
  }

  @WithTransaction
  public Uni<Created<ScheduleView>> create(ScheduleSheet sheet, Caller caller) {
    caller.requireAdmin();
    return checked(sheet)
        .chain(
            ok -> {
              OnCallSchedule s = new OnCallSchedule();
              s.id = Uuids.timeOrdered();
              s.version = 1;
              apply(s, sheet, caller);
              return s.persist()
                  .replaceWith(
                      () -> new Created<>(URI.create(PATH + s.id), ScheduleView.of(s), s.version));
            });
  }

  @WithTransaction
  public Uni<ScheduleView> replace(UUID id, String ifMatch, ScheduleSheet sheet, Caller caller) {
    caller.requireAdmin();
    return OnCallSchedule.<OnCallSchedule>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            s -> {
              if (s == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              ETags.requireMatch(ifMatch, s.version);
              return checked(sheet)
                  .map(
                      ok -> {
                        s.version++;
                        apply(s, sheet, caller);
                        return ScheduleView.of(s);
                      });
            });
  }

  @WithSession
  public Uni<OnCallNow> onCall(UUID id, Instant at) {
    Instant when = at == null ? time.instant() : at;
    return roster(id)
        .map(
            roster -> {
              List<Shift> two = roster.nowAndNext(when);
              return new OnCallNow(
                  id,
                  when,
                  ShiftView.of(two.get(0)),
                  two.size() > 1 ? ShiftView.of(two.get(1)) : null);
            });
  }

  /** Who is on call on a schedule at {@code at} (null: nobody, or no such schedule). */
  public Uni<String> onCallNow(UUID id, Instant at) {
    return OnCallSchedule.<OnCallSchedule>findById(id)
        .chain(
            s ->
                s == null
                    ? Uni.createFrom().nullItem()
                    : ScheduleOverride.<ScheduleOverride>list("scheduleId", id)
                        .map(
                            overrides ->
                                new Roster(
                                        ScheduleSheet.layers(s.timeZone, s.layers.layers()),
                                        overrides.stream().map(ScheduleOverride::cover).toList())
                                    .onCall(at)));
  }

  @WithSession
  public Uni<ShiftList> shifts(UUID id, Instant from, Instant to) {
    Instant start = from == null ? time.instant() : from;
    Instant end = to == null ? start.plus(Duration.ofDays(14)) : to;
    if (!end.isAfter(start)) {
      throw ProblemException.invalidField("to", "after from");
    }
    if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
      throw ProblemException.invalidField("to", "at most 92 days after from");
    }
    return roster(id)
        .map(
            roster ->
                new ShiftList(
                    id,
                    start,
                    end,
                    roster.shifts(start, end).stream().map(ShiftView::of).toList()));
  }

  @WithSession
  public Uni<List<OverrideView>> overrides(UUID id) {
    return find(id)
        .chain(
            s ->
                ScheduleOverride.<ScheduleOverride>list(
                    "scheduleId = ?1 and endsAt > ?2 order by startsAt", id, time.instant()))
        .map(list -> list.stream().map(OverrideView::of).toList());
  }

  @WithTransaction
  public Uni<Created<OverrideView>> addOverride(UUID id, OverrideRequest request, Caller caller) {
    return find(id)
        .chain(s -> people())
        .chain(
            people -> {
              List<FieldError> errors = new ArrayList<>();
              if (request.covering() == null || !people.contains(request.covering())) {
                errors.add(new FieldError("covering", "not a person who can be paged"));
              }
              if (request.covered() != null && request.covered().equals(request.covering())) {
                errors.add(new FieldError("covered", "differs from covering"));
              }
              if (request.startsAt() == null) {
                errors.add(new FieldError("startsAt", "required"));
              }
              if (request.endsAt() == null) {
                errors.add(new FieldError("endsAt", "required"));
              } else if (request.startsAt() != null
                  && !request.endsAt().isAfter(request.startsAt())) {
                errors.add(new FieldError("endsAt", "after startsAt"));
              } else if (!request.endsAt().isAfter(time.instant())) {
                errors.add(new FieldError("endsAt", "in the future"));
              }
              refuse(errors);
              if (!caller.isAdmin() && !caller.name().equals(request.covering())) {
                throw ProblemException.forbidden(
                    "A person adds an override where they cover; admins any override");
              }
              ScheduleOverride o = new ScheduleOverride();
              o.id = Uuids.timeOrdered();
              o.scheduleId = id;
              o.covering = request.covering();
              o.covered = request.covered();
              o.startsAt = request.startsAt();
              o.endsAt = request.endsAt();
              o.createdBy = caller.name();
              o.createdAt = time.instant();
              return o.persist()
                  .replaceWith(
                      () ->
                          new Created<>(
                              URI.create(PATH + id + "/overrides/" + o.id), OverrideView.of(o), 1));
            });
  }

  @WithTransaction
  public Uni<Void> removeOverride(UUID id, UUID overrideId, Caller caller) {
    return ScheduleOverride.<ScheduleOverride>findById(overrideId)
        .chain(
            o -> {
              if (o == null || !o.scheduleId.equals(id)) {
                throw ProblemException.notFound("Override", overrideId);
              }
              if (!caller.isAdmin() && !caller.name().equals(o.createdBy)) {
                throw ProblemException.forbidden("Only its author or an admin removes an override");
              }
              return o.delete();
            });
  }

  /**
   * A person's shifts across every schedule, from a week ago to eight weeks ahead, as an RFC 5545
   * calendar rendered by the interventions' writer (UID per schedule and shift start).
   */
  @WithSession
  public Uni<String> calendar(String subject) {
    Instant now = time.instant();
    Instant from = now.minus(Duration.ofDays(7));
    Instant to = now.plus(Duration.ofDays(56));
    return OnCallPerson.<OnCallPerson>findById(subject)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("On-call person", subject);
              }
              return OnCallSchedule.<OnCallSchedule>listAll();
            })
        .chain(
            schedules ->
                ScheduleOverride.<ScheduleOverride>list("endsAt > ?1", from)
                    .map(
                        overrides -> {
                          Map<UUID, List<Cover>> covers =
                              overrides.stream()
                                  .collect(
                                      Collectors.groupingBy(
                                          o -> o.scheduleId,
                                          Collectors.mapping(
                                              ScheduleOverride::cover, Collectors.toList())));
                          List<InterventionCalendar.Event> events = new ArrayList<>();
                          for (OnCallSchedule s : schedules) {
                            Roster roster =
                                new Roster(
                                    ScheduleSheet.layers(s.timeZone, s.layers.layers()),
                                    covers.getOrDefault(s.id, List.of()));
                            for (Shift shift : roster.shifts(from, to)) {
                              if (subject.equals(shift.subject())) {
                                events.add(
                                    new InterventionCalendar.Event(
                                        s.id + "-" + shift.from().getEpochSecond() + "@vigie",
                                        "On call:",
                                        s.name,
                                        subject + " is on call for " + s.name,
                                        shift.from(),
                                        shift.until(),
                                        false,
                                        0,
                                        s.updatedAt));
                              }
                            }
                          }
                          return InterventionCalendar.render("On call: " + subject, events);
                        }));
  }

  Uni<OnCallSchedule> find(UUID id) {
    return OnCallSchedule.<OnCallSchedule>findById(id)
        .map(
            s -> {
              if (s == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              return s;
            });
  }

  Uni<Roster> roster(UUID id) {
    return find(id)
        .chain(
            s ->
                ScheduleOverride.<ScheduleOverride>list("scheduleId", id)
                    .map(
                        overrides ->
                            new Roster(
                                ScheduleSheet.layers(s.timeZone, s.layers.layers()),
                                overrides.stream().map(ScheduleOverride::cover).toList())));
  }

  Uni<Set<String>> people() {
    return OnCallPerson.<OnCallPerson>listAll()
        .map(
            all -> all.stream().map(p -> p.subject).collect(Collectors.toCollection(HashSet::new)));
  }

  Uni<Boolean> checked(ScheduleSheet sheet) {
    return people()
        .map(
            people -> {
              refuse(sheet.check(people));
              return true;
            });
  }

  void apply(OnCallSchedule s, ScheduleSheet sheet, Caller caller) {
    s.name = sheet.name().strip();
    s.timeZone = sheet.timeZone();
    s.layers = new OnCallSchedule.Layers(List.copyOf(sheet.layers()));
    s.updatedAt = time.instant();
    s.updatedBy = caller.name();
  }

  static void refuse(List<FieldError> errors) {
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
  }
}
