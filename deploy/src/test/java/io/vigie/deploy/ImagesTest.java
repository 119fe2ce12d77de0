package io.vigie.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What can be verified of the image build without a container runtime or a native toolchain: the
 * {@code native} profile resolves for every service, the Dockerfiles copy what Quarkus builds and
 * run as the chart's user, and the CI workflow builds every service the chart deploys.
 */
class ImagesTest {

  private static final Path IMAGES = Repository.root().resolve("deploy/images");

  @Test
  void theNativeProfileResolvesForEveryService() throws Exception {
    Path effective = Repository.root().resolve("deploy/target/effective-native-pom.xml");
    List<String> command =
        List.of(
            Repository.root().resolve("mvnw").toString(),
            "-B",
            "-ntp",
            "-q",
            "-pl",
            String.join(",", ChartTest.SERVICES),
            "help:effective-pom",
            "-Dnative",
            "-Doutput=" + effective);
    Process maven =
        new ProcessBuilder(command)
            .directory(Repository.root().toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(maven.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(maven.exitValue()).as(output).isZero();

    Document poms =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(effective.toFile());
    NodeList projects = poms.getElementsByTagName("project");
    List<String> nativeServices = new ArrayList<>();
    for (int i = 0; i < projects.getLength(); i++) {
      Element project = (Element) projects.item(i);
      String artifact = child(project, "artifactId").getTextContent();
      Element properties = child(project, "properties");
      assertThat(child(properties, "quarkus.native.enabled").getTextContent())
          .as(artifact)
          .isEqualTo("true");
      String text = project.getTextContent();
      assertThat(text).as(artifact).contains("quarkus-maven-plugin", "quarkus-kubernetes");
      nativeServices.add(artifact);
    }
    assertThat(nativeServices).containsExactlyInAnyOrderElementsOf(ChartTest.SERVICES);
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  @Test
  void theDockerfilesCopyQuarkusOutputAndRunAsTheChartsUser() throws IOException {
    String jvm = Files.readString(IMAGES.resolve("Dockerfile.jvm"));
    String nativeImage = Files.readString(IMAGES.resolve("Dockerfile.native"));

    assertThat(jvm)
        .contains("${SERVICE}/target/quarkus-app/lib/", "${SERVICE}/target/quarkus-app/app/")
        .contains("quarkus-run.jar")
        .containsPattern("(?m)^USER 185$");
    assertThat(nativeImage)
        .contains("${SERVICE}/target/*-runner")
        .containsPattern("(?m)^USER 185$");
    String deployment = Chart.environment("production").manifest();
    assertThat(deployment).contains("runAsUser: 185");

    Pattern from = Pattern.compile("(?m)^FROM (\\S+)$");
    for (String dockerfile : List.of(jvm, nativeImage)) {
      Matcher base = from.matcher(dockerfile);
      assertThat(base.find()).isTrue();
      assertThat(base.group(1)).as("a pinned base image").matches(".+:[0-9][0-9.]*");
    }
  }

  @Test
  void theWorkflowBuildsEveryServiceTheChartDeploysBothWays() throws IOException {
    JsonNode workflow =
        new ObjectMapper(new YAMLFactory())
            .readTree(Repository.root().resolve(".github/workflows/images.yml").toFile());
    JsonNode matrix = workflow.at("/jobs/image/strategy/matrix");
    List<String> services = new ArrayList<>();
    matrix.path("service").forEach(s -> services.add(s.asText()));
    assertThat(services)
        .containsExactlyInAnyOrderElementsOf(Chart.environment("production").deploymentNames());
    List<String> flavours = new ArrayList<>();
    matrix.path("flavour").forEach(f -> flavours.add(f.asText()));
    assertThat(flavours).containsExactly("jvm", "native");
    for (String flavour : flavours) {
      assertThat(IMAGES.resolve("Dockerfile." + flavour)).exists();
    }
  }
}
