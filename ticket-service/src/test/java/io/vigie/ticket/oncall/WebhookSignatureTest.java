package io.vigie.ticket.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.oncall.WebhookSignature.Verdict;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  static final String SECRET = "whsec-0123456789abcdef0123";
  static final Instant AT = Instant.parse("2026-11-30T03:00:00Z");
  static final String BODY = "{\"type\":\"page\",\"ticket\":\"INC-2026-000001\"}";

  @Test
  void theSignatureIsHmacSha256OverTheTimestampADotAndTheBody() {
    // computed independently: printf '1796007600.{"type":...}' | openssl dgst -sha256 -hmac SECRET
    assertThat(AT.getEpochSecond()).isEqualTo(1796007600L);
    assertThat(WebhookSignature.sign(SECRET, AT, BODY))
        .isEqualTo("v1=" + OpenSsl.hmacSha256(SECRET, "1796007600." + BODY));
  }

  @Test
  void aReceiverAcceptsOnceThenRefusesTheReplay() {
    Set<String> seen = new HashSet<>();
    String sig = WebhookSignature.sign(SECRET, AT, BODY);
    assertThat(WebhookSignature.verify(SECRET, "1796007600", sig, BODY, AT.plusSeconds(3), seen))
        .isEqualTo(Verdict.VALID);
    seen.add(sig);
    assertThat(WebhookSignature.verify(SECRET, "1796007600", sig, BODY, AT.plusSeconds(4), seen))
        .isEqualTo(Verdict.REPLAYED);
  }

  @Test
  void aChangedBodyTimestampOrSecretIsABadSignature() {
    Set<String> seen = Set.of();
    String sig = WebhookSignature.sign(SECRET, AT, BODY);
    assertThat(WebhookSignature.verify(SECRET, "1796007600", sig, BODY + " ", AT, seen))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(WebhookSignature.verify(SECRET, "1796007601", sig, BODY, AT, seen))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(WebhookSignature.verify(SECRET + "x", "1796007600", sig, BODY, AT, seen))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(WebhookSignature.verify(SECRET, "soon", sig, BODY, AT, seen))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(WebhookSignature.verify(SECRET, "1796007600", null, BODY, AT, seen))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aTimestampMoreThanFiveMinutesAwayIsStale() {
    String sig = WebhookSignature.sign(SECRET, AT, BODY);
    assertThat(
            WebhookSignature.verify(SECRET, "1796007600", sig, BODY, AT.plusSeconds(300), Set.of()))
        .isEqualTo(Verdict.VALID);
    assertThat(
            WebhookSignature.verify(SECRET, "1796007600", sig, BODY, AT.plusSeconds(301), Set.of()))
        .isEqualTo(Verdict.STALE);
    assertThat(
            WebhookSignature.verify(
                SECRET, "1796007600", sig, BODY, AT.minusSeconds(301), Set.of()))
        .isEqualTo(Verdict.STALE);
  }
}
