package io.vigie.ticket.oncall;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The people who can be paged: a person edits their own contact methods and rules, an admin
 * everyone's; staff read them (never a webhook's secret). A test notification goes out at once
 * through one contact method, so a person knows the page will reach them.
 */
@ApplicationScoped
public class OnCallPersonService {

  static final String WHAT = "On-call person";
  static final Keyset BY_SUBJECT = Keyset.ascending("subject", "text");

  private final InstantSource time;
  private final Reads reads;
  private final Notifier notifier;

  public OnCallPersonService(InstantSource time, Reads reads, Notifier notifier) {
    this.time = time;
    this.reads = reads;
    this.notifier = notifier;
  }

  /** A contact method as the API shows it: whether a secret is set, never the secret. */
  public record ContactMethodView(
      String name, ContactMethod.Kind kind, String address, boolean secretSet) {}

  /** A person as the API shows it; {@code version} is its ETag. */
  public record PersonView(
      String subject,
      String name,
      List<ContactMethodView> contactMethods,
      List<NotificationRule> notificationRules,
      long version,
      Instant updatedAt,
      String updatedBy) {

    static PersonView of(OnCallPerson p) {
      return new PersonView(
          p.subject,
          p.displayName,
          p.methods().stream()
              .map(m -> new ContactMethodView(m.name(), m.kind(), m.address(), m.secret() != null))
              .toList(),
          p.rules(),
          p.version,
          p.updatedAt,
          p.updatedBy);
    }
  }

  /**
   * A person's whole sheet, replacing the stored one: a webhook sent without {@code secret} keeps
   * the secret stored under the same name.
   */
  public record PersonSheet(
      @NotBlank @Size(max = 200) String name,
      List<ContactMethod> contactMethods,
      List<NotificationRule> notificationRules) {}

  /** The outcome of a test notification. */
  public record TestNotificationResult(
      String contact, ContactMethod.Kind kind, boolean delivered, String detail, Instant at) {}

  public Uni<Listing<PersonView>> list(PageRequest page) {
    return reads.page(SqlQuery.select("doc", "oncall_person_document").keyset(BY_SUBJECT), page);
  }

  @WithSession
  public Uni<PersonView> get(String subject) {
    return OnCallPerson.<OnCallPerson>findById(subject)
        .map(
            p -> {
              if (p == null) {
                throw ProblemException.notFound(WHAT, subject);
              }
              return PersonView.of(p);
            });
  }

  /** Creates the person (no If-Match) or replaces their sheet (If-Match required). */
  @WithTransaction
  public Uni<PersonView> put(String subject, String ifMatch, PersonSheet sheet, Caller caller) {
    requireSelfOrAdmin(subject, caller);
    return OnCallPerson.<OnCallPerson>findById(subject, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            found -> {
              OnCallPerson p = found;
              Map<String, String> kept = new LinkedHashMap<>();
              if (p != null) {
                ETags.requireMatch(ifMatch, p.version);
                for (ContactMethod m : p.methods()) {
                  if (m.secret() != null) {
                    kept.put(m.name(), m.secret());
                  }
                }
              }
              if (subject.isBlank() || subject.length() > 200) {
                throw ProblemException.invalidField("subject", "1 to 200 characters");
              }
              List<FieldError> errors =
                  ContactSheet.check(
                      sheet.contactMethods(), sheet.notificationRules(), kept.keySet());
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
              List<ContactMethod> methods = new ArrayList<>();
              for (ContactMethod m : sheet.contactMethods()) {
                String secret =
                    m.kind() == ContactMethod.Kind.WEBHOOK && m.secret() == null
                        ? kept.get(m.name())
                        : m.secret();
                methods.add(new ContactMethod(m.name(), m.kind(), m.address(), secret));
              }
              boolean created = p == null;
              if (created) {
                p = new OnCallPerson();
                p.subject = subject;
                p.version = 0;
              }
              p.displayName = sheet.name().strip();
              p.store(methods, sheet.notificationRules());
              p.version++;
              p.updatedAt = time.instant();
              p.updatedBy = caller.name();
              OnCallPerson stored = p;
              return (created ? p.persist() : Uni.createFrom().item(p))
                  .replaceWith(() -> PersonView.of(stored));
            });
  }

  /** Sends a test notification through one of the person's contact methods, now. */
  public Uni<TestNotificationResult> test(String subject, String contact, Caller caller) {
    requireSelfOrAdmin(subject, caller);
    return method(subject, contact)
        .chain(
            m ->
                notifier
                    .send(m, testNotification(subject, m))
                    .map(
                        o ->
                            new TestNotificationResult(
                                m.name(), m.kind(), o.delivered(), o.detail(), o.at())));
  }

  @WithSession
  Uni<ContactMethod> method(String subject, String contact) {
    return OnCallPerson.<OnCallPerson>findById(subject)
        .map(
            p -> {
              if (p == null) {
                throw ProblemException.notFound(WHAT, subject);
              }
              return p.methods().stream()
                  .filter(m -> m.name().equals(contact))
                  .findFirst()
                  .orElseThrow(() -> ProblemException.notFound("Contact method", contact));
            });
  }

  Notification testNotification(String subject, ContactMethod m) {
    Instant now = time.instant();
    String text =
        "This is a test notification from Vigie on-call for "
            + subject
            + " through "
            + m.name()
            + ", sent at "
            + now
            + ".\r\nPages reach you here.\r\n";
    String html =
        "<p>This is a test notification from Vigie on-call for <b>"
            + Html.escape(subject)
            + "</b> through <b>"
            + Html.escape(m.name())
            + "</b>, sent at "
            + now
            + ".</p><p>Pages reach you here.</p>";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "test");
    payload.put("person", subject);
    payload.put("contact", m.name());
    payload.put("sentAt", now.toString());
    return new Notification("[Vigie] Test notification for " + subject, text, html, payload);
  }

  static void requireSelfOrAdmin(String subject, Caller caller) {
    if (!caller.isAdmin() && !caller.name().equals(subject)) {
      throw ProblemException.forbidden("A person edits their own on-call sheet; admins everyone's");
    }
  }
}
