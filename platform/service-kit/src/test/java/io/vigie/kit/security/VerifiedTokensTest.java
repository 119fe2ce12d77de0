package io.vigie.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-29T03:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final VerifiedTokens<String> tokens =
      new VerifiedTokens<>(clock, Duration.ofSeconds(60), 3);

  @Test
  void aTokenIsTrustedAgainForTheTtlAtMost() {
    tokens.put("eyJ.a.b", "engineer", now.get().plusSeconds(3600));

    assertThat(tokens.get("eyJ.a.b")).isEqualTo("engineer");
    assertThat(tokens.get("eyJ.a.c")).as("one character differs: verify afresh").isNull();
    move(59);
    assertThat(tokens.get("eyJ.a.b")).isEqualTo("engineer");
    move(1);
    assertThat(tokens.get("eyJ.a.b")).isNull();
  }

  @Test
  void neverPastTheTokensOwnExpiry() {
    tokens.put("eyJ.a.b", "engineer", now.get().plusSeconds(10));
    move(10);
    assertThat(tokens.get("eyJ.a.b")).isNull();

    tokens.put("expired", "engineer", now.get().minusSeconds(1));
    assertThat(tokens.get("expired")).isNull();
  }

  @Test
  void usingATokenDoesNotExtendItsTime() {
    tokens.put("eyJ.a.b", "engineer", null);
    move(50);
    tokens.put("eyJ.a.b", "engineer", null);
    move(10);
    assertThat(tokens.get("eyJ.a.b")).isNull();
  }

  @Test
  void boundedDroppingExpiredEntriesFirst() {
    tokens.put("t1", "a", now.get().plusSeconds(5));
    tokens.put("t2", "b", null);
    tokens.put("t3", "c", null);
    move(5);
    tokens.put("t4", "d", null);

    assertThat(tokens.size()).isEqualTo(3);
    assertThat(tokens.get("t2")).isEqualTo("b");
    assertThat(tokens.get("t4")).isEqualTo("d");
    tokens.put("t5", "e", null);
    assertThat(tokens.size()).as("still full: start over").isEqualTo(1);
    assertThat(tokens.get("t5")).isEqualTo("e");
  }

  private void move(long seconds) {
    now.set(now.get().plusSeconds(seconds));
  }
}
