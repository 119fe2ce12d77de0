package io.vigie.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form the console accepts (a POST resource method) reads the anti-forgery token, so that a
 * new form cannot forget it. That the token is checked and refused when wrong is shown in the
 * browser test.
 */
class FormTokenGuardTest {

  @Test
  void everyPostedFormCarriesTheAntiForgeryToken() throws Exception {
    List<Method> posts = new ArrayList<>();
    for (Class<?> type : consoleClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(POST.class)) {
          posts.add(method);
        }
      }
    }

    assertThat(posts).hasSizeGreaterThanOrEqualTo(5);
    assertThat(posts)
        .allSatisfy(
            method ->
                assertThat(Stream.of(method.getParameters()).map(FormTokenGuardTest::formName))
                    .as(method.getDeclaringClass().getSimpleName() + "." + method.getName())
                    .contains("csrf"));
  }

  private static String formName(Parameter parameter) {
    FormParam form = parameter.getAnnotation(FormParam.class);
    return form == null ? "" : form.value();
  }

  private static List<Class<?>> consoleClasses() throws IOException, URISyntaxException {
    Path root =
        Path.of(FormTokens.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("io/vigie/console"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          classes.add(Class.forName(name, false, FormTokenGuardTest.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException(name, e);
        }
      }
    }
    return classes;
  }
}
