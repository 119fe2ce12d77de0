package io.vigie.console.web;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The console's labels as a page gets them, without starting the application: English from the
 * bundle's {@code @Message} defaults, French from {@code messages/msg_fr.properties} (a label
 * missing there fails the test that reads it). For labels without parameters.
 */
public final class BundleLabels {

  private BundleLabels() {}

  public static Labels of(String language) {
    Properties french = new Properties();
    if ("fr".equals(language)) {
      try (InputStream in =
          BundleLabels.class.getClassLoader().getResourceAsStream("messages/msg_fr.properties")) {
        french.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return (Labels)
        Proxy.newProxyInstance(
            Labels.class.getClassLoader(),
            new Class<?>[] {Labels.class},
            (proxy, method, args) -> {
              if (!"fr".equals(language)) {
                return method.getAnnotation(Message.class).value();
              }
              String words = french.getProperty(method.getName());
              if (words == null) {
                throw new AssertionError("no French label " + method.getName());
              }
              return words;
            });
  }
}
