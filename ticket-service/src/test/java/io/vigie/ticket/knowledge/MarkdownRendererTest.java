package io.vigie.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

  @Test
  void rendersCommonMarkWithSafeLinksCodeAndTables() {
    String html =
        MarkdownRenderer.html(
            "# Disk full on /var\n\n"
                + "Free space with **care**, see [the runbook](https://wiki.example/disk)"
                + " or <mailto:noc@example.net>.\n\n"
                + "```sh\ndf -h /var\n```\n\n"
                + "![graph](https://grafana.example/disk.png)\n");
    assertThat(html)
        .contains("<h1>Disk full on /var</h1>")
        .contains("<strong>care</strong>")
        .contains("href=\"https://wiki.example/disk\"")
        .containsPattern("<a href=\"https://wiki.example/disk\" rel=\"[a-z ]*nofollow[a-z ]*\"")
        .contains("href=\"mailto:noc&#64;example.net\"")
        .contains("<pre><code class=\"language-sh\">df -h /var")
        .contains("<img src=\"https://grafana.example/disk.png\" alt=\"graph\" />");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "before <script src=\"https://evil.example/x.js\"></script> after",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click]( javascript:alert(1) )",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">raw</a>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"alert(1)\">para</p>",
        "<svg onload=alert(1)></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[link](https://ok.example \"title\" onmouseover=alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<details open ontoggle=alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)"
      })
  void scriptsScriptLinksAndEventHandlersNeverComeOut(String markdown) {
    String html = MarkdownRenderer.html(markdown).toLowerCase();
    assertThat(html)
        .doesNotContain("<script")
        // as text (escaped, between tags) it is harmless; inside a tag it never appears
        .doesNotContainPattern("<[^>]*javascript:")
        .doesNotContainPattern("<[^>]*data:text/html")
        .doesNotContain("<iframe")
        .doesNotContain("<svg")
        .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=")
        .doesNotContainPattern("<[^>]*style=");
  }

  @Test
  void rawHtmlIsShownAsTextNotInterpreted() {
    assertThat(MarkdownRenderer.html("Use <b>bold</b> <script>x()</script>"))
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .contains("&lt;script&gt;");
  }
}
