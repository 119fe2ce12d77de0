package io.vigie.ticket.oncall;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.oncall.OnCallPersonService.PersonSheet;
import io.vigie.ticket.oncall.OnCallPersonService.PersonView;
import io.vigie.ticket.oncall.OnCallPersonService.TestNotificationResult;
import io.vigie.ticket.oncall.schedule.ScheduleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The hoster's people who can be paged, with their contact methods and notification rules. Staff
 * only: a client token answers 403 on every path.
 */
@Path("/api/v1/on-call/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "On-call people", description = "Staff who can be paged, contact methods and rules")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class OnCallPersonResource {

  static final String CALENDAR = "text/calendar; charset=utf-8";

  private final OnCallPersonService people;
  private final ScheduleService schedules;
  private final CurrentCaller caller;

  public OnCallPersonResource(
      OnCallPersonService people, ScheduleService schedules, CurrentCaller caller) {
    this.people = people;
    this.schedules = schedules;
    this.caller = caller;
  }

  @GET
  @Operation(operationId = "listOnCallPeople", summary = "The people who can be paged, by subject")
  public Uni<Listing<PersonView>> list(@Valid @BeanParam PageRequest page) {
    return people.list(page);
  }

  @GET
  @Path("/{subject}")
  @Operation(
      operationId = "getOnCallPerson",
      summary = "A person's contact methods and notification rules (ETag = version)")
  public Uni<RestResponse<PersonView>> get(@PathParam("subject") String subject) {
    return people.get(subject).map(v -> ETags.ok(v, v.version()));
  }

  @PUT
  @Path("/{subject}")
  @Operation(
      operationId = "putOnCallPerson",
      summary =
          "Create a person's sheet, or replace it (If-Match); the person themself or an admin")
  public Uni<RestResponse<PersonView>> put(
      @PathParam("subject") String subject,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull PersonSheet sheet) {
    return people.put(subject, ifMatch, sheet, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @GET
  @Path("/{subject}/calendar")
  @Produces(CALENDAR)
  @Operation(
      operationId = "getOnCallPersonCalendar",
      summary =
          "The person's on-call shifts across every schedule (a week back, eight weeks ahead) as"
              + " iCalendar (RFC 5545)")
  public Uni<RestResponse<String>> calendar(@PathParam("subject") String subject) {
    return schedules.calendar(subject).map(RestResponse::ok);
  }

  @POST
  @Path("/{subject}/contact-methods/{contact}/test")
  @Operation(
      operationId = "testOnCallContactMethod",
      summary = "Send a test notification through one contact method now, and say what happened")
  public Uni<RestResponse<TestNotificationResult>> test(
      @PathParam("subject") String subject, @PathParam("contact") String contact) {
    return people.test(subject, contact, caller.get()).map(RestResponse::ok);
  }
}
