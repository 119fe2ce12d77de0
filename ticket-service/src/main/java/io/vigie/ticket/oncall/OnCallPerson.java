package io.vigie.ticket.oncall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A member of the hoster's staff who can be paged: their Keycloak subject, contact methods (with
 * webhook secrets) and notification rules, stored as plain JSON documents.
 */
@Entity
@Table(name = "oncall_person")
public class OnCallPerson extends PanacheEntityBase {

  @Id public String subject;

  @Column(name = "display_name", nullable = false)
  public String displayName;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Sheet sheet;

  /** The stored document: plain strings, so the JSON never depends on a mapper's settings. */
  public record Sheet(
      List<Map<String, String>> contactMethods, List<Map<String, String>> notificationRules) {}

  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  public List<ContactMethod> methods() {
    List<ContactMethod> methods = new ArrayList<>();
    for (Map<String, String> m : sheet.contactMethods()) {
      methods.add(
          new ContactMethod(
              m.get("name"),
              ContactMethod.Kind.valueOf(m.get("kind")),
              m.get("address"),
              m.get("secret")));
    }
    return methods;
  }

  public List<NotificationRule> rules() {
    List<NotificationRule> rules = new ArrayList<>();
    for (Map<String, String> r : sheet.notificationRules()) {
      rules.add(new NotificationRule(r.get("contact"), Duration.parse(r.get("after"))));
    }
    return rules;
  }

  void store(List<ContactMethod> methods, List<NotificationRule> rules) {
    List<Map<String, String>> m = new ArrayList<>();
    for (ContactMethod c : methods) {
      Map<String, String> doc = new LinkedHashMap<>();
      doc.put("name", c.name());
      doc.put("kind", c.kind().name());
      doc.put("address", c.address().strip());
      if (c.secret() != null) {
        doc.put("secret", c.secret());
      }
      m.add(doc);
    }
    List<Map<String, String>> r = new ArrayList<>();
    for (NotificationRule rule : rules) {
      Map<String, String> doc = new LinkedHashMap<>();
      doc.put("contact", rule.contact());
      doc.put("after", rule.after().toString());
      r.add(doc);
    }
    sheet = new Sheet(m, r);
  }
}
