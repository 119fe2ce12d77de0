package io.vigie.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectsTest {

  @Test
  void followsOnlyPathsOfThisConsole() {
    assertThat(Redirects.local("/wall", "/")).isEqualTo("/wall");
    assertThat(Redirects.local("/tickets/1?x=2", "/")).isEqualTo("/tickets/1?x=2");
    assertThat(Redirects.local("https://evil.example/", "/")).isEqualTo("/");
    assertThat(Redirects.local("//evil.example/", "/")).isEqualTo("/");
    assertThat(Redirects.local("/\\evil.example", "/")).isEqualTo("/");
    assertThat(Redirects.local(null, "/tickets/1")).isEqualTo("/tickets/1");
  }
}
