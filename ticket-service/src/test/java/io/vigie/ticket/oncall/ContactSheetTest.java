package io.vigie.ticket.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.ticket.oncall.ContactMethod.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactSheetTest {

  static final String SECRET = "a-secret-of-24-characters";

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void emailAtOnceAndAWebhookAfterTwoMinutesIsAccepted() {
    assertThat(
            ContactSheet.check(
                List.of(
                    new ContactMethod("mail", Kind.EMAIL, "alice@hoster.example", null),
                    new ContactMethod("sms", Kind.WEBHOOK, "https://gw.example/sms", SECRET)),
                List.of(
                    new NotificationRule("mail", Duration.ZERO),
                    new NotificationRule("sms", Duration.ofMinutes(2))),
                Set.of()))
        .isEmpty();
  }

  @Test
  void everyRefusalNamesItsField() {
    List<FieldError> errors =
        ContactSheet.check(
            List.of(
                new ContactMethod("Mail!", Kind.EMAIL, "not an address", null),
                new ContactMethod("sms", Kind.WEBHOOK, "ftp://gw.example", "short"),
                new ContactMethod("sms", Kind.WEBHOOK, "https://gw.example/x", null),
                new ContactMethod("pager", null, "x", null)),
            List.of(
                new NotificationRule("nowhere", Duration.ZERO),
                new NotificationRule("sms", Duration.ofMinutes(61)),
                new NotificationRule("sms", Duration.ofSeconds(-1))),
            Set.of());
    assertThat(fields(errors))
        .containsExactly(
            "contactMethods[0].name",
            "contactMethods[0].address",
            "contactMethods[1].address",
            "contactMethods[1].secret",
            "contactMethods[2].name",
            "contactMethods[2].secret",
            "contactMethods[3].kind",
            "notificationRules[0].contact",
            "notificationRules[1].after",
            "notificationRules[2].after");
  }

  @Test
  void aWebhookSentAgainWithoutItsSecretKeepsTheStoredOne() {
    List<ContactMethod> methods =
        List.of(new ContactMethod("sms", Kind.WEBHOOK, "https://gw.example/sms", null));
    List<NotificationRule> rules = List.of(new NotificationRule("sms", Duration.ZERO));
    assertThat(ContactSheet.check(methods, rules, Set.of("sms"))).isEmpty();
    assertThat(fields(ContactSheet.check(methods, rules, Set.of())))
        .containsExactly("contactMethods[0].secret");
  }

  @Test
  void aSheetWithoutMethodsOrRulesIsRefused() {
    assertThat(fields(ContactSheet.check(List.of(), List.of(), Set.of())))
        .containsExactly("contactMethods", "notificationRules");
    assertThat(
            fields(
                ContactSheet.check(
                    List.of(new ContactMethod("mail", Kind.EMAIL, "a@b.example", SECRET)),
                    List.of(new NotificationRule("mail", Duration.ZERO)),
                    Set.of())))
        .containsExactly("contactMethods[0].secret");
  }
}
